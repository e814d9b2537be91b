package network.baton.node.store;

import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.loader.DocumentLoader;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.lang.LangJSONLD11;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.Context;

/** JSON-LD through Jena's parser with a document loader that serves only what it is given. */
public final class JenaJsonLdParsing implements RdfParsing {

  private final DocumentLoader loader;

  /** A parser that loads contexts only through this (offline) loader. */
  public JenaJsonLdParsing(DocumentLoader loader) {
    this.loader = loader;
  }

  @Override
  public Graph parseJsonLd(String json, String base) {
    JsonLdOptions options = new JsonLdOptions();
    options.setDocumentLoader(loader);
    Context context = new Context();
    context.set(LangJSONLD11.JSONLD_OPTIONS, options);
    Graph graph = GraphFactory.createDefaultGraph();
    try {
      RDFParser.create().fromString(json).lang(Lang.JSONLD).base(base).context(context).parse(graph);
    } catch (RiotException e) {
      throw new RdfSyntaxException("invalid JSON-LD: " + e.getMessage(), -1, -1);
    }
    return graph;
  }
}
