package network.baton.node.importer;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** A resource (or a whole file) that was not imported, and why. */
public record Rejection(String source, String iri, List<String> reasons) {
  public Rejection {
    requireNonNull(source, "source");
    requireNonNull(iri, "iri");
    reasons = List.copyOf(reasons);
    if (reasons.isEmpty()) {
      throw new IllegalArgumentException("a rejection needs at least one reason: " + iri);
    }
  }

  /** A rejection for one reason. */
  public static Rejection of(String source, String iri, String reason) {
    return new Rejection(source, iri, List.of(reason));
  }
}
