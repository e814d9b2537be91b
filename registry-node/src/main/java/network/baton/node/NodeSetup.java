package network.baton.node;

import static java.util.Objects.requireNonNull;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.util.List;
import java.util.function.Function;
import network.baton.node.http.JsonLdCompactor;
import network.baton.node.store.RdfParsing;
import network.baton.node.store.ResourceValidator;
import network.baton.node.store.VocabJsonLdParsing;
import network.baton.node.store.VocabShapeValidator;
import network.baton.vocab.ContextLoader;
import network.baton.vocab.SkillFramework;

/**
 * The replaceable parts of a node: validation, JSON-LD parsing and compaction, skill labels for
 * HTML, the metrics registry (null: the node makes its own), how the dataset opens, extensions.
 */
public record NodeSetup(
    ResourceValidator validator,
    RdfParsing jsonLd,
    JsonLdCompactor compactor,
    Function<String, String> skillLabels,
    PrometheusMeterRegistry metrics,
    DatasetOpener datasetOpener,
    List<NodeExtension> extensions) {
  public NodeSetup {
    requireNonNull(validator, "validator");
    requireNonNull(jsonLd, "jsonLd");
    skillLabels = skillLabels == null ? Function.identity() : skillLabels;
    datasetOpener = datasetOpener == null ? DatasetOpener.textIndexed() : datasetOpener;
    extensions = List.copyOf(extensions == null ? List.of() : extensions);
  }

  /**
   * The production setup: the vocabulary's shapes, its bundled contexts for JSON-LD in and out,
   * skill labels from the framework, and the text-indexed store.
   */
  public static NodeSetup standard() {
    ContextLoader contexts = ContextLoader.bundled();
    SkillFramework skills = SkillFramework.load();
    return new NodeSetup(
        VocabShapeValidator.create(),
        new VocabJsonLdParsing(contexts),
        new JsonLdCompactor(URI.create(ContextLoader.BATON_CONTEXT), contexts),
        iri -> skills.byIri(iri).map(s -> s.label("en") + " / " + s.label("ja")).orElse(iri),
        null,
        DatasetOpener.textIndexed(),
        List.of());
  }

  /** A setup with this validator and parser and defaults for the rest. */
  public static NodeSetup of(ResourceValidator validator, RdfParsing jsonLd) {
    return new NodeSetup(validator, jsonLd, null, null, null, null, List.of());
  }

  /** A copy using this metrics registry (e.g. the one the Vert.x instance reports to). */
  public NodeSetup withMetrics(PrometheusMeterRegistry registry) {
    return new NodeSetup(validator, jsonLd, compactor, skillLabels, registry, datasetOpener, extensions);
  }

  /** A copy that compacts JSON-LD with this compactor. */
  public NodeSetup withCompactor(JsonLdCompactor newCompactor) {
    return new NodeSetup(validator, jsonLd, newCompactor, skillLabels, metrics, datasetOpener, extensions);
  }

  /** A copy with these extensions added. */
  public NodeSetup withExtensions(List<NodeExtension> more) {
    List<NodeExtension> all = new java.util.ArrayList<>(extensions);
    all.addAll(more);
    return new NodeSetup(validator, jsonLd, compactor, skillLabels, metrics, datasetOpener, all);
  }

  /** A copy opening the dataset another way (e.g. with a text index). */
  public NodeSetup withDatasetOpener(DatasetOpener opener) {
    return new NodeSetup(validator, jsonLd, compactor, skillLabels, metrics, opener, extensions);
  }
}
