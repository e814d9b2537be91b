package network.baton.node.sparql;

import static java.util.Objects.requireNonNull;

/** A serialized query result and its media type. */
public record SparqlAnswer(String mediaType, byte[] body) {
  public SparqlAnswer {
    requireNonNull(mediaType, "mediaType");
    requireNonNull(body, "body");
  }
}
