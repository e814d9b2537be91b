package network.baton.node.auth;

import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.PlatformHandler;
import java.time.Duration;
import network.baton.credential.http.Problem;
import network.baton.node.config.AdminLockout;
import network.baton.node.http.ClientAddresses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets a write through only with {@code Authorization: Bearer <admin token>}: 401 without, 403
 * wrong. A client address that sent too many wrong tokens within the window ({@link AdminLockout})
 * is answered 429 with Retry-After until the window ends, whatever token it sends: were the right
 * one let through, a blocked client could still tell right from wrong at full speed, and the limit
 * would slow no one. An accepted token clears the client's failures. Tokens are never logged.
 * Marked as a platform handler so Vert.x lets it run before the BodyHandler: an anonymous client is
 * refused before the node buffers its body.
 */
public final class AdminAuthHandler implements PlatformHandler {

  private static final Logger log = LoggerFactory.getLogger(AdminAuthHandler.class);
  private static final String BEARER = "bearer ";

  private final AdminTokens tokens;
  private final FailedAttempts failures;
  private final Duration window;
  private final ClientAddresses clients;

  private AdminAuthHandler(
      AdminTokens tokens, FailedAttempts failures, Duration window, ClientAddresses clients) {
    this.tokens = tokens;
    this.failures = failures;
    this.window = window;
    this.clients = clients;
  }

  /** A handler checking against these tokens, with the default limit on wrong ones. */
  public static AdminAuthHandler create(AdminTokens tokens) {
    return create(tokens, AdminLockout.defaults(), ClientAddresses.direct());
  }

  /**
   * A handler checking against these tokens, limiting wrong ones per client as lockout says, the
   * clients told apart by clients (behind trusted proxies, by X-Forwarded-For).
   */
  public static AdminAuthHandler create(
      AdminTokens tokens, AdminLockout lockout, ClientAddresses clients) {
    return create(tokens, lockout, clients, new FailedAttempts(lockout, System::nanoTime));
  }

  /** A handler counting wrong tokens in failures (whose clock a test may drive). */
  public static AdminAuthHandler create(
      AdminTokens tokens, AdminLockout lockout, ClientAddresses clients, FailedAttempts failures) {
    return new AdminAuthHandler(tokens, failures, lockout.window(), clients);
  }

  @Override
  public void handle(RoutingContext rc) {
    String header = rc.request().getHeader("Authorization");
    if (header == null || header.isBlank()) {
      rc.fail(
          new Problem(
              "unauthorized",
              401,
              "Unauthorized",
              "this write needs an admin token: Authorization: Bearer <token>"));
      return;
    }
    if (header.length() <= BEARER.length()
        || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      rc.fail(
          new Problem(
              "unauthorized",
              401,
              "Unauthorized",
              "the Authorization header must be: Bearer <token>"));
      return;
    }
    String client = clients.of(rc.request());
    Duration blocked = failures.blockedFor(client);
    if (!blocked.isZero()) {
      long seconds = Math.max(1, (blocked.toMillis() + 999) / 1000);
      rc.fail(
          Problem.tooManyRequests(
              "this address sent "
                  + failures.limit()
                  + " wrong admin tokens within "
                  + describe(window)
                  + "; admin requests from it are refused, whatever the token, for "
                  + seconds
                  + " s more",
              seconds));
      return;
    }
    String token = header.substring(BEARER.length()).strip();
    if (!tokens.accepts(token)) {
      if (failures.failed(client)) {
        log.warn(
            "wrong admin tokens: client blocked [client: {}, failures: {}, window: {}]",
            client,
            failures.limit(),
            window);
      }
      rc.fail(
          new Problem(
              "forbidden", 403, "Forbidden", "the admin token is not accepted by this node"));
      return;
    }
    failures.succeeded(client);
    rc.next();
  }

  private static String describe(Duration window) {
    long seconds = window.toSeconds();
    return seconds % 60 == 0 && seconds > 0 ? (seconds / 60) + " min" : seconds + " s";
  }
}
