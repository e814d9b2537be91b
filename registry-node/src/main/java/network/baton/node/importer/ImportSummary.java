package network.baton.node.importer;

import static java.util.Objects.requireNonNull;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;

/** The outcome of an import: what was stored, what was rejected and why, and how long it took. */
public record ImportSummary(long stored, long triples, List<Rejection> rejected, Duration elapsed) {
  public ImportSummary {
    if (stored < 0 || triples < 0) {
      throw new IllegalArgumentException("counts must not be negative");
    }
    rejected = List.copyOf(rejected);
    requireNonNull(elapsed, "elapsed");
  }

  /** 0 when everything was stored, 1 when something was rejected. */
  public int exitCode() {
    return rejected.isEmpty() ? 0 : 1;
  }

  /** Writes the summary: the counts, then each rejected IRI with its reasons. */
  public void print(PrintWriter out) {
    out.printf(
        "stored %d resource(s) (%d triples), rejected %d, in %.1f s%n",
        stored, triples, rejected.size(), elapsed.toMillis() / 1000.0);
    for (Rejection rejection : rejected) {
      out.println(
          rejection.iri().equals(rejection.source())
              ? "rejected file " + rejection.source()
              : "rejected " + rejection.iri() + " (" + rejection.source() + ")");
      rejection.reasons().forEach(reason -> out.println("  - " + reason));
    }
    out.flush();
  }
}
