package network.baton.node.http;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who a request comes from, for per-client limits. Without trusted proxies it is the connection's
 * peer address. Behind a TLS proxy every connection comes from the proxy, so when the peer is one
 * of the configured {@code trustedProxies} the client is the right-most {@code X-Forwarded-For}
 * address that is not itself a trusted proxy (the one the nearest trusted proxy saw).
 *
 * <p>Written here rather than taken from Vert.x Web's {@code Router.allowForward}: that trusts the
 * forwarding headers of every peer, so any client could name its own address and escape the limits.
 */
public final class ClientAddresses {

  private static final String FORWARDED_FOR = "X-Forwarded-For";

  private final Set<String> trustedProxies;

  private ClientAddresses(Set<String> trustedProxies) {
    this.trustedProxies = trustedProxies;
  }

  /** The connection's peer is the client (no proxy in front, or none trusted). */
  public static ClientAddresses direct() {
    return new ClientAddresses(Set.of());
  }

  /**
   * Behind these proxies (IP address literals): their X-Forwarded-For is believed, no one else's.
   */
  public static ClientAddresses behind(List<String> proxies) {
    return new ClientAddresses(
        proxies.stream().map(ClientAddresses::canonical).collect(Collectors.toSet()));
  }

  /** Whether any proxy is trusted. */
  public boolean behindProxy() {
    return !trustedProxies.isEmpty();
  }

  /** The client's address as text ("unknown" when the connection shows none). */
  public String of(HttpServerRequest request) {
    SocketAddress remote = request.remoteAddress();
    String peer = remote == null || remote.hostAddress() == null ? "unknown" : remote.hostAddress();
    return of(peer, request.headers().getAll(FORWARDED_FOR));
  }

  /** The client of a connection from connectedPeer with these X-Forwarded-For header values. */
  String of(String connectedPeer, List<String> forwardedFor) {
    String peer = canonical(connectedPeer);
    if (trustedProxies.isEmpty() || !trustedProxies.contains(peer)) {
      return peer;
    }
    List<String> hops = new ArrayList<>();
    for (String header : forwardedFor) {
      for (String hop : header.split(",")) {
        if (!hop.isBlank()) {
          hops.add(hop.strip());
        }
      }
    }
    for (int i = hops.size() - 1; i >= 0; i--) {
      String hop = canonical(hops.get(i));
      if (!trustedProxies.contains(hop)) {
        return hop;
      }
    }
    return peer;
  }

  /** An IP literal in one spelling (so "::1" and "0:0:0:0:0:0:0:1" are one client); else as is. */
  static String canonical(String address) {
    String text = address.strip();
    if (text.startsWith("[") && text.endsWith("]")) {
      text = text.substring(1, text.length() - 1);
    }
    if (!isLiteral(text)) {
      return text;
    }
    try {
      // A literal only (checked above): no name is ever looked up.
      return InetAddress.getByName(text).getHostAddress();
    } catch (UnknownHostException e) {
      return text;
    }
  }

  /** Whether text is an IPv4 dotted quad or an IPv6 literal (a host name has no colon). */
  public static boolean isLiteral(String text) {
    return text.contains(":") || text.matches("\\d{1,3}(\\.\\d{1,3}){3}");
  }
}
