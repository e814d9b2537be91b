package network.baton.node;

import static java.util.Objects.requireNonNull;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.function.Function;
import network.baton.node.http.JsonLdCompactor;
import network.baton.node.store.RdfParsing;
import network.baton.node.store.ResourceValidator;

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

  /** The production setup: the vocabulary's shapes, bundled contexts and skill labels. */
  public static NodeSetup standard() {
    var shapes = org.apache.jena.riot.RDFParser.source("baton/shapes.ttl").toGraph();
    com.apicatalog.jsonld.loader.DocumentLoader offline =
        (url, options) -> {
          throw new com.apicatalog.jsonld.JsonLdError(
              com.apicatalog.jsonld.JsonLdErrorCode.LOADING_DOCUMENT_FAILED,
              "no bundled JSON-LD context for " + url + " (contexts are never fetched)");
        };
    return of(
        new network.baton.node.store.ShaclShapesValidator(shapes),
        new network.baton.node.store.JenaJsonLdParsing(offline));
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
