package network.baton.node.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SLF4J line per request: method, path, status, milliseconds (never headers, so no tokens). A
 * request whose client closed the connection before the answer went out is a line too, saying so (a
 * runaway query's client that gave up would otherwise leave no trace).
 */
public final class AccessLog implements Handler<RoutingContext> {

  private static final Logger log = LoggerFactory.getLogger("network.baton.node.access");

  /** The handler; mount first with {@code router.route().handler(...)}. */
  public static AccessLog create() {
    return new AccessLog();
  }

  @Override
  public void handle(RoutingContext rc) {
    long start = System.nanoTime();
    rc.addBodyEndHandler(
        v ->
            log.info(
                "{} {} {} {}ms",
                rc.request().method(),
                rc.request().path(),
                rc.response().getStatusCode(),
                (System.nanoTime() - start) / 1_000_000));
    rc.addEndHandler(
        done -> {
          if (done.failed()) {
            log.info(
                "{} {} client closed the connection before the answer {}ms",
                rc.request().method(),
                rc.request().path(),
                (System.nanoTime() - start) / 1_000_000);
          }
        });
    rc.next();
  }
}
