package network.baton.node.resources;

import java.io.StringWriter;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * Writes a resource graph in any linked-data {@link ResourceFormat}; HTML is the web pages'
 * resource page ({@code node.web}), not a serialisation of the graph.
 */
public final class GraphRenderer {

  private final JsonLdCompactor jsonLd;
  private final PrefixMapping prefixes;

  /** A renderer; jsonLd null means plain (uncompacted) JSON-LD from Jena. */
  public GraphRenderer(JsonLdCompactor jsonLd, PrefixMapping prefixes) {
    this.jsonLd = jsonLd;
    this.prefixes = prefixes;
  }

  /** The graph as text in the format (not HTML). */
  public String render(Graph graph, ResourceFormat format) {
    return switch (format) {
      case HTML -> throw new IllegalArgumentException("HTML is the resource page, not a graph");
      case JSONLD ->
          jsonLd != null ? jsonLd.compact(graph) : write(graph, RDFFormat.JSONLD11_PRETTY);
      case TURTLE -> write(graph, RDFFormat.TURTLE_PRETTY);
      case NTRIPLES -> write(graph, RDFFormat.NTRIPLES_UTF8);
      case RDFXML -> write(graph, RDFFormat.RDFXML_PLAIN);
    };
  }

  private String write(Graph graph, RDFFormat format) {
    Graph withPrefixes = GraphFactory.createDefaultGraph();
    withPrefixes.getPrefixMapping().setNsPrefixes(prefixes);
    graph.find().forEachRemaining(withPrefixes::add);
    StringWriter out = new StringWriter();
    RDFDataMgr.write(out, withPrefixes, format);
    return out.toString();
  }
}
