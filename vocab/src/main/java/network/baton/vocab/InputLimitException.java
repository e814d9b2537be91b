package network.baton.vocab;

/**
 * Input refused before it is parsed because its shape is over one of the node's limits (nesting,
 * values, members of one object, elements of one array): parsers and JSON-LD expansion recurse per
 * level and do work per value (titanium's is quadratic in the length of one array), so such input
 * would overflow the stack or keep a worker busy for minutes. Line and column are -1 when unknown.
 */
public final class InputLimitException extends PositionedInputException {
  private static final long serialVersionUID = 1L;

  /** Which limit the input is over. */
  public enum Limit {
    /** Objects, arrays or brackets nested deeper than the limit. */
    NESTING("maxNestingDepth", "is nested deeper than %d levels"),
    /** More JSON values in the document than the limit. */
    VALUES("maxJsonValues", "has more than %d JSON values"),
    /** More members in one JSON object than the limit. */
    KEYS("maxJsonKeys", "has more than %d members in one JSON object"),
    /** More elements in one JSON array than the limit. */
    ARRAY_LENGTH("maxJsonArrayLength", "has more than %d elements in one JSON array");

    private final String configKey;
    private final String phrase;

    Limit(String configKey, String phrase) {
      this.configKey = configKey;
      this.phrase = phrase;
    }

    /** The node config key that sets this limit. */
    public String configKey() {
      return configKey;
    }
  }

  private final Limit limit;
  private final long max;

  /** Input over the limit max, noticed at this line and column (1-based, -1 when unknown). */
  public InputLimitException(Limit limit, long max, long line, long column) {
    super(
        (line < 0 ? "" : "line " + line + (column < 0 ? "" : ", column " + column) + ": ")
            + "the input "
            + String.format(java.util.Locale.ROOT, limit.phrase, max)
            + ", past the limit "
            + limit.configKey,
        line,
        column,
        null);
    this.limit = limit;
    this.max = max;
  }

  /** The limit the input is over. */
  public Limit limit() {
    return limit;
  }

  /** The limit's value. */
  public long max() {
    return max;
  }
}
