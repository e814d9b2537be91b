package network.baton.node.resources;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.document.RdfDocument;
import com.apicatalog.jsonld.loader.DocumentLoader;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonGenerator;
import java.io.StringWriter;
import java.net.URI;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.system.JenaTitanium;
import org.apache.jena.sparql.core.DatasetGraphFactory;

/**
 * Writes a graph as JSON-LD compacted with the BATON context (served offline from the classpath),
 * so clients read "name", "teaches", ... instead of full IRIs.
 */
public final class JsonLdCompactor {

  /** The URL the BATON context is published at. */
  public static final String BATON_CONTEXT = "https://w3id.org/baton/context/v1";

  private static final JsonWriterFactory PRETTY =
      jakarta.json.Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));

  private final URI contextUrl;
  private final DocumentLoader loader;

  /** A compactor with the context at contextUrl, loaded (offline) through loader. */
  public JsonLdCompactor(URI contextUrl, DocumentLoader loader) {
    this.contextUrl = contextUrl;
    this.loader = loader;
  }

  /** The graph as compacted JSON-LD text. */
  public String compact(Graph graph) {
    try {
      JsonArray expanded =
          JsonLd.fromRdf(RdfDocument.of(JenaTitanium.convert(DatasetGraphFactory.wrap(graph))))
              .get();
      JsonObject compacted =
          JsonLd.compact(JsonDocument.of(expanded), contextUrl).loader(loader).get();
      // Titanium inlines the loaded context; name it by its URL instead, first, as clients expect.
      JsonObjectBuilder document =
          jakarta.json.Json.createObjectBuilder().add("@context", contextUrl.toString());
      compacted.forEach(
          (key, value) -> {
            if (!key.equals("@context")) {
              document.add(key, value);
            }
          });
      StringWriter out = new StringWriter();
      try (JsonWriter writer = PRETTY.createWriter(out)) {
        writer.write(document.build());
      }
      return out.toString();
    } catch (JsonLdError e) {
      throw new IllegalStateException("JSON-LD compaction failed: " + e.getMessage(), e);
    }
  }
}
