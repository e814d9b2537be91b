package network.baton.node.launch;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import network.baton.credential.did.DidWeb;
import network.baton.credential.keys.PublicKeyMaterial;
import network.baton.node.auth.AdminTokens;
import network.baton.node.config.Admin;
import network.baton.node.config.Federation;
import network.baton.node.config.Identity;
import network.baton.node.config.NodeConfig;
import network.baton.node.config.Server;
import network.baton.node.federation.Member;

/**
 * Where each member of a {@link LocalNetwork} listens and who it is (port, base URL, DID, admin
 * token), decided before any member starts, and the config each member starts with: its store in
 * {@code KEY/} of the network's folder, the coordinator as trust anchor, the others listed, and TLS
 * from the network's CA on https.
 */
final class NetworkLayout {

  /** A member as planned before it starts: where it will listen and who it is. */
  record Planned(MemberPlan plan, int port, URI baseUrl, String did, String adminToken) {
    /**
     * Where others reach it, when known before it starts: its base URL when that names the port.
     */
    URI address() {
      return plan.baseUrl() == null ? baseUrl : null;
    }

    Member member() {
      if (address() == null) {
        throw new IllegalStateException(plan.key() + " is reached at a port known only later");
      }
      return new Member(did, address(), plan.name(), plan.roles());
    }
  }

  private final Path folder;
  private final NetworkOptions options;
  private final PublicKeyMaterial coordinator;
  private final String adminToken;
  private final LocalCa ca;

  /** A layout in this (absolute) folder; ca is null for a plain http network. */
  NetworkLayout(
      Path folder,
      NetworkOptions options,
      PublicKeyMaterial coordinator,
      String adminToken,
      LocalCa ca) {
    this.folder = folder;
    this.options = options;
    this.coordinator = coordinator;
    this.adminToken = adminToken;
    this.ca = ca;
  }

  /** "http", or "https" when the network has its own CA. */
  String scheme() {
    return ca == null ? "http" : "https";
  }

  /**
   * These members planned: free loopback ports where none is given, base URLs, DIDs and admin
   * tokens; a key already taken (by a running member or another plan) is refused.
   */
  List<Planned> plan(List<MemberPlan> plans, Set<String> taken) {
    int free = (int) plans.stream().filter(p -> p.port() == 0 && p.baseUrl() == null).count();
    Iterator<Integer> ports = LocalPorts.free(free).iterator();
    List<Planned> planned = new ArrayList<>();
    for (MemberPlan plan : plans) {
      if (taken.contains(plan.key())
          || planned.stream().anyMatch(p -> p.plan().key().equals(plan.key()))) {
        throw new IllegalArgumentException("a member " + plan.key() + " is in the network already");
      }
      int port = plan.port() == 0 && plan.baseUrl() == null ? ports.next() : plan.port();
      URI base =
          plan.baseUrl() != null ? plan.baseUrl() : URI.create(scheme() + "://localhost:" + port);
      planned.add(
          new Planned(
              plan,
              port,
              base,
              plan.did() != null ? plan.did() : DidWeb.fromBaseUrl(base),
              plan.adminToken() != null ? plan.adminToken() : adminToken));
    }
    return planned;
  }

  /** The config a planned member starts with, the others planned with it listed when asked. */
  NodeConfig config(Planned member, List<Planned> planned) {
    MemberPlan plan = member.plan();
    Path dataDir = folder.resolve(plan.key());
    List<Member> listed = new ArrayList<>();
    if (options.listEachOther()) {
      planned.forEach(p -> listed.add(p.member()));
      listed.addAll(options.alsoListed());
    }
    NodeConfig config =
        new NodeConfig(
            Server.defaults(dataDir, member.baseUrl())
                .withPort(member.port())
                .withHost(LocalPorts.LOOPBACK),
            new Identity(
                plan.name(), plan.institution(), member.did(), Identity.defaults().languages()),
            Admin.defaults().withTokenHashes(List.of(AdminTokens.hash(member.adminToken()))),
            null,
            ca == null
                ? options.credentials()
                : options
                    .credentials()
                    .withLoopbackHttp(false)
                    .withLoopbackHttps(true)
                    .withTrustedCertificates(List.of(ca.certificateFile())),
            new Federation(
                options.federated() ? List.of(coordinator) : List.of(),
                options.membershipSync(),
                listed),
            null,
            null);
    if (ca != null) {
      config = config.withServer(s -> s.withTls(ca.issue(plan.key())));
    }
    return plan.config().apply(config);
  }

  /** Where a member is reached: at, else its planned address, else loopback at its port. */
  LocalMember running(Planned member, NodeConfig config, int port, URI at) {
    // A certificate of the local CA names localhost and 127.0.0.1 alike.
    URI address =
        at != null
            ? at
            : member.address() != null
                ? member.address()
                : URI.create(scheme() + "://127.0.0.1:" + port);
    return new LocalMember(
        member.plan().key(), config, member.plan().roles(), member.adminToken(), port, address);
  }
}
