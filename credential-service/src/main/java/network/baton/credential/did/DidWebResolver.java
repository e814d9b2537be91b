package network.baton.credential.did;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves {@code did:web} over HTTPS (plain http only for loopback hosts when the options allow
 * it), within a deadline and a body-size limit, never following redirects, and checking that the
 * document's id is the DID asked for. Successful results are cached for a short time.
 */
public final class DidWebResolver implements DidResolver {
  private static final Logger log = LoggerFactory.getLogger(DidWebResolver.class);

  private final DidWebOptions options;
  private final HttpClient client;
  private final ObjectMapper mapper = new ObjectMapper();
  private final Cache<String, DidDocument> cache;

  /** A resolver with its own HTTP client configured from the options. */
  public DidWebResolver(DidWebOptions options) {
    this.options = requireNonNull(options, "options");
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(options.timeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.cache =
        Caffeine.newBuilder()
            .expireAfterWrite(options.cacheTtl())
            .maximumSize(options.cacheSize())
            .build();
  }

  @Override
  public DidDocument resolve(String did) {
    DidDocument cached = cache.getIfPresent(did);
    if (cached != null) return cached;
    DidDocument fetched = fetch(did);
    cache.put(did, fetched);
    return fetched;
  }

  /** The URL the document of this DID is fetched from under these options. */
  public URI documentUrl(String did) {
    URI https = DidWeb.documentUrl(did, false);
    boolean plain = options.allowLoopbackHttp() && isLoopback(https.getHost());
    return plain ? DidWeb.documentUrl(did, true) : https;
  }

  private DidDocument fetch(String did) {
    URI url = documentUrl(did);
    long start = System.nanoTime();
    HttpRequest request =
        HttpRequest.newBuilder(url)
            .timeout(options.timeout())
            .header("Accept", "application/did+json, application/json")
            .GET()
            .build();
    CompletableFuture<HttpResponse<byte[]>> future =
        client.sendAsync(
            request,
            info ->
                new LimitedBodySubscriber(
                    options.maxBodyBytes(),
                    info.headers().firstValueAsLong("Content-Length").orElse(-1)));
    HttpResponse<byte[]> response;
    try {
      response = future.get(options.timeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new DidResolutionException(
          "DID document for "
              + did
              + " not received within "
              + options.timeout().toMillis()
              + " ms");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      future.cancel(true);
      throw new DidResolutionException("interrupted while fetching the DID document for " + did);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException && cause.getCause() != null) cause = cause.getCause();
      if (cause instanceof LimitedBodySubscriber.BodyTooLargeException) {
        throw new DidResolutionException(
            "DID document for " + did + " is larger than " + options.maxBodyBytes() + " bytes");
      }
      throw new DidResolutionException(
          "cannot fetch the DID document for " + did + " from " + url + ": " + cause, cause);
    }
    int status = response.statusCode();
    log.debug(
        "fetched DID document [did: {}, status: {}, ms: {}]",
        did,
        status,
        (System.nanoTime() - start) / 1_000_000);
    if (status / 100 == 3) {
      throw new DidResolutionException(
          "DID document for "
              + did
              + " answered a redirect ("
              + status
              + "), which is not followed");
    }
    if (status != 200) {
      throw new DidResolutionException("DID document for " + did + " answered HTTP " + status);
    }
    DidDocument document;
    try {
      document = DidDocument.parse(mapper.readTree(response.body()));
    } catch (JsonProcessingException e) {
      throw new DidResolutionException("DID document for " + did + " is not valid JSON", e);
    } catch (IOException e) {
      throw new DidResolutionException("DID document for " + did + " cannot be read", e);
    }
    if (!did.equals(document.id())) {
      throw new DidResolutionException(
          "DID document fetched for " + did + " names another DID: " + document.id());
    }
    return document;
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
