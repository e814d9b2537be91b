package network.baton.node.federation.search;

import java.time.Duration;

/**
 * Bounds on federated calls: deadlines, fan-out width, answer size, cache lifetimes and the SPARQL
 * rows taken from each member.
 */
public record FederationLimits(
    Duration defaultDeadline,
    Duration maxDeadline,
    Duration memberTimeout,
    int maxInFlight,
    long maxAnswerBytes,
    Duration descriptorTtl,
    Duration answerTtl,
    int sparqlRowsPerMember) {

  public FederationLimits {
    positive(defaultDeadline, "defaultDeadline");
    positive(maxDeadline, "maxDeadline");
    positive(memberTimeout, "memberTimeout");
    if (defaultDeadline.compareTo(maxDeadline) > 0) {
      throw new IllegalArgumentException("defaultDeadline must not exceed maxDeadline");
    }
    if (maxInFlight < 1 || maxAnswerBytes < 1 || sparqlRowsPerMember < 1) {
      throw new IllegalArgumentException(
          "maxInFlight, maxAnswerBytes and sparqlRowsPerMember must be positive");
    }
    if (descriptorTtl.isNegative() || answerTtl.isNegative()) {
      throw new IllegalArgumentException("cache lifetimes must not be negative");
    }
  }

  /**
   * Defaults: 2 s deadline (10 s at most), each member at most the deadline, 16 calls in flight, 2
   * MB per answer, descriptors cached 60 s, answers 10 s, 1000 SPARQL rows per member.
   */
  public static FederationLimits defaults() {
    return new FederationLimits(
        Duration.ofSeconds(2),
        Duration.ofSeconds(10),
        Duration.ofSeconds(10),
        16,
        2L * 1024 * 1024,
        Duration.ofSeconds(60),
        Duration.ofSeconds(10),
        1000);
  }

  /** A copy with another answer size limit. */
  public FederationLimits withMaxAnswerBytes(long bytes) {
    return new FederationLimits(
        defaultDeadline,
        maxDeadline,
        memberTimeout,
        maxInFlight,
        bytes,
        descriptorTtl,
        answerTtl,
        sparqlRowsPerMember);
  }

  /** A copy without caching member answers (descriptors are still cached). */
  public FederationLimits withoutAnswerCache() {
    return new FederationLimits(
        defaultDeadline,
        maxDeadline,
        memberTimeout,
        maxInFlight,
        maxAnswerBytes,
        descriptorTtl,
        Duration.ZERO,
        sparqlRowsPerMember);
  }

  private static void positive(Duration d, String name) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + d);
    }
  }
}
