package network.baton.node.config;

/**
 * What one SPARQL query may cost besides time ({@code sparqlTimeout}) and rows ({@code resultCap}),
 * read from flat config keys: the query text ({@code sparqlMaxQueryBytes}; 413 or 414 past it), the
 * longest string any function or GROUP_CONCAT may produce ({@code sparqlMaxStringLength}), the
 * estimated memory the query may hold in solutions that ORDER BY, DISTINCT, GROUP BY, joins and
 * CONSTRUCT keep ({@code sparqlMemoryBytes}), and the answer's size ({@code sparqlMaxAnswerBytes}).
 */
public record QueryLimits(
    long maxQueryBytes, int maxStringLength, long memoryBytes, long maxAnswerBytes) {

  /** Default query text limit: 256 KiB (a VALUES block of a few thousand IRIs). */
  public static final long DEFAULT_MAX_QUERY_BYTES = 256L * 1024;

  /** Default longest computed string: one million characters. */
  public static final int DEFAULT_MAX_STRING_LENGTH = 1_000_000;

  /** Default memory one query may hold: 256 MiB (estimated, see SparqlService). */
  public static final long DEFAULT_MEMORY_BYTES = 256L * 1024 * 1024;

  /** Default answer limit: 64 MiB. */
  public static final long DEFAULT_MAX_ANSWER_BYTES = 64L * 1024 * 1024;

  public QueryLimits {
    if (maxQueryBytes < 1024) {
      throw new ConfigException("sparqlMaxQueryBytes must be at least 1024: " + maxQueryBytes);
    }
    if (maxStringLength < 1024) {
      throw new ConfigException("sparqlMaxStringLength must be at least 1024: " + maxStringLength);
    }
    if (memoryBytes < 1024 * 1024) {
      throw new ConfigException(
          "sparqlMemoryBytes must be at least 1048576 (1 MiB): " + memoryBytes);
    }
    if (maxAnswerBytes < 64 * 1024) {
      throw new ConfigException(
          "sparqlMaxAnswerBytes must be at least 65536 (64 KiB): " + maxAnswerBytes);
    }
  }

  /** The defaults. */
  public static QueryLimits defaults() {
    return new QueryLimits(
        DEFAULT_MAX_QUERY_BYTES,
        DEFAULT_MAX_STRING_LENGTH,
        DEFAULT_MEMORY_BYTES,
        DEFAULT_MAX_ANSWER_BYTES);
  }
}
