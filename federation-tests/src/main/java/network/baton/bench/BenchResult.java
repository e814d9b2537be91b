package network.baton.bench;

import static java.util.Objects.requireNonNull;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What one benchmark found: its settings, its comparisons (each with its baseline) and notes such
 * as whether a target was met.
 */
public record BenchResult(
    String benchmark,
    Map<String, Object> settings,
    List<Comparison> comparisons,
    List<String> notes) {
  public BenchResult {
    requireNonNull(benchmark, "benchmark");
    settings = new LinkedHashMap<>(settings);
    comparisons = List.copyOf(comparisons);
    notes = List.copyOf(notes);
  }

  /** This result as JSON: benchmark, settings, comparisons, notes. */
  public JsonObject toJson() {
    JsonArray rows = new JsonArray();
    comparisons.forEach(c -> rows.add(c.toJson()));
    return new JsonObject()
        .put("benchmark", benchmark)
        .put("settings", new JsonObject(new LinkedHashMap<>(settings)))
        .put("comparisons", rows)
        .put("notes", new JsonArray(List.copyOf(notes)));
  }

  /** Prints a readable table: one line per comparison, then the notes. */
  public void print(PrintWriter out) {
    out.printf("%n== %s %s%n", benchmark, settings);
    out.printf(
        Locale.ROOT,
        "%-34s %14s  %-34s %14s %8s  %s%n",
        "measurement",
        "value",
        "baseline (same run)",
        "value",
        "ratio",
        "unit");
    for (Comparison c : comparisons) {
      out.printf(
          Locale.ROOT,
          "%-34s %14.2f  %-34s %14.2f %8.2f  %s (%s is better)%n",
          c.name(),
          c.measured(),
          c.baselineName(),
          c.baseline(),
          c.ratio(),
          c.unit(),
          c.higherIsBetter() ? "higher" : "lower");
    }
    notes.forEach(n -> out.println("  - " + n));
    out.flush();
  }
}
