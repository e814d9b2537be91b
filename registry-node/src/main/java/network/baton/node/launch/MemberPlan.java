package network.baton.node.launch;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.UnaryOperator;
import network.baton.node.NodeSetup;
import network.baton.node.config.NodeConfig;
import network.baton.node.federation.Role;
import network.baton.vocab.SampleContent.Institution;

/**
 * One member to start: its key (its folder under the network's, unique in the network), the name
 * and institution its config gives, its port (0: a free loopback port picked before the start, so
 * that its base URL and did:web can name it), its base URL (null: {@code http://localhost:PORT};
 * given with port 0, the node listens on any port and others reach it at the port it got), its DID
 * (null: the did:web of the base URL), its roles in a membership list, its admin token (null: the
 * network's), what its store holds before it starts, a last change to its config, and its node
 * setup (null: the network's).
 */
public record MemberPlan(
    String key,
    String name,
    String institution,
    int port,
    URI baseUrl,
    String did,
    Set<Role> roles,
    String adminToken,
    MemberContent content,
    UnaryOperator<NodeConfig> config,
    NodeSetup setup) {
  public MemberPlan {
    if (key == null || !key.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
      throw new IllegalArgumentException("a member key is a folder name: " + key);
    }
    name = name == null ? key : name;
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be between 0 and 65535: " + port);
    }
    if (baseUrl != null && !baseUrl.isAbsolute()) {
      throw new IllegalArgumentException("a base URL must be absolute: " + baseUrl);
    }
    roles = Set.copyOf(requireNonNull(roles, "roles"));
    content = content == null ? MemberContent.none() : content;
    config = config == null ? UnaryOperator.identity() : config;
  }

  /** A member with this key (also its name), on a free port, publisher and issuer, store empty. */
  public static MemberPlan named(String key) {
    return new MemberPlan(
        key,
        key,
        null,
        0,
        null,
        null,
        EnumSet.of(Role.PUBLISHER, Role.ISSUER),
        null,
        null,
        null,
        null);
  }

  /** A member named after the institution whose sample content it publishes. */
  public static MemberPlan sample(Institution institution) {
    return named(institution.key()).withContent(MemberContent.sample(institution));
  }

  /** A copy whose config gives this name and institution. */
  public MemberPlan withName(String newName, String newInstitution) {
    return new MemberPlan(
        key,
        newName,
        newInstitution,
        port,
        baseUrl,
        did,
        roles,
        adminToken,
        content,
        config,
        setup);
  }

  /** A copy on this port (0: a free one). */
  public MemberPlan withPort(int newPort) {
    return new MemberPlan(
        key, name, institution, newPort, baseUrl, did, roles, adminToken, content, config, setup);
  }

  /** A copy with this base URL and DID, listening on any port (others reach it at that port). */
  public MemberPlan withIdentity(URI newBaseUrl, String newDid) {
    return new MemberPlan(
        key, name, institution, 0, newBaseUrl, newDid, roles, adminToken, content, config, setup);
  }

  /** A copy with these roles in membership lists. */
  public MemberPlan withRoles(Set<Role> newRoles) {
    return new MemberPlan(
        key, name, institution, port, baseUrl, did, newRoles, adminToken, content, config, setup);
  }

  /** A copy accepting this admin token. */
  public MemberPlan withAdminToken(String token) {
    return new MemberPlan(
        key, name, institution, port, baseUrl, did, roles, token, content, config, setup);
  }

  /** A copy whose store is filled so before it starts. */
  public MemberPlan withContent(MemberContent newContent) {
    return new MemberPlan(
        key, name, institution, port, baseUrl, did, roles, adminToken, newContent, config, setup);
  }

  /** A copy whose config is changed so last (e.g. the members it lists). */
  public MemberPlan withConfig(UnaryOperator<NodeConfig> change) {
    return new MemberPlan(
        key, name, institution, port, baseUrl, did, roles, adminToken, content, change, setup);
  }

  /** A copy running with this setup instead of the network's (other extensions). */
  public MemberPlan withSetup(NodeSetup newSetup) {
    return new MemberPlan(
        key, name, institution, port, baseUrl, did, roles, adminToken, content, config, newSetup);
  }
}
