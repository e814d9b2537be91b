package network.baton.node.credential;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import network.baton.credential.status.StatusListFetcher;

/**
 * Fetches another issuer's status list credential over HTTPS (plain http only for loopback hosts
 * when allowed), never following redirects, within one deadline for headers and body and a byte
 * limit, so a slow or huge answer from an untrusted URL cannot hold a worker or fill memory.
 */
public final class HttpStatusListFetcher implements StatusListFetcher {
  /** 2 MiB: a list of the largest accepted size (8 Mi entries) compresses far below this. */
  public static final int DEFAULT_MAX_BYTES = 2 * 1024 * 1024;

  private final HttpClient client;
  private final Duration timeout;
  private final int maxBytes;
  private final boolean allowLoopbackHttp;

  /** A fetcher with its own HTTP client. */
  public HttpStatusListFetcher(Duration timeout, int maxBytes, boolean allowLoopbackHttp) {
    this.timeout = requireNonNull(timeout, "timeout");
    if (maxBytes < 1) throw new IllegalArgumentException("maxBytes must be positive");
    this.maxBytes = maxBytes;
    this.allowLoopbackHttp = allowLoopbackHttp;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  @Override
  public String fetch(URI url) throws IOException {
    checkScheme(url);
    HttpRequest request =
        HttpRequest.newBuilder(url)
            .timeout(timeout)
            .header("Accept", "application/vc+jwt, application/vc;q=0.5")
            .GET()
            .build();
    CompletableFuture<String> body =
        client
            .sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
            .thenApply(response -> read(url, response));
    try {
      return body.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      body.cancel(true);
      throw new IOException("no answer within " + timeout.toMillis() + " ms");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      body.cancel(true);
      throw new IOException("interrupted");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof java.io.UncheckedIOException u) throw u.getCause();
      throw new IOException(
          cause.getMessage() == null ? cause.toString() : cause.getMessage(), cause);
    }
  }

  private String read(URI url, HttpResponse<InputStream> response) {
    try (InputStream in = response.body()) {
      int status = response.statusCode();
      if (status != 200) throw new IOException(url + " answered HTTP " + status);
      byte[] bytes = in.readNBytes(maxBytes + 1);
      if (bytes.length > maxBytes) {
        throw new IOException(url + " answered more than " + maxBytes + " bytes");
      }
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private void checkScheme(URI url) throws IOException {
    String scheme =
        url.getScheme() == null ? "" : url.getScheme().toLowerCase(java.util.Locale.ROOT);
    if (scheme.equals("https")) return;
    if (scheme.equals("http") && allowLoopbackHttp && isLoopback(url.getHost())) return;
    throw new IOException(
        "status lists are fetched over https only"
            + (scheme.equals("http") ? " (plain http only for loopback hosts when allowed)" : "")
            + ": "
            + url);
  }

  private static boolean isLoopback(String host) {
    if (host == null) return false;
    if (host.equalsIgnoreCase("localhost")) return true;
    boolean literal = host.startsWith("[") || host.matches("[0-9.]+");
    if (!literal) return false;
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
