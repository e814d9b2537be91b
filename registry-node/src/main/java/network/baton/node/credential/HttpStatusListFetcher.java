package network.baton.node.credential;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import network.baton.credential.fetch.FetchPolicy;
import network.baton.credential.fetch.HttpFetcher;
import network.baton.credential.status.StatusListFetcher;

/**
 * Fetches another issuer's status list credential under the node's {@link FetchPolicy} (https to
 * public addresses; loopback only when allowed), never following redirects, within one deadline for
 * headers and body and a byte limit, so a slow or huge answer from an untrusted URL cannot hold a
 * worker or fill memory, and a URL in a credential cannot reach the node's own network.
 */
public final class HttpStatusListFetcher implements StatusListFetcher {
  /** 2 MiB: a list of the largest accepted size (8 Mi entries) compresses far below this. */
  public static final int DEFAULT_MAX_BYTES = 2 * 1024 * 1024;

  private final HttpFetcher fetcher;

  /** A fetcher with its own HTTP client, under this policy. */
  public HttpStatusListFetcher(Duration timeout, int maxBytes, FetchPolicy policy) {
    this.fetcher = new HttpFetcher(policy, timeout, maxBytes);
  }

  @Override
  public String fetch(URI url) throws IOException {
    HttpFetcher.Answer answer = fetcher.get(url, "application/vc+jwt, application/vc;q=0.5");
    if (answer.status() != 200) throw new IOException(url + " answered HTTP " + answer.status());
    return new String(answer.body(), StandardCharsets.UTF_8);
  }
}
