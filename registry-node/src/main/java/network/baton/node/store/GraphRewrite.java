package network.baton.node.store;

import java.util.function.UnaryOperator;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;

/** A new graph with every triple of another rewritten, and its prefixes kept. */
public final class GraphRewrite {
  private GraphRewrite() {}

  /** A copy of {@code graph} with each triple replaced by what {@code rewrite} makes of it. */
  public static Graph of(Graph graph, UnaryOperator<Triple> rewrite) {
    Graph result = GraphFactory.createDefaultGraph();
    result.getPrefixMapping().setNsPrefixes(graph.getPrefixMapping());
    graph.find().forEachRemaining(t -> result.add(rewrite.apply(t)));
    return result;
  }
}
