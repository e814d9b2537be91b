package network.baton.credential.fetch;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.DefaultHttpClientConnectionOperator;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.io.DetachedSocketFactory;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.config.RegistryBuilder;
import org.apache.hc.core5.pool.PoolConcurrencyPolicy;
import org.apache.hc.core5.pool.PoolReusePolicy;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * GETs one document from a URL that input named (a did:web document, a status list), under a {@link
 * FetchPolicy}, within one deadline for the whole exchange and a body-size limit, following no
 * redirect, sending no cookie, credentials or compression request. Thread-safe; one instance per
 * kind of document.
 *
 * <p>Apache HttpClient 5 (classic) does the HTTP: its connection operator connects to exactly the
 * addresses its {@link DnsResolver} returns, so the policy checks those addresses (not the name)
 * and a name that re-resolves elsewhere cannot slip past the check. The sockets it connects also
 * check the address they are about to connect to, with the URL's scheme, before any byte is sent,
 * covering any path that would skip the resolver. TLS (SNI, hostname verification) stays on the
 * name. Connections are not reused: each fetch connects, and is checked, anew.
 */
public final class HttpFetcher {
  /** Most fetches of one fetcher in flight at once; more are refused, not queued. */
  public static final int MAX_IN_FLIGHT = 32;

  private final FetchPolicy policy;
  private final Duration timeout;
  private final int maxBytes;
  private final CloseableHttpClient client;
  private final ThreadPoolExecutor exchanges;
  private final AtomicInteger threads = new AtomicInteger();

