package network.baton.node.config;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;
import network.baton.credential.fetch.FetchPolicy;
import network.baton.credential.fetch.TrustedCertificates;

/**
 * Everything one registry node needs to start, in groups: where it listens and stores, who it is,
 * who administers it, what SPARQL may cost, its credential settings, its federation, and the limits
 * on work and input. The file keeps flat keys ({@link NodeConfigReader}); each group names the keys
 * it holds.
 */
public record NodeConfig(
    Server server,
    Identity identity,
    Admin admin,
    Sparql sparql,
    CredentialSettings credentials,
    Federation federation,
    WorkLimits work,
    InputLimits input) {

  /**
   * Default time a connection may send and receive nothing before the node closes it (a client that
   * stops half-way through its request holds a connection no longer than this); a minute past the
   * sparqlTimeout when that is longer.
   */
  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(2);

  public NodeConfig {
    requireNonNull(server, "server");
    identity = identity == null ? Identity.defaults() : identity;
    admin = admin == null ? Admin.defaults() : admin;
    sparql = sparql == null ? Sparql.defaults() : sparql;
    credentials = credentials == null ? CredentialSettings.defaults() : credentials;
    federation = federation == null ? Federation.defaults() : federation;
    work = work == null ? WorkLimits.defaults() : work;
    input = input == null ? InputLimits.defaults() : input;
    Duration sparqlTimeout = sparql.timeout();
    Duration idleTimeout = server.idleTimeout();
    if (idleTimeout == null) {
      Duration pastQueries = sparqlTimeout.plusMinutes(1);
      idleTimeout =
          pastQueries.compareTo(DEFAULT_IDLE_TIMEOUT) > 0 ? pastQueries : DEFAULT_IDLE_TIMEOUT;
      server = server.withIdleTimeout(idleTimeout);
    }
    if (idleTimeout.compareTo(sparqlTimeout) <= 0) {
      // A query sends nothing while it runs: a shorter idle timeout would cut honest ones off.
      throw new ConfigException(
          "idleTimeout ("
              + idleTimeout
              + ") must be longer than sparqlTimeout ("
              + sparqlTimeout
              + ")");
    }
  }

  /** A config with defaults for everything but the data folder and base URL. */
  public static NodeConfig defaults(Path dataDir, URI baseUrl) {
    return new NodeConfig(
        Server.defaults(dataDir, baseUrl), null, null, null, null, null, null, null);
  }

  /**
   * The policy for every outbound call that input can steer (did:web documents, status lists,
   * member nodes): https to public addresses, loopback too over https with {@code
   * allowLoopbackHttps} or also over http with {@code allowLoopbackHttp}; https trusting the JDK's
   * certificate authorities and those of {@code trustedCertificates}.
   */
  public FetchPolicy fetchPolicy() {
    return FetchPolicy.of(credentials.allowLoopbackHttp(), credentials.allowLoopbackHttps())
        .withTrust(TrustedCertificates.load(credentials.trustedCertificates()));
  }

  /** The IRI a resource with this id has on this node. */
  public String resourceIri(String id) {
    return server.baseUrl() + "/resources/" + id;
  }

  /** Who stored resources are attributed to: the node's DID, else its base URL. */
  public String attribution() {
    return identity.did() != null ? identity.did() : server.baseUrl().toString();
  }

  /** A copy with another server group. */
  public NodeConfig withServer(Server newServer) {
    return new NodeConfig(newServer, identity, admin, sparql, credentials, federation, work, input);
  }

  /** A copy with the server group changed, e.g. {@code config.withServer(x -> x.withY(...))}. */
  public NodeConfig withServer(UnaryOperator<Server> change) {
    return withServer(change.apply(server));
  }

  /** A copy listening on another port. */
  public NodeConfig withPort(int newPort) {
    return withServer(server.withPort(newPort));
  }

  /** A copy with another identity. */
  public NodeConfig withIdentity(Identity newIdentity) {
    return new NodeConfig(server, newIdentity, admin, sparql, credentials, federation, work, input);
  }

  /** A copy with other admin settings. */
  public NodeConfig withAdmin(Admin newAdmin) {
    return new NodeConfig(server, identity, newAdmin, sparql, credentials, federation, work, input);
  }

  /** A copy with the admin group changed, e.g. {@code config.withAdmin(x -> x.withY(...))}. */
  public NodeConfig withAdmin(UnaryOperator<Admin> change) {
    return withAdmin(change.apply(admin));
  }

  /** A copy with other SPARQL limits. */
  public NodeConfig withSparql(Sparql newSparql) {
    return new NodeConfig(server, identity, admin, newSparql, credentials, federation, work, input);
  }

  /** A copy with the sparql group changed, e.g. {@code config.withSparql(x -> x.withY(...))}. */
  public NodeConfig withSparql(UnaryOperator<Sparql> change) {
    return withSparql(change.apply(sparql));
  }

  /** A copy with other credential settings. */
  public NodeConfig withCredentials(CredentialSettings newCredentials) {
    return new NodeConfig(server, identity, admin, sparql, newCredentials, federation, work, input);
  }

  /** A copy with another federation group. */
  public NodeConfig withFederation(Federation newFederation) {
    return new NodeConfig(server, identity, admin, sparql, credentials, newFederation, work, input);
  }

  /**
   * A copy with the federation group changed, e.g. {@code config.withFederation(x ->
   * x.withY(...))}.
   */
  public NodeConfig withFederation(UnaryOperator<Federation> change) {
    return withFederation(change.apply(federation));
  }

  /** A copy with other admission limits per kind of work. */
  public NodeConfig withWork(WorkLimits newWork) {
    return new NodeConfig(server, identity, admin, sparql, credentials, federation, newWork, input);
  }
}
