package network.baton.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import network.baton.node.federation.search.FederationLimits;

/**
 * The federation benchmark's figures: the result of each member count and of the hung-member run,
 * with the targets met or not, and the Markdown table of them for the README.
 */
final class FederationFigures {

  private static final double TARGET_OF_LOCAL = 3.0;
  private static final double TARGET_SPEEDUP = 10.0;
  private static final long HUNG_SLACK_MS = 100;

  /** What one member count measured. */
  record SizeRun(
      int members,
      Latencies federated,
      Latencies local,
      Latencies sequential,
      Latencies lastMember,
      int partialAnswers,
      long federatedHits) {}

  /** What the hung-member run measured. */
  record HungRun(
      int members, Latencies answers, int partialAnswers, int hungTimeouts, int othersOk) {}

  private FederationFigures() {}

  static BenchResult result(
      SizeRun run,
      FederationBench.Settings s,
      FederationLimits limits,
      double loadAtStart,
      double startSeconds) {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("members", run.members());
    settings.put("resourcesPerMember", s.resourcesPerMember());
    settings.put("queriesInMix", FederationBench.MIX.size());
    settings.put("mix", String.join("; ", FederationBench.MIX));
    settings.put("warmup", s.warmup());
    settings.put("iterations", s.iterations());
    settings.put("deadlineMs", s.deadlineMs());
    settings.put("maxInFlight", limits.maxInFlight());
    settings.put("answerCache", "off");
    settings.put("linkDelayMs", s.linkDelayMs());
    settings.put("partialAnswers", run.partialAnswers());
    settings.put("federatedHitsReturned", run.federatedHits());
    settings.put("lastMemberAnsweredP50Ms", run.lastMember().percentileMillis(50));
    settings.put("membersStartSeconds", Math.round(startSeconds * 10) / 10.0);
    settings.put("loadAverageAtStart", loadAtStart);
    String fed = "GET /federation/search, " + run.members() + " members";
    List<Comparison> comparisons =
        List.of(
            latency(fed + " p50", run.federated(), 50, "one member GET /search", run.local()),
            latency(fed + " p99", run.federated(), 99, "one member GET /search", run.local()),
            latency(
                fed + " p50",
                run.federated(),
                50,
                "sequential /search x" + run.members(),
                run.sequential()),
            latency(
                fed + " p99",
                run.federated(),
                99,
                "sequential /search x" + run.members(),
                run.sequential()));
    List<String> notes = new ArrayList<>();
    notes.add(
        String.format(
            Locale.ROOT,
            "the coordinator had every member's answer %.1f ms (p50) after its fan-out began; the"
                + " rest of the federated p50 is parsing the request, fusing, writing the answer"
                + " and the round trip",
            run.lastMember().percentileMillis(50)));
    if (run.partialAnswers() > 0) {
      notes.add(
          run.partialAnswers()
              + " of "
              + s.iterations()
              + " federated answers were partial (a member missed the deadline)");
    }
    if (run.members() == FederationBench.TARGET_MEMBERS) {
      double ofLocal = ofLocal(run);
      double speedup = speedup(run);
      notes.add(
          String.format(
              Locale.ROOT,
              "target p50 within %.0fx of one local search: %.2fx, %s",
              TARGET_OF_LOCAL,
              ofLocal,
              ofLocal <= TARGET_OF_LOCAL ? "met" : "NOT met"));
      notes.add(
          String.format(
              Locale.ROOT,
              "target p50 at least %.0fx faster than the sequential baseline: %.1fx, %s",
              TARGET_SPEEDUP,
              speedup,
              speedup >= TARGET_SPEEDUP ? "met" : "NOT met"));
    }
    return new BenchResult("federation", settings, comparisons, notes);
  }