  /** A fetcher under this policy, giving each fetch {@code timeout} and {@code maxBytes}. */
  public HttpFetcher(FetchPolicy policy, Duration timeout, int maxBytes) {
    this.policy = requireNonNull(policy, "policy");
    this.timeout = requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive");
    }
    if (maxBytes < 1) throw new IllegalArgumentException("maxBytes must be positive");
    this.maxBytes = maxBytes;
    this.client = client(policy, Timeout.of(timeout));
    // HttpClient classic has no limit on a whole exchange (only per connect and per read), and a
    // name lookup cannot be interrupted; so each exchange runs on a thread of its own and the
    // caller waits for it up to the deadline, then cancels it (which closes its connection).
    // Threads end when idle; a full pool refuses rather than queues.
    this.exchanges =
        new ThreadPoolExecutor(
            0,
            MAX_IN_FLIGHT,
            30,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            task -> {
              Thread thread = new Thread(task, "baton-fetch-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
  }

  /** The policy this fetcher applies. */
  public FetchPolicy policy() {
    return policy;
  }

  /** The deadline of one fetch. */
  public Duration timeout() {
    return timeout;
  }

  /** The largest body accepted, in bytes. */
  public int maxBytes() {
    return maxBytes;
  }

  /** An answer: its status, its media type (null when none), the body of a 200 answer. */
  public record Answer(int status, String contentType, byte[] body) {
    public Answer {
      body = body == null ? new byte[0] : body;
    }
  }

  /**
   * GETs the URL asking for {@code accept}; any status comes back (a redirect is not followed),
   * with the body only for 200. Fails with {@link FetchRefusedException} when the policy refuses
   * the URL or an address it resolves to, or {@link FetchException} of kind TIMEOUT, TOO_LARGE or
   * FAILED.
   */
  public Answer get(URI url, String accept) throws FetchException {
    policy.checkUrl(url);
    HttpGet request = new HttpGet(url);
    request.setHeader("Accept", requireNonNull(accept, "accept"));
    Future<Answer> exchange;
    try {
      exchange = exchanges.submit(() -> exchange(url, request));
    } catch (RejectedExecutionException e) {
      throw new FetchException(
          FetchException.Kind.FAILED,
          "too many fetches in flight (" + MAX_IN_FLIGHT + "); try again shortly");
    }
    try {
      return exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      request.cancel();
      exchange.cancel(true);
      throw new FetchException(
          FetchException.Kind.TIMEOUT, "no answer within " + timeout.toMillis() + " ms");
    } catch (InterruptedException e) {
      request.cancel();
      exchange.cancel(true);
      Thread.currentThread().interrupt();
      throw new FetchException(FetchException.Kind.FAILED, "interrupted");
    } catch (ExecutionException e) {
      throw failure(url, e.getCause());
    }
  }

  private Answer exchange(URI url, HttpGet request) throws IOException {
    boolean whole = false;
    ClassicHttpResponse response = client.executeOpen(null, request, null);
    try {
      int status = response.getCode();
      HttpEntity entity = response.getEntity();
      String type = entity == null ? null : entity.getContentType();
      if (status != 200 || entity == null) return new Answer(status, type, null);
      if (entity.getContentLength() > maxBytes) throw tooLarge();
      byte[] body;
      try (InputStream in = entity.getContent()) {
        body = in.readNBytes(maxBytes + 1);
      }
      if (body.length > maxBytes) throw tooLarge();
      whole = true;
      return new Answer(status, type, body);
    } finally {
      if (whole) {
        response.close();
      } else {
        // An answer left unread (not 200, too large) is cut off, not drained; closing what is cut
        // off can only fail, and the reason to report is the one above.
        request.cancel();
        try {
          response.close();
        } catch (IOException ignored) {
          // already closed by the cancel
        }
      }
    }
  }

  private FetchException tooLarge() {
    return new FetchException(
        FetchException.Kind.TOO_LARGE, "the answer is more than " + maxBytes + " bytes");
  }

  private FetchException failure(URI url, Throwable cause) {
    for (Throwable c = cause; c != null; c = c.getCause()) {
      if (c instanceof RefusedHost refused) return refused.refusal;
      if (c instanceof FetchRefusedException refused) {
        // Refused by the socket, which knows only the address: name the URL's host instead.
        return new FetchRefusedException(url.getHost(), refused.reason());
      }
      if (c instanceof FetchException known) return known;
    }
    if (cause instanceof UnknownHostException) {
      return new FetchException(FetchException.Kind.FAILED, "unknown host " + url.getHost(), cause);
    }
    if (cause instanceof java.net.SocketTimeoutException) {
      // The client's read or connect timeout (the deadline too) can fire just before ours.
      return new FetchException(
          FetchException.Kind.TIMEOUT, "no answer within " + timeout.toMillis() + " ms", cause);
    }
    String message = cause.getMessage() == null ? cause.toString() : cause.getMessage();
    return new FetchException(FetchException.Kind.FAILED, message, cause);
  }

  private static CloseableHttpClient client(FetchPolicy policy, Timeout deadline) {
    DnsResolver names =
        new DnsResolver() {
          @Override
          public InetAddress[] resolve(String host) throws UnknownHostException {
            try {
              return policy.resolve(host).toArray(InetAddress[]::new);
            } catch (FetchRefusedException e) {
              throw new RefusedHost(e);
            }
          }

          @Override
          public String resolveCanonicalHostname(String host) {
            return host;
          }
        };
    DetachedSocketFactory sockets =
        new DetachedSocketFactory() {
          @Override
          public Socket create(Proxy proxy) throws IOException {
            // Not told the scheme: judged as plain http, the strictest.
            return create("http", proxy);
          }

          @Override
          public Socket create(String scheme, Proxy proxy) throws IOException {
            if (proxy != null && proxy.type() != Proxy.Type.DIRECT) {
              throw new FetchException(FetchException.Kind.FAILED, "fetches use no proxy");
            }
            return new CheckedSocket(policy, scheme);
          }
        };
    PoolingHttpClientConnectionManager connections =
        new PoolingHttpClientConnectionManager(
            new DefaultHttpClientConnectionOperator(
                sockets,
                DefaultSchemePortResolver.INSTANCE,
                names,
                RegistryBuilder.<TlsSocketStrategy>create()
                    // The JVM's trust store and TLS settings (javax.net.ssl.*), plus any CA the
                    // policy adds to them.
                    .register(
                        "https",
                        policy.trust().isJdkDefault()
                            ? DefaultClientTlsStrategy.createSystemDefault()
                            : new DefaultClientTlsStrategy(policy.trust().sslContext()))
                    .build()),
            PoolConcurrencyPolicy.STRICT,
            PoolReusePolicy.LIFO,
            TimeValue.NEG_ONE_MILLISECOND,
            null);
    connections.setMaxTotal(MAX_IN_FLIGHT);
    connections.setDefaultMaxPerRoute(MAX_IN_FLIGHT);
    connections.setDefaultConnectionConfig(
        ConnectionConfig.custom().setConnectTimeout(deadline).setSocketTimeout(deadline).build());
    connections.setDefaultTlsConfig(TlsConfig.custom().setHandshakeTimeout(deadline).build());
    return HttpClients.custom()
        .setConnectionManager(connections)
        .setConnectionReuseStrategy((request, response, context) -> false)
        .setDefaultRequestConfig(
            RequestConfig.custom()
                .setConnectionRequestTimeout(deadline)
                .setResponseTimeout(deadline)
                .setRedirectsEnabled(false)
                .setProtocolUpgradeEnabled(false)
                .setContentCompressionEnabled(false)
                .setAuthenticationEnabled(false)
                .build())
        .disableRedirectHandling()
        .disableAutomaticRetries()
        .disableCookieManagement()
        .disableAuthCaching()
        .disableContentCompression()
        .setUserAgent("BATON-Registry")
        .build();
  }

  /**
   * A policy refusal made while resolving: HttpClient's resolver may only throw {@link
   * UnknownHostException}, so the refusal travels inside one.
   */
  private static final class RefusedHost extends UnknownHostException {
    private static final long serialVersionUID = 1L;

    private final transient FetchRefusedException refusal;

    RefusedHost(FetchRefusedException refusal) {
      super(refusal.getMessage());
      this.refusal = refusal;
    }
  }

  /**
   * A socket that checks the address it is about to connect to against the policy, for the URL's
   * scheme. Direct, never through a JVM-wide SOCKS proxy (which would make the proxy the address
   * connected to).
   */
  private static final class CheckedSocket extends Socket {
    private final FetchPolicy policy;
    private final String scheme;

    CheckedSocket(FetchPolicy policy, String scheme) {
      super(Proxy.NO_PROXY);
      this.policy = policy;
      this.scheme = scheme;
    }

    @Override
    public void connect(java.net.SocketAddress endpoint, int timeout) throws IOException {
      if (!(endpoint instanceof java.net.InetSocketAddress inet) || inet.getAddress() == null) {
        throw new FetchRefusedException(
            String.valueOf(endpoint), "is not a resolved address, which this node does not use");
      }
      InetAddress address = inet.getAddress();
      policy.checkAddress(scheme, address.getHostAddress(), address);
      super.connect(endpoint, timeout);
    }
  }
}
