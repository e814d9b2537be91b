package network.baton.node.resources;

import java.util.List;
import org.apache.jena.graph.Graph;

/** Checks a resource graph against the publishing rules; an empty list means it may be stored. */
@FunctionalInterface
public interface ResourceValidator {

  /** The violations found in the graph (warnings and infos are not returned). */
  List<ValidationIssue> validate(Graph graph);
}
