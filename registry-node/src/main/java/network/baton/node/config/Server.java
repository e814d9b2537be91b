package network.baton.node.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import network.baton.node.http.ClientAddresses;

/**
 * Where the node listens and stores: {@code port}, {@code host}, {@code dataDir}, the public {@code
 * baseUrl}, the request body limit ({@code bodyLimitBytes}), how long a connection may stay silent
 * ({@code idleTimeout}; null until {@link NodeConfig} sets it past the SPARQL timeout) and the
 * proxies whose X-Forwarded-For it believes ({@code trustedProxies}, IP literals), and the TLS
 * certificate and key it serves https with ({@code tls}; null: plain http, e.g. behind a proxy).
 */
public record Server(
    int port,
    String host,
    Path dataDir,
    URI baseUrl,
    long bodyLimitBytes,
    Duration idleTimeout,
    List<String> trustedProxies,
    ServerTls tls) {

  /** Default request body limit: 10 MB. */
  public static final long DEFAULT_BODY_LIMIT = 10L * 1024 * 1024;

  public Server {
    if (port < 0 || port > 65535) {
      throw new ConfigException("port must be between 0 and 65535: " + port);
    }
    if (host == null || host.isBlank()) {
      throw new ConfigException("host must not be empty");
    }
    if (dataDir == null) {
      throw new ConfigException("dataDir is required (the folder of the node's store)");
    }
    baseUrl = checkBaseUrl(baseUrl);
    if (bodyLimitBytes <= 0) {
      throw new ConfigException("bodyLimitBytes must be positive: " + bodyLimitBytes);
    }
    trustedProxies = List.copyOf(trustedProxies == null ? List.of() : trustedProxies);
    for (String proxy : trustedProxies) {
      if (!ClientAddresses.isLiteral(proxy.strip())) {
        throw new ConfigException(
            "trustedProxies entries must be IP addresses such as 127.0.0.1 or ::1: " + proxy);
      }
    }
  }

  /** Plain http (no TLS served by the node). */
  public Server(
      int port,
      String host,
      Path dataDir,
      URI baseUrl,
      long bodyLimitBytes,
      Duration idleTimeout,
      List<String> trustedProxies) {
    this(port, host, dataDir, baseUrl, bodyLimitBytes, idleTimeout, trustedProxies, null);
  }

  /** Port 8080 on every interface, the default body limit, no proxies. */
  public static Server defaults(Path dataDir, URI baseUrl) {
    return new Server(8080, "0.0.0.0", dataDir, baseUrl, DEFAULT_BODY_LIMIT, null, List.of());
  }

  /** A copy listening on another port. */
  public Server withPort(int newPort) {
    return new Server(
        newPort, host, dataDir, baseUrl, bodyLimitBytes, idleTimeout, trustedProxies, tls);
  }

  /** A copy listening on another interface. */
  public Server withHost(String newHost) {
    return new Server(
        port, newHost, dataDir, baseUrl, bodyLimitBytes, idleTimeout, trustedProxies, tls);
  }

  /** A copy storing in another folder. */
  public Server withDataDir(Path newDataDir) {
    return new Server(
        port, host, newDataDir, baseUrl, bodyLimitBytes, idleTimeout, trustedProxies, tls);
  }

  /** A copy with another base URL. */
  public Server withBaseUrl(URI newBaseUrl) {
    return new Server(
        port, host, dataDir, newBaseUrl, bodyLimitBytes, idleTimeout, trustedProxies, tls);
  }

  /** A copy with another request body limit. */
  public Server withBodyLimitBytes(long newLimit) {
    return new Server(port, host, dataDir, baseUrl, newLimit, idleTimeout, trustedProxies, tls);
  }

  /** A copy closing connections that send and receive nothing for this long. */
  public Server withIdleTimeout(Duration newIdleTimeout) {
    return new Server(
        port, host, dataDir, baseUrl, bodyLimitBytes, newIdleTimeout, trustedProxies, tls);
  }

  /** A copy serving TLS with this certificate and key (null: plain http). */
  public Server withTls(ServerTls newTls) {
    return new Server(
        port, host, dataDir, baseUrl, bodyLimitBytes, idleTimeout, trustedProxies, newTls);
  }

  private static URI checkBaseUrl(URI url) {
    if (url == null) {
      throw new ConfigException("baseUrl is required (the public http(s) URL of this node)");
    }
    String scheme = url.getScheme();
    if (!url.isAbsolute()
        || url.getHost() == null
        || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
      throw new ConfigException("baseUrl must be an absolute http(s) URL: " + url);
    }
    if (url.getRawQuery() != null || url.getRawFragment() != null) {
      throw new ConfigException("baseUrl must not have a query or fragment: " + url);
    }
    String text = url.toString();
    while (text.endsWith("/")) {
      text = text.substring(0, text.length() - 1);
    }
    return URI.create(text);
  }
}
