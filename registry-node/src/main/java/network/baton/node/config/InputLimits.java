package network.baton.node.config;

import network.baton.vocab.JsonLimits;

/**
 * Bounds on the shape of what a client sends, checked before it is parsed: how deep objects, arrays
 * and brackets nest in a JSON, JSON-LD, Turtle, TriG or N-Quads body, and, for JSON and JSON-LD
 * (resources and credentials), how many values it holds in all, how many members one object and how
 * many elements one array. JSON-LD expansion is quadratic in the length of one array, and parsers
 * recurse once per level (5,000 levels overflowed a worker's stack).
 */
public record InputLimits(
    int maxNestingDepth, int maxJsonValues, int maxJsonKeys, int maxJsonArrayLength) {

  /**
   * The deepest nesting that may be configured: Jena's Turtle parser and titanium's JSON-LD
   * expansion overflow a default thread stack at about 1,000 levels, so the bound stays well under.
   */
  public static final int MAX_NESTING_DEPTH = 256;

  public InputLimits {
    if (maxNestingDepth < 1 || maxNestingDepth > MAX_NESTING_DEPTH) {
      throw new ConfigException(
          "maxNestingDepth must be between 1 and " + MAX_NESTING_DEPTH + ": " + maxNestingDepth);
    }
    positive("maxJsonValues", maxJsonValues);
    positive("maxJsonKeys", maxJsonKeys);
    positive("maxJsonArrayLength", maxJsonArrayLength);
  }

  /** The defaults of {@link JsonLimits#defaults()}: 64 levels, 10,000 values, 500 and 500. */
  public static InputLimits defaults() {
    JsonLimits json = JsonLimits.defaults();
    return new InputLimits(
        json.maxDepth(), json.maxValues(), json.maxKeys(), json.maxArrayLength());
  }

  /** The limits for JSON and JSON-LD bodies. */
  public JsonLimits json() {
    return new JsonLimits(maxNestingDepth, maxJsonValues, maxJsonKeys, maxJsonArrayLength);
  }

  private static void positive(String key, int value) {
    if (value < 1) {
      throw new ConfigException(key + " must be at least 1: " + value);
    }
  }
}
