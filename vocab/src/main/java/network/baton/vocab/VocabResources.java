package network.baton.vocab;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.jena.graph.Graph;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * Classpath locations of the bundled vocabulary files and loaders for them. Each call parses the
 * file again into a new graph: callers keep what they load.
 */
public final class VocabResources {

  /** The BATON ontology (open licences, skill coverage, tombstones). */
  public static final String ONTOLOGY = "baton/ontology.ttl";

  /** The battery skills framework (SKOS). */
  public static final String SKILLS = "baton/skills.ttl";

  /** The educational levels scheme (SKOS). */
  public static final String LEVELS = "baton/levels.ttl";

  /** The SHACL shapes of publishable resources. */
  public static final String SHAPES = "baton/shapes.ttl";

  private VocabResources() {}

  /** A new graph holding the ontology. */
  public static Graph ontology() {
    return load(ONTOLOGY);
  }

  /** A new graph holding the skills framework. */
  public static Graph skills() {
    return load(SKILLS);
  }

  /** A new graph holding the educational levels. */
  public static Graph levels() {
    return load(LEVELS);
  }

  /** A new graph with the ontology, skills and levels together: reference data for validation. */
  public static Graph vocabulary() {
    Graph graph = GraphFactory.createDefaultGraph();
    parseInto(ONTOLOGY, graph);
    parseInto(SKILLS, graph);
    parseInto(LEVELS, graph);
    return graph;
  }

  /** A new graph parsed from a Turtle file on the classpath, e.g. {@link #SKILLS}. */
  public static Graph load(String location) {
    Graph graph = GraphFactory.createDefaultGraph();
    parseInto(location, graph);
    return graph;
  }

  /** A new model parsed from a Turtle file on the classpath, e.g. {@link #SKILLS}. */
  public static Model model(String location) {
    return ModelFactory.createModelForGraph(load(location));
  }

  private static void parseInto(String location, Graph graph) {
    ClassLoader loader = VocabResources.class.getClassLoader();
    try (InputStream in = loader.getResourceAsStream(location)) {
      if (in == null) {
        throw new IllegalStateException("vocabulary file missing from classpath: " + location);
      }
      RDFParser.source(in).lang(Lang.TURTLE).base("classpath:" + location).parse(graph);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read vocabulary file " + location, e);
    }
  }
}
