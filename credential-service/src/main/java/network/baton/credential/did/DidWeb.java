package network.baton.credential.did;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * {@code did:web} identifiers per the did:web method: the host (with {@code %3A} before a port),
 * then path segments joined by {@code :}; the document lives at {@code /.well-known/did.json} or
 * {@code /path/did.json}.
 */
public final class DidWeb {
  private static final String PREFIX = "did:web:";

  private DidWeb() {}

  /**
   * The did:web for a node's base URL, e.g. {@code https://host:8443/a} -> {@code
   * did:web:host%3A8443:a}.
   */
  public static String fromBaseUrl(URI baseUrl) {
    if (!baseUrl.isAbsolute() || baseUrl.getHost() == null) {
      throw new IllegalArgumentException("base URL must be absolute with a host: " + baseUrl);
    }
    StringBuilder did = new StringBuilder(PREFIX).append(baseUrl.getHost().toLowerCase());
    if (baseUrl.getPort() != -1) did.append("%3A").append(baseUrl.getPort());
    String path = baseUrl.getRawPath();
    if (path != null) {
      for (String segment : path.split("/")) {
        if (!segment.isEmpty()) did.append(':').append(segment);
      }
    }
    return did.toString();
  }

  /** The URL of a did:web's DID document, over https or (when asked) plain http. */
  public static URI documentUrl(String did, boolean plainHttp) {
    if (did == null || !did.startsWith(PREFIX) || did.length() == PREFIX.length()) {
      throw new DidResolutionException("not a did:web: " + did);
    }
    if (did.contains("#") || did.contains("?") || did.contains("/")) {
      throw new DidResolutionException("a did:web must not contain '/', '?' or '#': " + did);
    }
    String[] parts = did.substring(PREFIX.length()).split(":", -1);
    String authority = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
    if (authority.isEmpty() || authority.contains("@")) {
      throw new DidResolutionException("did:web has no valid host: " + did);
    }
    String path =
        parts.length == 1
            ? "/.well-known/did.json"
            : Arrays.stream(parts, 1, parts.length)
                .collect(Collectors.joining("/", "/", "/did.json"));
    try {
      URI uri = URI.create((plainHttp ? "http://" : "https://") + authority + path);
      if (uri.getHost() == null) throw new IllegalArgumentException("no host");
      return uri;
    } catch (IllegalArgumentException e) {
      throw new DidResolutionException("did:web does not form a valid URL: " + did, e);
    }
  }
}
