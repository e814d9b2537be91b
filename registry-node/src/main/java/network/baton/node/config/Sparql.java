package network.baton.node.config;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * What one SPARQL query may take: time ({@code sparqlTimeout}), rows ({@code resultCap}) and the
 * other costs in {@link QueryLimits}.
 */
public record Sparql(Duration timeout, int resultCap, QueryLimits limits) {

  /** Default SPARQL query time limit. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  /** Default cap on SPARQL result rows. */
  public static final int DEFAULT_RESULT_CAP = 10_000;

  public Sparql {
    requireNonNull(timeout, "sparqlTimeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new ConfigException("sparqlTimeout must be positive: " + timeout);
    }
    if (resultCap <= 0) {
      throw new ConfigException("resultCap must be positive: " + resultCap);
    }
    limits = limits == null ? QueryLimits.defaults() : limits;
  }

  /** Ten seconds, 10,000 rows, the default cost limits. */
  public static Sparql defaults() {
    return new Sparql(DEFAULT_TIMEOUT, DEFAULT_RESULT_CAP, null);
  }

  /** A copy with another time limit and row cap. */
  public Sparql with(Duration newTimeout, int newResultCap) {
    return new Sparql(newTimeout, newResultCap, limits);
  }

  /** A copy with another time limit. */
  public Sparql withTimeout(Duration newTimeout) {
    return new Sparql(newTimeout, resultCap, limits);
  }

  /** A copy with other cost limits (query text, strings, memory, answer size). */
  public Sparql withLimits(QueryLimits newLimits) {
    return new Sparql(timeout, resultCap, newLimits);
  }
}
