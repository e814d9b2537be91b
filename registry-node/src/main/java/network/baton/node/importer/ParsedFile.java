package network.baton.node.importer;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * An import file read and cut into resources; rejections for what could not be read or has no IRI.
 */
public record ParsedFile(
    String source, List<ImportItem> items, List<Rejection> rejected, long otherTriples) {
  public ParsedFile {
    requireNonNull(source, "source");
    items = List.copyOf(items);
    rejected = List.copyOf(rejected);
    if (otherTriples < 0) {
      throw new IllegalArgumentException("otherTriples must not be negative: " + otherTriples);
    }
  }

  /** A file that could not be read at all. */
  public static ParsedFile unreadable(String source, String reason) {
    return new ParsedFile(source, List.of(), List.of(Rejection.of(source, source, reason)), 0);
  }
}
