package network.baton.node.sparql;

import io.vertx.core.MultiMap;
import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.irix.IRIException;
import org.apache.jena.irix.IRIx;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DynamicDatasets;

/**
 * The RDF dataset a request names (SPARQL 1.1 Protocol 2.1.4): the {@code default-graph-uri} and
 * {@code named-graph-uri} parameters, which take precedence over the query's {@code FROM} and
 * {@code FROM NAMED}, or else those. Either way it is made of the node's own graphs (one per
 * resource, named by its IRI; a name the store does not have is an empty graph): nothing is
 * fetched. No description at all means the node's default dataset, the union of its graphs as the
 * default graph. A full-text search ({@code text:query}) over a named dataset is refused (400): the
 * text index answers from all of the node's graphs.
 */
public record QueryDataset(List<String> defaultGraphs, List<String> namedGraphs) {

  /** The parameter naming a graph of the default graph. */
  public static final String DEFAULT_GRAPH = "default-graph-uri";

  /** The parameter naming a named graph. */
  public static final String NAMED_GRAPH = "named-graph-uri";

  /** No dataset named by the protocol. */
  public static final QueryDataset NONE = new QueryDataset(List.of(), List.of());

  public QueryDataset {
    defaultGraphs = List.copyOf(defaultGraphs);
    namedGraphs = List.copyOf(namedGraphs);
    defaultGraphs.forEach(QueryDataset::requireAbsoluteIri);
    namedGraphs.forEach(QueryDataset::requireAbsoluteIri);
  }

  /** The dataset of a request's parameters (query string or form). */
  public static QueryDataset of(MultiMap parameters) {
    return new QueryDataset(parameters.getAll(DEFAULT_GRAPH), parameters.getAll(NAMED_GRAPH));
  }

  /** Whether the protocol names a dataset. */
  public boolean isGiven() {
    return !defaultGraphs.isEmpty() || !namedGraphs.isEmpty();
  }

  /**
   * The dataset to run query over within store, or null for the default one; a dataset the protocol
   * names replaces the query's own, which is taken out of the query.
   */
  DatasetGraph over(DatasetGraph store, Query query) {
    List<String> defaults = isGiven() ? defaultGraphs : query.getGraphURIs();
    List<String> named = isGiven() ? namedGraphs : query.getNamedGraphURIs();
    if (defaults.isEmpty() && named.isEmpty()) {
      return null;
    }
    if (QueryPolicy.searchesTextIndex(query)) {
      // jena-text answers from the store's whole Lucene index whatever the dataset: its hits
      // would come from graphs the request left out, so the request is refused, not half honoured.
      throw new QueryRefused(
          QueryRefused.Reason.BAD_ARGUMENT,
          "text:query searches the node's whole full-text index and cannot be limited to the"
              + " dataset this request names ("
              + DEFAULT_GRAPH
              + ", "
              + NAMED_GRAPH
              + " or FROM); ask without a dataset and name the graph with GRAPH <iri> { ... }");
    }
    DatasetGraph chosen =
        DynamicDatasets.dynamicDataset(nodes(defaults), nodes(named), store, false);
    query.getGraphURIs().clear();
    query.getNamedGraphURIs().clear();
    return chosen;
  }

  private static List<Node> nodes(List<String> iris) {
    return iris.stream().map(NodeFactory::createURI).toList();
  }

  private static void requireAbsoluteIri(String iri) {
    try {
      if (IRIx.create(iri).isAbsolute()) {
        return;
      }
    } catch (IRIException e) {
      // refused below
    }
    throw new QueryRefused(
        QueryRefused.Reason.BAD_ARGUMENT,
        DEFAULT_GRAPH + " and " + NAMED_GRAPH + " name graphs by absolute IRI, not: " + iri);
  }
}
