package network.baton.vocab;

import org.apache.jena.datatypes.TypeMapper;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphMemFactory;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;

/**
 * Rewrites {@code https://schema.org/} IRIs to {@code http://schema.org/}, the one schema.org
 * namespace BATON stores (vocab/MODEL.md). Applied to every graph on its way in.
 */
public final class SchemaNormalizer {

  /** The schema.org namespace BATON stores. */
  public static final String SCHEMA = "http://schema.org/";

  /** The schema.org namespace rewritten on input (what Jena's SchemaDO uses). */
  public static final String SCHEMA_HTTPS = "https://schema.org/";

  private SchemaNormalizer() {}

  /** The IRI with an {@code https://schema.org/} prefix replaced; other nodes unchanged. */
  public static Node normalize(Node node) {
    if (node.isURI() && node.getURI().startsWith(SCHEMA_HTTPS)) {
      return NodeFactory.createURI(SCHEMA + node.getURI().substring(SCHEMA_HTTPS.length()));
    }
    if (node.isLiteral() && node.getLiteralDatatypeURI().startsWith(SCHEMA_HTTPS)) {
      String datatype = SCHEMA + node.getLiteralDatatypeURI().substring(SCHEMA_HTTPS.length());
      return NodeFactory.createLiteralDT(
          node.getLiteralLexicalForm(), TypeMapper.getInstance().getSafeTypeByName(datatype));
    }
    return node;
  }

  /** The triple with every position normalised. */
  public static Triple normalize(Triple triple) {
    return Triple.create(
        normalize(triple.getSubject()),
        normalize(triple.getPredicate()),
        normalize(triple.getObject()));
  }

  /** True if any node of the graph uses the https schema.org namespace. */
  public static boolean needsNormalizing(Graph graph) {
    return graph.stream().anyMatch(t -> !t.equals(normalize(t)));
  }

  /** The graph itself when nothing needs rewriting, otherwise a normalised copy. */
  public static Graph normalize(Graph graph) {
    if (!needsNormalizing(graph)) {
      return graph;
    }
    Graph out = GraphMemFactory.createDefaultGraph();
    graph.stream().map(SchemaNormalizer::normalize).forEach(out::add);
    return out;
  }
}
