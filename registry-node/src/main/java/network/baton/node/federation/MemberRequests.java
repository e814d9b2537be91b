package network.baton.node.federation;

import static java.util.Objects.requireNonNull;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.net.TrustOptions;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Locale;
import network.baton.credential.fetch.FetchException;
import network.baton.credential.fetch.FetchPolicy;
import org.slf4j.Logger;

/**
 * Aims a Vert.x request at a member's URL under the node's {@link FetchPolicy}, the same rule as
 * for DID documents and status lists: the URL checked (https, or plain http to a loopback host with
 * {@code allowLoopbackHttp}), its host looked up on a worker thread (the policy's resolver blocks)
 * with every address checked, and the request sent to the first address, so Vert.x connects to
 * exactly the address that was checked and resolves nothing itself. The Host header, TLS SNI and
 * hostname verification keep the name.
 *
 * <p>Members come from the coordinator-signed list or the node's config, not from anonymous input;
 * the policy still holds so that neither can point a node at its own network.
 */
public final class MemberRequests {
  private final Vertx vertx;
  private final FetchPolicy policy;

  /** Requests under this policy, looking names up on vertx's worker threads. */
  public MemberRequests(Vertx vertx, FetchPolicy policy) {
    this.vertx = requireNonNull(vertx, "vertx");
    this.policy = requireNonNull(policy, "policy");
  }

  /**
   * Options for an HTTP client making these requests: https trusts what the policy trusts (the
   * JDK's certificate authorities and any the config adds), host names verified.
   */
  public HttpClientOptions clientOptions() {
    HttpClientOptions options = new HttpClientOptions().setVerifyHost(true);
    if (!policy.trust().isJdkDefault()) {
      options.setTrustOptions(TrustOptions.wrap(policy.trust().trustManager()));
    }
    return options;
  }

  /**
   * A connect handler logging a member's broken connection at debug to {@code log}: the failure
   * fails the call the connection carries, which reports it; without a handler Vert.x would also
   * log it at ERROR.
   */
  public static Handler<HttpConnection> brokenConnectionsAtDebug(Logger log) {
    return connection ->
        connection.exceptionHandler(
            e ->
                log.debug(
                    "member connection failed [peer: {}, reason: {}]",
                    connection.remoteAddress(),
                    FailureReason.of(e)));
  }

  /**
   * Options for {@code method} on {@code url}, aimed at a checked address; fails with a {@link
   * FetchException} (refused by the policy, or the host is unknown) in plain words.
   */
  public Future<RequestOptions> options(HttpMethod method, String url) {
    URI uri;
    try {
      uri = URI.create(url);
      policy.checkUrl(uri);
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(
          new FetchException(FetchException.Kind.REFUSED, "not a valid URL: " + url));
    } catch (FetchException e) {
      return Future.failedFuture(e);
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
    return vertx
        .executeBlocking(() -> address(scheme, uri.getHost()), false)
        .map(
            address ->
                new RequestOptions()
                    .setMethod(method)
                    .setAbsoluteURI(url)
                    .setServer(
                        SocketAddress.inetSocketAddress(new InetSocketAddress(address, port))));
  }

  private InetAddress address(String scheme, String host) throws FetchException {
    try {
      InetAddress first = policy.resolve(host).get(0);
      policy.checkAddress(scheme, host, first);
      return first;
    } catch (java.net.UnknownHostException e) {
      throw new FetchException(FetchException.Kind.FAILED, "unknown host " + host, e);
    }
  }
}
