package network.baton.node.federation.membership;

import static java.util.Objects.requireNonNull;

import io.vertx.ext.web.Router;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import network.baton.node.NodeContext;
import network.baton.node.NodeExtension;
import network.baton.node.NodeServices;
import network.baton.node.config.NodeConfig;
import network.baton.node.federation.MemberDirectory;
import network.baton.node.federation.MemberFailureLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Federation membership in a node: loads the saved list, mounts the membership routes and starts
 * the periodic sync. Without coordinator keys in the config the node runs without federation: no
 * routes, an empty directory, no issuer trusted through membership.
 */
public final class MembershipExtension implements NodeExtension {
  private static final Logger log = LoggerFactory.getLogger(MembershipExtension.class);

  /** Time limit on each call to a member. */
  public static final Duration PEER_TIMEOUT = Duration.ofSeconds(3);

  /** Size limit on a member's answer. */
  public static final int MAX_ANSWER_BYTES = MembershipVerifier.MAX_LENGTH;

  private final NodeConfig config;
  private final MembershipState state;
  private final MemberFailureLog failures;
  private final Duration peerTimeout;
  private volatile MembershipSync sync;

  /** Membership for a node with this config, judging expiry by the clock. */
  public MembershipExtension(NodeConfig config, Clock clock) {
    this(config, clock, MemberFailureLog.create());
  }

  /** As the other constructor, members that cannot be asked told to failures (shared). */
  public MembershipExtension(NodeConfig config, Clock clock, MemberFailureLog failures) {
    this(config, clock, failures, PEER_TIMEOUT);
  }

  /** As above with another time limit on each call to a member (tests of slow members). */
  MembershipExtension(
      NodeConfig config, Clock clock, MemberFailureLog failures, Duration peerTimeout) {
    this.config = requireNonNull(config, "config");
    this.failures = requireNonNull(failures, "failures");
    this.peerTimeout = requireNonNull(peerTimeout, "peerTimeout");
    this.state =
        config.federation().federated()
            ? new MembershipState(
                new MembershipVerifier(config.federation().coordinatorKeys(), clock),
                MembershipState.fileIn(config.server().dataDir()))
            : null;
  }

  /** The members the node may call (empty without federation or before a list arrives). */
  public MemberDirectory directory() {
    return state == null ? MemberDirectory.of(List.of()) : state;
  }

  /** The trust list for credential verification: members with the issuer role. */
  public MembershipTrustList trustList() {
    return new MembershipTrustList(directory());
  }

  /** The state (null without federation). */
  public MembershipState state() {
    return state;
  }

  /** The sync (null before mount or without federation). */
  public MembershipSync sync() {
    return sync;
  }

  /** Registers the membership state (when the node is federated). */
  @Override
  public void start(NodeContext context) {
    if (state != null) {
      context.services().register(NodeServices.MEMBERSHIP, state);
    }
  }

  @Override
  public void mount(Router router, NodeContext context) {
    if (state == null) {
      log.info("no coordinatorKeys configured: this node runs without federation membership");
      return;
    }
    state.load();
    sync =
        new MembershipSync(
            context.vertx(),
            state,
            context.work().write(),
            config.server().baseUrl(),
            peerTimeout,
            MAX_ANSWER_BYTES,
            config.fetchPolicy(),
            failures);
    new MembershipRoutes(
            state, sync, context.work().write(), context.bodyHandler(), context.adminHandler())
        .mount(router);
    sync.every(config.federation().syncInterval());
    log.info(
        "federation membership on [coordinator keys: {}, sync every: {}]",
        config.federation().coordinatorKeys().size(),
        config.federation().syncInterval());
  }

  /** Stops the periodic sync (the node calls this when it stops). */
  @Override
  public void close() {
    MembershipSync running = sync;
    if (running != null) {
      running.close();
    }
  }
}
