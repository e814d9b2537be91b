package network.baton.node.store;

import java.util.Set;
import org.apache.jena.graph.Node;

/**
 * Hears of every write transaction that commits on a {@link NodeDataset}, with the named graphs it
 * changed.
 */
@FunctionalInterface
public interface CommitListener {

  /**
   * Called on the writer's thread inside the write transaction, just before it commits (read the
   * changed graphs here: writers are serialised, so calls come in commit order); returns what to do
   * once the commit has succeeded (not run if it fails).
   */
  Runnable beforeCommit(Set<Node> changedGraphs);
}
