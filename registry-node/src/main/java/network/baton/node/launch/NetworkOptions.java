package network.baton.node.launch;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import network.baton.credential.keys.SigningKey;
import network.baton.node.NodeSetup;
import network.baton.node.config.CredentialSettings;
import network.baton.node.config.NodeConfig;
import network.baton.node.federation.Member;

/**
 * How a local network runs its members.
 *
 * <ul>
 *   <li>{@code adminToken}: the token every member accepts unless its plan names one (null: a
 *       random one for the network);
 *   <li>{@code credentials}: every member's credential settings (default: loopback http allowed,
 *       since the members call each other on loopback);
 *   <li>{@code coordinator}: the coordinator's key (null: generated); with {@code federated} every
 *       config trusts it and the nodes take their members from signed lists, pulled every {@code
 *       membershipSync} (null: the node's default);
 *   <li>{@code initialList}: the edition signed at each start, naming every member, and saved in
 *       each new member's data folder so it knows the others from its first request (null: none);
 *   <li>{@code listEachOther}: every config lists every member of the start, and {@code
 *       alsoListed}, as the members federated search calls (no signed list);
 *   <li>{@code setup}: the node setup for a member's config (which extensions: credentials,
 *       federation, pages);
 *   <li>{@code linkDelayMs}: a relay in front of each member holding its answers this long;
 *   <li>{@code processJvmOptions}: non-null, each member runs as a JVM of its own ({@code baton
 *       node --config FILE}) with these options; null, in this JVM;
 *   <li>{@code keepData}: the folder stays on close (else it is removed);
 *   <li>{@code https}: every member serves TLS with a certificate of the network's own CA ({@link
 *       LocalCa}, kept in {@code FOLDER/tls/}), its base URL is {@code https://localhost:PORT}, and
 *       its outbound calls trust that CA and reach loopback over https only (no {@code
 *       allowLoopbackHttp}).
 * </ul>
 *
 * <p>Built with {@link #builder()}; what is not set is as {@link #defaults()}.
 */
public record NetworkOptions(
    String adminToken,
    CredentialSettings credentials,
    SigningKey coordinator,
    boolean federated,
    Duration membershipSync,
    ListEdition initialList,
    boolean listEachOther,
    List<Member> alsoListed,
    Function<NodeConfig, NodeSetup> setup,
    long linkDelayMs,
    List<String> processJvmOptions,
    boolean keepData,
    boolean https) {
  public NetworkOptions {
    requireNonNull(credentials, "credentials");
    alsoListed = List.copyOf(alsoListed);
    requireNonNull(setup, "setup");
    if (linkDelayMs < 0) throw new IllegalArgumentException("link delay must not be negative");
    processJvmOptions = processJvmOptions == null ? null : List.copyOf(processJvmOptions);
    if (https && linkDelayMs > 0) {
      throw new IllegalArgumentException("a delayed link relays plain http only");
    }
  }

  /**
   * In this JVM, the production setup for each config, loopback http allowed, no coordinator, data
   * removed on close.
   */
  public static NetworkOptions defaults() {
    return builder().build();
  }

  /** Options to set one by one. */
  public static Builder builder() {
    return new Builder();
  }

  /** Sets the options one by one; unset ones keep their defaults. */
  public static final class Builder {
    private String adminToken;
    private CredentialSettings credentials = CredentialSettings.defaults().withLoopbackHttp(true);
    private SigningKey coordinator;
    private boolean federated;
    private Duration membershipSync;
    private ListEdition initialList;
    private boolean listEachOther;
    private List<Member> alsoListed = List.of();
    private Function<NodeConfig, NodeSetup> setup = NodeSetup::standard;
    private long linkDelayMs;
    private List<String> processJvmOptions;
    private boolean keepData;
    private boolean https;

    private Builder() {}

    /** Every member accepts this admin token unless its plan names one. */
    public Builder adminToken(String token) {
      adminToken = token;
      return this;
    }

    /** These credential settings on every member. */
    public Builder credentials(CredentialSettings settings) {
      credentials = settings;
      return this;
    }

    /**
     * Members trust this coordinator key (null: a generated one) and pull its signed list every
     * {@code sync} (null: the node's default; zero: never).
     */
    public Builder federatedBy(SigningKey key, Duration sync) {
      coordinator = key;
      federated = true;
      membershipSync = sync;
      return this;
    }

    /** This edition is signed at each start and given to the new members. */
    public Builder initialList(ListEdition edition) {
      initialList = edition;
      return this;
    }

    /** Configs list every member of a start, and these members too. */
    public Builder listingEachOther(List<Member> also) {
      listEachOther = true;
      alsoListed = also;
      return this;
    }

    /** The setup for each member's config. */
    public Builder setup(Function<NodeConfig, NodeSetup> forConfig) {
      setup = forConfig;
      return this;
    }

    /** Every member behind a link delaying its answers this long (0: none). */
    public Builder linkDelayMs(long delayMs) {
      linkDelayMs = delayMs;
      return this;
    }

    /** Each member runs as a JVM of its own with these JVM options. */
    public Builder asProcesses(List<String> jvmOptions) {
      processJvmOptions = requireNonNull(jvmOptions, "jvmOptions");
      return this;
    }

    /** The folder stays in place on close. */
    public Builder keepData() {
      keepData = true;
      return this;
    }

    /** Every member on https with a certificate of the network's own CA. */
    public Builder https() {
      return https(true);
    }

    /** Every member on https (or plain http) as {@link NetworkOptions#https()} says. */
    public Builder https(boolean on) {
      https = on;
      return this;
    }

    /** The options. */
    public NetworkOptions build() {
      return new NetworkOptions(
          adminToken,
          credentials,
          coordinator,
          federated,
          membershipSync,
          initialList,
          listEachOther,
          alsoListed,
          setup,
          linkDelayMs,
          processJvmOptions,
          keepData,
          https);
    }
  }
}
