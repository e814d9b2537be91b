package network.baton.credential.did;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.net.URI;
import network.baton.credential.fetch.FetchException;
import network.baton.credential.fetch.FetchPolicy;
import network.baton.credential.fetch.FetchRefusedException;
import network.baton.credential.fetch.HttpFetcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves {@code did:web} over HTTPS under the node's {@link FetchPolicy} (public addresses only;
 * loopback, and plain http for loopback hosts, only when the policy allows it), within a deadline
 * and a body-size limit, never following redirects, and checking that the document's id is the DID
 * asked for. Successful results are cached for a short time.
 */
public final class DidWebResolver implements DidResolver {
  private static final Logger log = LoggerFactory.getLogger(DidWebResolver.class);

  private final DidWebOptions options;
  private final FetchPolicy policy;
  private final HttpFetcher fetcher;
  private final ObjectMapper mapper = new ObjectMapper();
  private final Cache<String, DidDocument> cache;

  /** A resolver fetching under this policy with the options' limits. */
  public DidWebResolver(DidWebOptions options, FetchPolicy policy) {
    this.options = requireNonNull(options, "options");
    this.policy = requireNonNull(policy, "policy");
    this.fetcher = new HttpFetcher(policy, options.timeout(), options.maxBodyBytes());
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

  /**
   * The URL the document of this DID is fetched from: https as the did:web method requires, plain
   * http only for a loopback host when the policy allows loopback (tests, the local demo).
   */
  public URI documentUrl(String did) {
    URI https = DidWeb.documentUrl(did, false);
    boolean plain = policy.allowLoopbackHttp() && FetchPolicy.isLoopbackName(https.getHost());
    return plain ? DidWeb.documentUrl(did, true) : https;
  }

  private DidDocument fetch(String did) {
    URI url = documentUrl(did);
    long start = System.nanoTime();
    HttpFetcher.Answer answer;
    try {
      answer = fetcher.get(url, "application/did+json, application/json");
    } catch (FetchRefusedException e) {
      log.debug("DID document not fetched [did: {}, reason: {}]", did, e.getMessage());
      throw new DidResolutionException(e.describe(did), e);
    } catch (FetchException e) {
      throw switch (e.kind()) {
        case TIMEOUT ->
            new DidResolutionException(
                "DID document for "
                    + did
                    + " not received within "
                    + options.timeout().toMillis()
                    + " ms",
                e);
        case TOO_LARGE ->
            new DidResolutionException(
                "DID document for " + did + " is larger than " + options.maxBodyBytes() + " bytes",
                e);
        default ->
            new DidResolutionException(
                "cannot fetch the DID document for " + did + " from " + url + ": " + e.getMessage(),
                e);
      };
    }
    int status = answer.status();
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
      document = DidDocument.parse(mapper.readTree(answer.body()));
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
}
