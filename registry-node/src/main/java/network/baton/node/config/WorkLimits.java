package network.baton.node.config;

import static java.util.Objects.requireNonNull;

/**
 * Admission control per kind of work, each on threads of its own behind a bounded queue, so a few
 * runaway SPARQL queries leave search, reads and writes answering: SPARQL ({@code /sparql} and the
 * local part of {@code /federation/sparql}), search ({@code /search}, the catalogue), reads of
 * resources and the change log, writes, and credential signing and verification.
 */
public record WorkLimits(
    WorkLimit sparql, WorkLimit search, WorkLimit read, WorkLimit write, WorkLimit credentials) {
  public WorkLimits {
    requireNonNull(sparql, "sparql");
    requireNonNull(search, "search");
    requireNonNull(read, "read");
    requireNonNull(write, "write");
    requireNonNull(credentials, "credentials");
  }

  /**
   * Defaults for a small machine: SPARQL, the one kind of work a client can make arbitrarily
   * expensive, runs on half the cores (at least one thread), so it never holds every core; search,
   * reads and credentials on a few threads each; writes on two (TDB2 has one writer at a time,
   * parsing and SHACL run beside it).
   */
  public static WorkLimits defaults() {
    int cores = Runtime.getRuntime().availableProcessors();
    return new WorkLimits(
        new WorkLimit(Math.max(1, cores / 2), 8, 4),
        new WorkLimit(4, 64, 16),
        new WorkLimit(4, 128, 32),
        new WorkLimit(2, 64, 8),
        new WorkLimit(4, 64, 16));
  }
}
