package network.baton.node.launch;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.nio.file.Path;
import java.util.Set;
import network.baton.node.config.NodeConfig;
import network.baton.node.federation.Member;
import network.baton.node.federation.Role;

/**
 * A started member of a local network: its key, its config (name, base URL, DID, data folder), its
 * roles, its admin token, the port it listens on and the URL others reach it at (its base URL when
 * that names the port, else the loopback port, or the port of the delayed link in front of it).
 */
public record LocalMember(
    String key, NodeConfig config, Set<Role> roles, String adminToken, int port, URI address) {
  public LocalMember {
    requireNonNull(key, "key");
    requireNonNull(config, "config");
    roles = Set.copyOf(roles);
    requireNonNull(adminToken, "adminToken");
    requireNonNull(address, "address");
  }

  /** The name its config gives. */
  public String name() {
    return config.identity().name();
  }

  /** Its base URL: the prefix of its resource IRIs. */
  public URI baseUrl() {
    return config.server().baseUrl();
  }

  /** Its base URL without a trailing slash, as the tests join paths to it. */
  public String url() {
    String base = config.server().baseUrl().toString();
    return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  /** Its DID. */
  public String did() {
    return config.identity().did();
  }

  /** Its store's folder. */
  public Path dataDir() {
    return config.server().dataDir();
  }

  /** The member as a membership list or a config names it. */
  public Member member() {
    return new Member(config.identity().did(), address, config.identity().name(), roles);
  }
}
