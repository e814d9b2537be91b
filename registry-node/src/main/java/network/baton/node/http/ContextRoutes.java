package network.baton.node.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import network.baton.vocab.ContextLoader;

/**
 * {@code GET /contexts/baton-v1.jsonld}: the BATON JSON-LD context ({@value
 * ContextLoader#BATON_CONTEXT}) as the node bundles it, so a client that cannot reach that URL
 * reads the node's JSON-LD answers with the node alone. The resource answers link it (RFC 8288
 * {@code alternate} with the context URL as anchor); the bytes never change while the node runs, so
 * the answer is cacheable and has a strong ETag.
 */
public final class ContextRoutes {

  /** The path the BATON context is served at. */
  public static final String PATH = "/contexts/baton-v1.jsonld";

  /**
   * The Link field value saying that the BATON context has an alternate copy on this node, for
   * answers that name the context.
   */
  public static final String LINK =
      "<"
          + PATH
          + ">; rel=\"alternate\"; type=\"application/ld+json\"; anchor=\""
          + ContextLoader.BATON_CONTEXT
          + "\"";

  private static final String RESOURCE = "baton/context-v1.jsonld";

  private final Buffer body;
  private final String etag;

  /** Routes serving the context bundled with the vocabulary. */
  public ContextRoutes() {
    try (InputStream in = ContextLoader.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) throw new IllegalStateException("missing resource " + RESOURCE);
      byte[] bytes = in.readAllBytes();
      this.body = Buffer.buffer(bytes);
      this.etag = EntityTags.of(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /** Adds the route. */
  public void mount(Router router) {
    router.get(PATH).handler(this::serve);
  }

  private void serve(RoutingContext rc) {
    var response =
        rc.response()
            .putHeader("ETag", etag)
            .putHeader("Cache-Control", "public, max-age=86400")
            .putHeader("Access-Control-Allow-Origin", "*");
    if (EntityTags.weakMatch(rc.request().getHeader("If-None-Match"), etag)) {
      response.setStatusCode(304).end();
      return;
    }
    response.putHeader("Content-Type", "application/ld+json").end(body);
  }
}
