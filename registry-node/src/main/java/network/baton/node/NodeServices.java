package network.baton.node;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import network.baton.credential.service.IssuanceService;
import network.baton.credential.verify.VerificationService;
import network.baton.node.federation.MemberDirectory;
import network.baton.node.federation.membership.MembershipState;
import network.baton.node.federation.search.FederatedSearch;
import network.baton.node.http.NodeDescriptor;
import network.baton.node.openid4vci.OfferService;
import network.baton.node.resources.ResourceService;
import network.baton.node.search.SearchService;
import network.baton.node.sparql.SparqlService;

/**
 * The services a running node's parts share in-process, each under a typed key: the node registers
 * its own (resources, search, sparql, descriptor) before extensions start, each extension registers
 * its own in {@link NodeExtension#start}, and routes and pages mounted after that call the same
 * service objects, never the node's own HTTP API. A key is registered once; a service that is off
 * (credentials without a key passphrase, search without a text index) is simply absent.
 */
public final class NodeServices {

  /** Publishing and reading linked data. */
  public static final ServiceKey<ResourceService> RESOURCES =
      ServiceKey.of("resources", ResourceService.class);

  /** Local full-text and facet search (absent without a text index). */
  public static final ServiceKey<SearchService> SEARCH =
      ServiceKey.of("search", SearchService.class);

  /** The node's public SPARQL (its own store only). */
  public static final ServiceKey<SparqlService> SPARQL =
      ServiceKey.of("sparql", SparqlService.class);

  /** The node's descriptor document. */
  public static final ServiceKey<NodeDescriptor> DESCRIPTOR =
      ServiceKey.of("descriptor", NodeDescriptor.class);

  /** Network-wide search over the members. */
  public static final ServiceKey<FederatedSearch> FEDERATED_SEARCH =
      ServiceKey.of("federated search", FederatedSearch.class);

  /** The members federated search calls. */
  public static final ServiceKey<MemberDirectory> MEMBERS =
      ServiceKey.of("members", MemberDirectory.class);

  /** The signed membership list the node holds (absent without coordinator keys). */
  public static final ServiceKey<MembershipState> MEMBERSHIP =
      ServiceKey.of("membership", MembershipState.class);

  /** Issuing credentials and changing their status (absent without a key passphrase). */
  public static final ServiceKey<IssuanceService> ISSUANCE =
      ServiceKey.of("issuance", IssuanceService.class);

  /** Verifying credentials and presentations (absent without a key passphrase). */
  public static final ServiceKey<VerificationService> VERIFICATION =
      ServiceKey.of("verification", VerificationService.class);

  /** Credential offers to wallets, OpenID4VCI (absent without credentials). */
  public static final ServiceKey<OfferService> CREDENTIAL_OFFERS =
      ServiceKey.of("credential offers", OfferService.class);

  private final ConcurrentHashMap<ServiceKey<?>, Object> services = new ConcurrentHashMap<>();

  /** Registers a service; a key already taken is a wiring mistake and refused. */
  public <T> void register(ServiceKey<T> key, T service) {
    requireNonNull(key, "key");
    requireNonNull(service, "service");
    if (!key.type().isInstance(service)) {
      throw new IllegalArgumentException(key + " cannot hold a " + service.getClass().getName());
    }
    if (services.putIfAbsent(key, service) != null) {
      throw new IllegalStateException("a service is registered already under " + key);
    }
  }

  /** The service under key, if one is registered. */
  public <T> Optional<T> find(ServiceKey<T> key) {
    return Optional.ofNullable(services.get(key)).map(key.type()::cast);
  }

  /** The service under key; fails naming the key when none is registered. */
  public <T> T get(ServiceKey<T> key) {
    return find(key)
        .orElseThrow(() -> new IllegalStateException("no service registered under " + key));
  }
}
