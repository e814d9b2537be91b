package network.baton.node.launch;

import static java.nio.charset.StandardCharsets.US_ASCII;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import network.baton.credential.fetch.TrustedCertificates;
import network.baton.credential.keys.KeyAlgorithm;
import network.baton.credential.keys.PublicKeyMaterial;
import network.baton.credential.keys.SigningKey;
import network.baton.node.NodeSetup;
import network.baton.node.NodeVerticle;
import network.baton.node.auth.AdminTokens;
import network.baton.node.config.NodeConfig;
import network.baton.node.federation.Member;
import network.baton.node.federation.membership.MembershipList;
import network.baton.node.federation.membership.MembershipState;
import network.baton.node.federation.membership.SignedMembershipList;
import network.baton.node.launch.LocalPorts.PortInUseException;
import network.baton.node.launch.NetworkLayout.Planned;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A network of member nodes on loopback, everything under one folder (a member's store in {@code
 * KEY/}): the one launcher behind {@code baton demo}, the benchmarks and the multi-node tests. It
 * picks the members' ports and writes each member's config (its {@link NetworkLayout}), holds the
 * coordinator's key and signs membership lists with it, fills each member's store, starts it (in
 * this JVM or as a process of its own), waits until it answers, and on {@link #close()} stops every
 * member and removes the folder unless told to keep it. See {@link NetworkOptions} for what can
 * differ between networks.
 */
public final class LocalNetwork implements AutoCloseable {

  /** Members starting at once: each start opens a store on the shared worker pool. */
  private static final int STARTING_AT_ONCE = 4;

  private static final Logger log = LoggerFactory.getLogger(LocalNetwork.class);

  /** A running member: a verticle in this JVM (with its deployment) or a process. */
  private record Running(
      LocalMember member, NodeVerticle node, String deployment, NodeProcess process) {}

  private final Path folder;
  private final NetworkOptions options;
  private final Vertx vertx = Vertx.vertx();
  private final SigningKey coordinator;
  private final String adminToken;
  private final Map<String, Running> running = new LinkedHashMap<>();
  // Every process started, so close() ends each even when its start failed half-way.
  private final List<NodeProcess> processes = new ArrayList<>();
  private final LocalCa ca;
  private final NetworkLayout layout;
  private SignedMembershipList initialList;
  private boolean closed;

  private LocalNetwork(Path folder, NetworkOptions options) {
    SecureRandom random = new SecureRandom();
    this.folder = folder.toAbsolutePath().normalize();
    this.options = options;
    this.coordinator =
        options.coordinator() != null
            ? options.coordinator()
            : SigningKey.generate(KeyAlgorithm.ED25519, "coordinator", random);
    this.adminToken =
        options.adminToken() != null ? options.adminToken() : AdminTokens.newToken(random);
    this.ca = options.https() ? LocalCa.in(this.folder.resolve("tls")) : null;
    this.layout = new NetworkLayout(this.folder, options, coordinator.publicKey(), adminToken, ca);
  }

  /** A network in this folder (created when missing) with no member started yet. */
  public static LocalNetwork create(Path folder, NetworkOptions options) {
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + folder + ": " + e.getMessage(), e);
    }
    return new LocalNetwork(folder, options);
  }

  /** A network in this folder with these members started; closed again when one fails. */
  public static LocalNetwork start(Path folder, NetworkOptions options, List<MemberPlan> plans) {
    LocalNetwork network = create(folder, options);
    try {
      network.start(plans);
      return network;
    } catch (RuntimeException e) {
      network.close();
      throw e;
    }
  }

  /**
   * Starts these members side by side (a few at a time) and returns them once each listens (a
   * process: once it answers {@code /health}); a taken port fails with a {@link
   * PortInUseException}.
   */
  public synchronized List<LocalMember> start(List<MemberPlan> plans) {
    if (closed) throw new IllegalStateException("the network is closed");
    List<Planned> planned = layout.plan(plans, running.keySet());
    if (options.initialList() != null) saveInitialList(planned);
    List<Future<Running>> starting = new ArrayList<>();
    for (Planned member : planned) {
      // Stores are filled here one by one while the members filled before start on the
      // workers; at most a few starts wait at once.
      if (starting.size() >= STARTING_AT_ONCE) {
        await(starting.get(starting.size() - STARTING_AT_ONCE).otherwiseEmpty());
      }
      NodeConfig config = layout.config(member, planned);
      member.plan().content().fill(config);
      starting.add(start(member, config));
    }
    try {
      await(Future.join(starting));
    } catch (IllegalStateException e) {
      for (int i = 0; i < starting.size(); i++) {
        Throwable failure = starting.get(i).cause();
        if (failure != null && LocalPorts.isBindFailure(failure)) {
          throw new PortInUseException(planned.get(i).port(), failure);
        }
      }
      throw e;
    }
    List<LocalMember> started = new ArrayList<>();
    for (Future<Running> member : starting) {
      Running run = member.result();
      if (run.process() != null) {
        run.process().awaitHealthy(run.member().address(), run.member().key());
      }
      running.put(run.member().key(), run);
      started.add(run.member());
    }
    log.debug("local network members started [folder: {}, members: {}]", folder, started.size());
    return started;
  }

  /** Starts one member. */
  public LocalMember start(MemberPlan plan) {
    return start(List.of(plan)).get(0);
  }

  /** The running members, in start order. */
  public synchronized List<LocalMember> members() {
    return running.values().stream().map(Running::member).toList();
  }

  /** A running member by key. */
  public synchronized LocalMember member(String key) {
    Running run = running.get(key);
    if (run == null) throw new IllegalArgumentException("no running member " + key);
    return run.member();
  }

  /** The node of a member running in this JVM (its store, its work queues). */
  public synchronized NodeVerticle node(LocalMember member) {
    NodeVerticle node = running(member).node();
    if (node == null) throw new IllegalStateException(member.key() + " runs as a process");
    return node;
  }

  /** Stops a member (its port closes, its data stays in the folder). */
  public synchronized void stop(LocalMember member) {
    Running run = running(member);
    running.remove(member.key());
    if (run.process() != null) {
      run.process().stop();
    } else {
      await(vertx.undeploy(run.deployment()));
    }
  }

  /**
   * Kills a member without letting it shut down (a process gets SIGKILL; in this JVM it is
   * stopped); whether it ended within 30 s.
   */
  public synchronized boolean kill(LocalMember member) {
    Running run = running(member);
    if (run.process() == null) {
      stop(member);
      return true;
    }
    running.remove(member.key());
    return run.process().kill();
  }

  /** The Vert.x instance the members run on, for helpers beside them (a relay, a fake member). */
  public Vertx vertx() {
    return vertx;
  }

  /** The network's folder (absolute). */
  public Path folder() {
    return folder;
  }

  /** The admin token members accept unless their plan names another. */
  public String adminToken() {
    return adminToken;
  }

  /** The CA certificate (PEM) of an https network's members (null: plain http). */
  public Path caCertificate() {
    return ca == null ? null : ca.certificateFile();
  }

  /** What a client of the members trusts: the JDK's CAs, and the network's own on https. */
  public TrustedCertificates trust() {
    return ca == null
        ? TrustedCertificates.jdkDefaults()
        : TrustedCertificates.load(List.of(ca.certificateFile()));
  }

  /** The coordinator's public key, the trust anchor federated members are configured with. */
  public PublicKeyMaterial coordinatorKey() {
    return coordinator.publicKey();
  }

  /** The list of the last start's {@link NetworkOptions#initialList()} edition (null: none). */
  public synchronized SignedMembershipList initialList() {
    return initialList;
  }

  /** This edition of the list naming these members. */
  public static MembershipList list(ListEdition edition, List<LocalMember> members) {
    return edition.list(members.stream().map(LocalMember::member).toList());
  }

  /** The list signed by the coordinator. */
  public SignedMembershipList sign(MembershipList list) {
    return SignedMembershipList.sign(list, coordinator);
  }

  /** Stops every member and removes the folder unless kept; safe to call twice. */
  @Override
  public synchronized void close() {
    if (closed) return;
    closed = true;
    try {
      processes.forEach(NodeProcess::stop);
      running.clear();
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      log.warn("local network did not stop cleanly [folder: {}, reason: {}]", folder, e.toString());
    }
    if (!options.keepData()) delete(folder);
    log.debug("local network stopped [folder: {}]", folder);
  }

  // Signs the edition naming the running members and these, and saves it where each new node
  // loads it at start: the members know each other from the first request.
  private void saveInitialList(List<Planned> planned) {
    List<Member> listed = new ArrayList<>(members().stream().map(LocalMember::member).toList());
    planned.forEach(p -> listed.add(p.member()));
    initialList = sign(options.initialList().list(listed));
    for (Planned member : planned) {
      Path file = MembershipState.fileIn(folder.resolve(member.plan().key()));
      try {
        Files.createDirectories(file.getParent());
        Files.writeString(file, initialList.jws(), US_ASCII);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
      }
    }
  }

  private Future<Running> start(Planned member, NodeConfig config) {
    String key = member.plan().key();
    if (options.processJvmOptions() != null) {
      NodeProcess process =
          NodeProcess.start(key, config, folder, options.processJvmOptions(), trust());
      processes.add(process);
      return Future.succeededFuture(
          new Running(layout.running(member, config, member.port(), null), null, null, process));
    }
    NodeSetup setup = member.plan().setup();
    NodeVerticle node =
        new NodeVerticle(config, setup != null ? setup : options.setup().apply(config));
    return vertx
        .deployVerticle(node)
        .compose(
            deployment -> {
              int port = node.actualPort();
              Future<URI> address =
                  options.linkDelayMs() > 0
                      ? DelayedLink.start(vertx, port, options.linkDelayMs())
                          .map(link -> URI.create("http://127.0.0.1:" + link.port()))
                      : Future.succeededFuture(
                          layout.running(member, config, port, null).address());
              return address.map(
                  at ->
                      new Running(
                          layout.running(member, config, port, at), node, deployment, null));
            });
  }

  private Running running(LocalMember member) {
    Running run = running.get(member.key());
    if (run == null) throw new IllegalArgumentException("no running member " + member.key());
    return run;
  }

  private static void delete(Path folder) {
    if (!Files.exists(folder)) return;
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      log.warn("cannot remove the network's folder [folder: {}, reason: {}]", folder, e.toString());
    }
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "a member did not start or stop: " + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("a member did not start or stop within 120 s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted waiting for a member", e);
    }
  }
}
