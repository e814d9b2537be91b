package network.baton.bench;

import static java.util.Objects.requireNonNull;

import io.vertx.core.json.JsonObject;

/**
 * One measured number next to its baseline measured in the same run; the ratio is measured over
 * baseline, and {@code higherIsBetter} says how to read it (rates: yes, latencies: no).
 */
public record Comparison(
    String name,
    String unit,
    double measured,
    String baselineName,
    double baseline,
    boolean higherIsBetter) {
  public Comparison {
    requireNonNull(name, "name");
    requireNonNull(unit, "unit");
    requireNonNull(baselineName, "baselineName");
    if (!(measured >= 0) || !(baseline >= 0)) {
      throw new IllegalArgumentException(
          "measurements must be non-negative numbers: " + measured + ", " + baseline);
    }
  }

  /** A latency percentile in ms next to the same percentile of the baseline (lower is better). */
  static Comparison latency(
      String name, Latencies measured, double p, String baselineName, Latencies baseline) {
    return new Comparison(
        name,
        "ms",
        measured.percentileMillis(p),
        baselineName,
        baseline.percentileMillis(p),
        false);
  }

  /** Measured divided by baseline (NaN when the baseline is zero). */
  public double ratio() {
    return baseline == 0 ? Double.NaN : measured / baseline;
  }

  /** This comparison as JSON. */
  public JsonObject toJson() {
    return new JsonObject()
        .put("name", name)
        .put("unit", unit)
        .put("measured", measured)
        .put("baseline", baseline)
        .put("baselineName", baselineName)
        .put("ratio", Double.isNaN(ratio()) ? null : ratio())
        .put("higherIsBetter", higherIsBetter);
  }
}
