package network.baton.node.federation.search;

import static java.util.Objects.requireNonNull;

import io.vertx.ext.web.Router;
import java.util.Set;
import java.util.function.Function;
import network.baton.node.NodeContext;
import network.baton.node.NodeExtension;
import network.baton.node.NodeServices;
import network.baton.node.federation.MemberDirectory;
import network.baton.node.federation.MemberFailureLog;
import network.baton.vocab.SkillFramework;

/**
 * Mounts federated search and SPARQL on a node. The members come from {@code directories} (for now
 * the config's {@code members}; the signed membership list replaces that).
 */
public final class FederationExtension implements NodeExtension {

  private final Function<NodeContext, MemberDirectory> directories;
  private final Function<String, Set<String>> selfAndNarrower;
  private final FederationLimits limits;
  private final MemberFailureLog failures;
  private FederatedSearch search;
  private FederatedSparql sparql;

  /**
   * An extension whose members come from {@code directories}; {@code selfAndNarrower} gives a skill
   * and its narrower skills; failing members are logged at most once a minute each.
   */
  public FederationExtension(
      Function<NodeContext, MemberDirectory> directories,
      Function<String, Set<String>> selfAndNarrower,
      FederationLimits limits) {
    this(directories, selfAndNarrower, limits, MemberFailureLog.create());
  }

  /** As the other constructor, failing members told to failures (shared with other callers). */
  public FederationExtension(
      Function<NodeContext, MemberDirectory> directories,
      Function<String, Set<String>> selfAndNarrower,
      FederationLimits limits,
      MemberFailureLog failures) {
    this.directories = requireNonNull(directories, "directories");
    this.selfAndNarrower = requireNonNull(selfAndNarrower, "selfAndNarrower");
    this.limits = requireNonNull(limits, "limits");
    this.failures = requireNonNull(failures, "failures");
  }

  /** The members listed in the node config, default limits, narrower skills from the framework. */
  public static FederationExtension fromConfig(SkillFramework skills) {
    return new FederationExtension(
        context -> MemberDirectory.of(context.config().federation().members()),
        narrowerOf(skills),
        FederationLimits.defaults());
  }

  /** A skill IRI with every narrower skill of the framework (just itself when unknown). */
  public static Function<String, Set<String>> narrowerOf(SkillFramework skills) {
    return iri -> skills.byIri(iri).map(skills::selfAndDescendantIris).orElse(Set.of(iri));
  }

  /** Opens federated search and SPARQL over the members and registers search and the members. */
  @Override
  public void start(NodeContext context) {
    MemberDirectory directory = directories.apply(context);
    MemberClient client =
        new MemberClient(context.vertx(), limits.maxAnswerBytes(), context.config().fetchPolicy());
    Network network =
        new Network(
            directory, client, OwnNode.of(context), new FanOut(context.vertx(), limits, failures));
    search = new FederatedSearch(network, selfAndNarrower, limits);
    sparql = new FederatedSparql(network, context.work().sparql(), limits.sparqlRowsPerMember());
    context.services().register(NodeServices.MEMBERS, directory);
    context.services().register(NodeServices.FEDERATED_SEARCH, search);
  }

  @Override
  public void mount(Router router, NodeContext context) {
    new FederationRoutes(
            search,
            sparql,
            context.bodyHandler(),
            limits,
            context.config().sparql().limits().maxQueryBytes(),
            context.work().share(context.work().search()),
            context.work().share(context.work().sparql()))
        .mount(router);
  }
}
