package network.baton.node;

import static java.util.Objects.requireNonNull;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import network.baton.node.config.NodeConfig;
import network.baton.node.credential.CredentialExtension;
import network.baton.node.federation.MemberDirectory;
import network.baton.node.federation.MemberFailureLog;
import network.baton.node.federation.membership.MembershipExtension;
import network.baton.node.federation.search.FederationExtension;
import network.baton.node.federation.search.FederationLimits;
import network.baton.node.openid4vci.Openid4vciExtension;
import network.baton.node.resources.JsonLdCompactor;
import network.baton.node.resources.RdfParsing;
import network.baton.node.resources.ResourceValidator;
import network.baton.node.resources.VocabJsonLdParsing;
import network.baton.node.resources.VocabShapeValidator;
import network.baton.node.web.WebExtension;
import network.baton.vocab.ContextLoader;
import network.baton.vocab.Skill;
import network.baton.vocab.SkillFramework;

/**
 * The replaceable parts of a node: validation, JSON-LD parsing and compaction (null: Jena's plain
 * JSON-LD), the skill framework, the metrics registry (null: the node makes its own), how the
 * dataset opens, extensions that add routes, and the clock the node reads (null: the system's UTC
 * clock; tests move their own instead of sleeping).
 */
public record NodeSetup(
    ResourceValidator validator,
    RdfParsing jsonLd,
    JsonLdCompactor compactor,
    SkillFramework skills,
    PrometheusMeterRegistry metrics,
    DatasetOpener datasetOpener,
    List<NodeExtension> extensions,
    Clock clock) {
  public NodeSetup {
    requireNonNull(validator, "validator");
    requireNonNull(jsonLd, "jsonLd");
    requireNonNull(skills, "skills");
    datasetOpener = datasetOpener == null ? DatasetOpener.textIndexed() : datasetOpener;
    extensions = List.copyOf(extensions == null ? List.of() : extensions);
    clock = clock == null ? Clock.systemUTC() : clock;
  }

  /**
   * The production setup: the vocabulary's shapes, its bundled contexts for JSON-LD in and out, its
   * skill framework, the text-indexed store, credentials (and their offers to wallets), and
   * federated search over the members the config lists (no signed membership list), and the web
   * pages.
   */
  public static NodeSetup standard() {
    ContextLoader contexts = ContextLoader.bundled();
    SkillFramework skills = SkillFramework.load();
    return base(
        contexts,
        skills,
        List.of(
            new CredentialExtension(skills, contexts),
            new Openid4vciExtension(),
            FederationExtension.fromConfig(skills),
            WebExtension.fromConfig(skills)));
  }

  /**
   * The production store, validation, JSON-LD and skill framework with no extensions (no
   * credentials, federation or pages): for a node that only publishes and searches, or one that
   * adds its own with {@link #withExtensions}.
   */
  public static NodeSetup bare() {
    return base(ContextLoader.bundled(), SkillFramework.load(), List.of());
  }

  /**
   * The production setup for a node with this config: when the config names coordinator keys, the
   * signed membership list decides whom federated search and SPARQL call and which issuers the
   * node's credential verification trusts (members with the issuer role); otherwise as {@link
   * #standard()}, over the members the config lists.
   */
  public static NodeSetup standard(NodeConfig config) {
    return standard(config, Clock.systemUTC());
  }

  /**
   * As {@link #standard(NodeConfig)}, every part reading this clock (membership list expiry among
   * them).
   */
  public static NodeSetup standard(NodeConfig config, Clock clock) {
    ContextLoader contexts = ContextLoader.bundled();
    SkillFramework skills = SkillFramework.load();
    // One log of failing members for search, SPARQL and the membership sync: one line a minute
    // each.
    MemberFailureLog failures = MemberFailureLog.create();
    MembershipExtension membership = new MembershipExtension(config, clock, failures);
    MemberDirectory members =
        config.federation().federated()
            ? membership.directory()
            : MemberDirectory.of(config.federation().members());
    return base(
            contexts,
            skills,
            List.of(
                membership,
                new CredentialExtension(skills, contexts, System::getenv, membership.trustList()),
                new Openid4vciExtension(),
                new FederationExtension(
                    context -> members,
                    FederationExtension.narrowerOf(skills),
                    FederationLimits.defaults(),
                    failures),
                new WebExtension(skills, context -> members)))
        .withClock(clock);
  }

  private static NodeSetup base(
      ContextLoader contexts, SkillFramework skills, List<NodeExtension> extensions) {
    return new NodeSetup(
        VocabShapeValidator.create(),
        new VocabJsonLdParsing(contexts),
        new JsonLdCompactor(URI.create(ContextLoader.BATON_CONTEXT), contexts),
        skills,
        null,
        DatasetOpener.textIndexed(),
        extensions,
        null);
  }

  /** A skill's label for people ("Electrochemistry / 電気化学"), or the IRI when unknown. */
  public String skillLabel(String iri) {
    return skills.byIri(iri).map(s -> s.label("en") + " / " + s.label("ja")).orElse(iri);
  }

  /** The IRIs of every broader skill of a skill (empty when unknown or a top concept). */
  public Set<String> broaderSkills(String iri) {
    return skills
        .byIri(iri)
        .map(skill -> skills.ancestors(skill).stream().map(Skill::iri).collect(Collectors.toSet()))
        .orElse(Set.of());
  }

  /** A copy using this metrics registry (e.g. the one the Vert.x instance reports to). */
  public NodeSetup withMetrics(PrometheusMeterRegistry registry) {
    return new NodeSetup(
        validator, jsonLd, compactor, skills, registry, datasetOpener, extensions, clock);
  }

  /** A copy with these extensions added. */
  public NodeSetup withExtensions(List<NodeExtension> more) {
    List<NodeExtension> all = new ArrayList<>(extensions);
    all.addAll(more);
    return new NodeSetup(validator, jsonLd, compactor, skills, metrics, datasetOpener, all, clock);
  }

  /** A copy opening the dataset another way (e.g. plain TDB2 without a text index). */
  public NodeSetup withDatasetOpener(DatasetOpener opener) {
    return new NodeSetup(validator, jsonLd, compactor, skills, metrics, opener, extensions, clock);
  }

  /** A copy whose node reads this clock (stored times, lockout windows, credential validity). */
  public NodeSetup withClock(Clock newClock) {
    return new NodeSetup(
        validator, jsonLd, compactor, skills, metrics, datasetOpener, extensions, newClock);
  }
}