  static BenchResult hungResult(HungRun run, FederationBench.Settings s) {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("members", run.members());
    settings.put("hungMembers", 1);
    settings.put("deadlineMs", s.deadlineMs());
    settings.put("linkDelayMs", s.linkDelayMs());
    settings.put("requests", run.answers().count());
    settings.put("partialAnswers", run.partialAnswers());
    settings.put("hungMemberTimeouts", run.hungTimeouts());
    settings.put("otherMembersOk", run.othersOk());
    double max = run.answers().percentileMillis(100);
    List<Comparison> comparisons =
        List.of(
            new Comparison(
                "answer with one member hung, p50",
                "ms",
                run.answers().percentileMillis(50),
                "deadline",
                s.deadlineMs(),
                false),
            new Comparison(
                "answer with one member hung, max", "ms", max, "deadline", s.deadlineMs(), false));
    List<String> notes = new ArrayList<>();
    notes.add(
        String.format(
            Locale.ROOT,
            "target answer within the deadline plus %d ms (%d ms): slowest %.1f ms, %s",
            HUNG_SLACK_MS,
            s.deadlineMs() + HUNG_SLACK_MS,
            max,
            hungTargetMet(run, s) ? "met" : "NOT met"));
    notes.add(
        String.format(
            Locale.ROOT,
            "partial: true in %d of %d answers; the hung member reported as timeout in %d; the"
                + " %d others ok %d times of %d",
            run.partialAnswers(),
            run.answers().count(),
            run.hungTimeouts(),
            run.members(),
            run.othersOk(),
            run.members() * run.answers().count()));
    return new BenchResult("federation-hung-member", settings, comparisons, notes);
  }

  private static boolean hungTargetMet(HungRun run, FederationBench.Settings s) {
    return run.answers().percentileMillis(100) <= s.deadlineMs() + HUNG_SLACK_MS
        && run.partialAnswers() == run.answers().count()
        && run.hungTimeouts() == run.answers().count();
  }

  /** The Markdown table for the README: one row per member count, then the hung member. */
  static String markdown(List<SizeRun> runs, HungRun hung, FederationBench.Settings s) {
    StringBuilder md = new StringBuilder();
    md.append(
        String.format(
            Locale.ROOT,
            "%d resources per member, link delay %d ms, %d member calls in flight, answer cache"
                + " off, %d timed rounds per size:%n%n",
            s.resourcesPerMember(),
            s.linkDelayMs(),
            s.maxInFlight(),
            s.iterations()));
    md.append(
        "| members | `GET /federation/search` p50 / p99 | one member `GET /search` p50 / p99"
            + " | federated / local (p50) | sequential `/search` x members p50 / p99"
            + " | sequential / federated (p50) | partial answers |\n");
    md.append("|---:|---:|---:|---:|---:|---:|---:|\n");
    for (SizeRun run : runs) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %d | %.1f / %.1f ms | %.1f / %.1f ms | %.1fx | %.1f / %.1f ms | %.1fx | %d of %d"
                  + " |%n",
              run.members(),
              run.federated().percentileMillis(50),
              run.federated().percentileMillis(99),
              run.local().percentileMillis(50),
              run.local().percentileMillis(99),
              ofLocal(run),
              run.sequential().percentileMillis(50),
              run.sequential().percentileMillis(99),
              speedup(run),
              run.partialAnswers(),
              run.federated().count()));
    }
    md.append(
        String.format(
            Locale.ROOT,
            "%n| one member hung (%d others) | deadline | answer p50 / max | partial | hung member"
                + " timeout | target (deadline + %d ms) |%n",
            hung.members(),
            HUNG_SLACK_MS));
    md.append("|---|---:|---:|---:|---:|---|\n");
    md.append(
        String.format(
            Locale.ROOT,
            "| %d requests | %d ms | %.1f / %.1f ms | %d of %d | %d of %d | %s |%n",
            hung.answers().count(),
            s.deadlineMs(),
            hung.answers().percentileMillis(50),
            hung.answers().percentileMillis(100),
            hung.partialAnswers(),
            hung.answers().count(),
            hung.hungTimeouts(),
            hung.answers().count(),
            hungTargetMet(hung, s) ? "met" : "NOT met"));
    return md.toString();
  }

  private static double ofLocal(SizeRun run) {
    return run.federated().percentileMillis(50) / run.local().percentileMillis(50);
  }

  private static double speedup(SizeRun run) {
    return run.sequential().percentileMillis(50) / run.federated().percentileMillis(50);
  }

  private static Comparison latency(
      String name, Latencies measured, double p, String baseline, Latencies base) {
    return Comparison.latency(
        name, measured, p, String.format(Locale.ROOT, "%s p%.0f", baseline, p), base);
  }
}
