package network.baton.node.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;

/**
 * {@code GET /openapi.json}: the OpenAPI 3.1 description of the node's HTTP API, kept by hand in
 * {@code openapi.yaml} next to this class (YAML for comments and readable diffs) and served as JSON
 * with this node's base URL as its server.
 */
public final class OpenApiRoutes {
  /** The path the document is served at. */
  public static final String PATH = "/openapi.json";

  /** The classpath location of the hand-maintained document. */
  public static final String RESOURCE = "network/baton/node/http/openapi.yaml";

  private final String json;

  /** Routes serving the bundled document with {@code baseUrl} as its one server. */
  public OpenApiRoutes(URI baseUrl) {
    ObjectNode document = document();
    document.putArray("servers").addObject().put("url", baseUrl.toString());
    this.json = document.toPrettyString();
  }

  /** The bundled document as a JSON tree (read from the YAML resource). */
  public static ObjectNode document() {
    try (InputStream in = OpenApiRoutes.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) throw new IllegalStateException("missing resource " + RESOURCE);
      return (ObjectNode) new ObjectMapper(new YAMLFactory()).readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
    }
  }

  /** Adds the route. */
  public void mount(Router router) {
    router.get(PATH).handler(this::serve);
  }

  private void serve(RoutingContext rc) {
    rc.response()
        .putHeader("Content-Type", "application/json")
        .putHeader("Cache-Control", "max-age=300")
        .putHeader("Access-Control-Allow-Origin", "*")
        .end(json);
  }
}
