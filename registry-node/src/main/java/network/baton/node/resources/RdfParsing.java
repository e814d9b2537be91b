package network.baton.node.resources;

import org.apache.jena.graph.Graph;

/** Parses JSON-LD offline (bundled contexts only); the one place that knows how contexts load. */
@FunctionalInterface
public interface RdfParsing {

  /**
   * Parses a JSON-LD document, resolving relative IRIs against base; fails with RdfSyntaxException.
   */
  Graph parseJsonLd(String json, String base);
}
