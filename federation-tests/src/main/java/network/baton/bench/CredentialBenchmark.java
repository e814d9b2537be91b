package network.baton.bench;

import static java.util.Objects.requireNonNull;

import io.vertx.core.json.JsonObject;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import network.baton.credential.service.CredentialFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 4's credential benchmark: issue and verify throughput through a real node's HTTP API, next
 * to raw Bouncy Castle Ed25519 sign and verify measured in the same run on the same number of
 * threads (target: the API at least half of raw), and the JDK's Ed25519 for the BC/JDK ratio.
 */
public final class CredentialBenchmark {
  private static final Logger log = LoggerFactory.getLogger(CredentialBenchmark.class);
  private static final int VERIFY_POOL = 32;

  private CredentialBenchmark() {}

  /**
   * How long to warm up and measure each phase, with how many clients, issuing in which formats.
   */
  public record Options(
      Duration warmup, Duration measure, int concurrency, Set<CredentialFormat> formats) {
    /** The default run: 2 s warm-up, 5 s measured per phase, 4 clients, both formats (~80 s). */
    public static final Options DEFAULTS =
        new Options(
            Duration.ofSeconds(2), Duration.ofSeconds(5), 4, EnumSet.allOf(CredentialFormat.class));

    public Options {
      requireNonNull(warmup, "warmup");
      requireNonNull(measure, "measure");
      if (warmup.isNegative()) throw new IllegalArgumentException("warmup must be >= 0");
      if (measure.isZero() || measure.isNegative()) {
        throw new IllegalArgumentException("measure must be > 0");
      }
      if (concurrency < 1) throw new IllegalArgumentException("concurrency must be >= 1");
      if (formats.isEmpty()) throw new IllegalArgumentException("at least one format");
      formats = Set.copyOf(formats);
    }

    /** Options from seconds and a format list such as "jwt", "di" or "jwt,di". */
    public static Options of(
        int warmupSeconds, int measureSeconds, int concurrency, String formats) {
      Set<CredentialFormat> parsed = EnumSet.noneOf(CredentialFormat.class);
      for (String f : formats.split(",")) parsed.add(CredentialFormat.parse(f));
      return new Options(
          Duration.ofSeconds(warmupSeconds),
          Duration.ofSeconds(measureSeconds),
          concurrency,
          parsed);
    }
  }

  /**
   * The numbers of one run, in operations per second (issue DI is NaN when not measured), with the
   * machine's cores and load average (-1 if unknown) at the start; apiHealth is GET /health, the
   * HTTP floor under the API rates.
   */
  public record Result(
      Options options,
      int cores,
      double loadAverage,
      int signingInputBytes,
      double apiIssueJwt,
      double apiIssueDi,
      double apiVerifyJwt,
      double apiHealth,
      double bcSign,
      double bcVerify,
      double jdkSign,
      double jdkVerify) {
    public Result {
      requireNonNull(options, "options");
      if (cores < 1) throw new IllegalArgumentException("cores must be >= 1");
      if (signingInputBytes < 1) throw new IllegalArgumentException("signing input is empty");
      for (double rate : new double[] {apiIssueJwt, apiIssueDi, apiVerifyJwt, apiHealth}) {
        if (rate < 0) throw new IllegalArgumentException("a rate is negative: " + rate);
      }
      for (double rate : new double[] {bcSign, bcVerify, jdkSign, jdkVerify}) {
        if (!(rate > 0)) throw new IllegalArgumentException("a baseline rate must be > 0: " + rate);
      }
    }

    /** API vc+jwt issue rate over raw BC sign rate (NaN if jwt issue was not measured). */
    public double issueToRawSign() {
      return apiIssueJwt / bcSign;
    }

    /** API Data Integrity issue rate over raw BC sign rate (NaN if not measured). */
    public double issueDiToRawSign() {
      return apiIssueDi / bcSign;
    }

    /** API vc+jwt verify rate over raw BC verify rate. */
    public double verifyToRawVerify() {
      return apiVerifyJwt / bcVerify;
    }

    /** Bouncy Castle verify rate over the JDK's (the design's "about 7x" claim). */
    public double bcToJdkVerify() {
      return bcVerify / jdkVerify;
    }

    /** Bouncy Castle sign rate over the JDK's. */
    public double bcToJdkSign() {
      return bcSign / jdkSign;
    }

    /** The numbers and ratios as JSON; rates not measured are left out. */
    public JsonObject toJson() {
      JsonObject rates = new JsonObject();
      putMeasured(rates, "apiIssueJwt", apiIssueJwt);
      putMeasured(rates, "apiIssueDi", apiIssueDi);
      rates
          .put("apiVerifyJwt", apiVerifyJwt)
          .put("apiHealth", apiHealth)
          .put("bcSign", bcSign)
          .put("bcVerify", bcVerify)
          .put("jdkSign", jdkSign)
          .put("jdkVerify", jdkVerify);
      JsonObject ratios = new JsonObject();
      putMeasured(ratios, "apiIssueJwtToBcSign", issueToRawSign());
      putMeasured(ratios, "apiIssueDiToBcSign", issueDiToRawSign());
      ratios
          .put("apiVerifyJwtToBcVerify", verifyToRawVerify())
          .put("bcToJdkVerify", bcToJdkVerify())
          .put("bcToJdkSign", bcToJdkSign());
      return new JsonObject()
          .put("benchmark", "credentials")
          .put("warmupSeconds", options.warmup().toMillis() / 1000.0)
          .put("measureSeconds", options.measure().toMillis() / 1000.0)
          .put("concurrency", options.concurrency())
          .put("cores", cores)
          .put("loadAverage", loadAverage)
          .put("signingInputBytes", signingInputBytes)
          .put("perSecond", rates)
          .put("ratios", ratios);
    }

    /** A Markdown table: one row per measurement, its rate and its ratio to the baseline. */
    public String toMarkdown() {
      int n = options.concurrency();
      List<String> rows = new ArrayList<>();
      rows.add("| measurement (" + n + " threads, " + cores + " cores) | per second | ratio |");
      rows.add("|---|---:|---|");
      if (!Double.isNaN(apiIssueJwt)) {
        rows.add(
            row(
                "API issue vc+jwt (POST /credentials/issue)",
                apiIssueJwt,
                ratio(issueToRawSign()) + " of BC sign"));
      }
      if (!Double.isNaN(apiIssueDi)) {
        rows.add(
            row(
                "API issue eddsa-rdfc-2022 (POST /credentials/issue)",
                apiIssueDi,
                ratio(issueDiToRawSign()) + " of BC sign"));
      }
      rows.add(
          row(
              "API verify vc+jwt (POST /credentials/verify)",
              apiVerifyJwt,
              ratio(verifyToRawVerify()) + " of BC verify"));
      rows.add(row("HTTP floor: GET /health (one store count)", apiHealth, "-"));
      rows.add(row("Bouncy Castle Ed25519 sign, " + signingInputBytes + " B", bcSign, "baseline"));
      rows.add(
          row("Bouncy Castle Ed25519 verify, " + signingInputBytes + " B", bcVerify, "baseline"));
      rows.add(row("JDK Ed25519 sign", jdkSign, "BC/JDK " + ratio(bcToJdkSign())));
      rows.add(row("JDK Ed25519 verify", jdkVerify, "BC/JDK " + ratio(bcToJdkVerify())));
      return String.join("\n", rows) + "\n";
    }

    private static void putMeasured(JsonObject json, String key, double value) {
      if (!Double.isNaN(value)) json.put(key, value);
    }

    private static String row(String name, double rate, String ratio) {
      return "| " + name + " | " + String.format(Locale.ROOT, "%,.0f", rate) + " | " + ratio + " |";
    }

    private static String ratio(double value) {
      return String.format(Locale.ROOT, "%.2fx", value);
    }
  }

  /** Runs the benchmark, printing progress and the table to out. */
  public static Result run(Options options, PrintStream out) {
    requireNonNull(options, "options");
    requireNonNull(out, "out");
    int cores = Runtime.getRuntime().availableProcessors();
    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    int n = options.concurrency();
    CredentialLoad phases = new CredentialLoad(options.warmup(), options.measure(), n);
    out.printf(
        Locale.ROOT,
        "credential benchmark: %d threads, %d cores, load %.2f, warm-up %s, measure %s%n",
        n,
        cores,
        load,
        options.warmup(),
        options.measure());
    try (BenchLogging quiet = BenchLogging.quiet();
        CredentialBenchNode node = CredentialBenchNode.start()) {
      List<String> verifyBodies = new ArrayList<>();
      HttpClient setupClient = BenchClients.http();
      String jwtBody = node.issueBody(CredentialFormat.JWT.value());
      String signingInput = null;
      for (int i = 0; i < VERIFY_POOL; i++) {
        JsonObject issued = node.issue(setupClient, jwtBody);
        verifyBodies.add(CredentialBenchNode.verifyBody(issued));
        String jwt = CredentialBenchNode.jwtOf(issued);
        signingInput = jwt.substring(0, jwt.lastIndexOf('.'));
      }
      byte[] payload = signingInput.getBytes(StandardCharsets.US_ASCII);
      log.info(
          "node ready [credentials to verify: {}, signing input bytes: {}]",
          VERIFY_POOL,
          payload.length);

      double issueJwt = Double.NaN;
      if (options.formats().contains(CredentialFormat.JWT)) {
        issueJwt = measure(out, phases, "API issue vc+jwt", i -> issuing(node, jwtBody));
      }
      double issueDi = Double.NaN;
      if (options.formats().contains(CredentialFormat.DATA_INTEGRITY)) {
        String diBody = node.issueBody(CredentialFormat.DATA_INTEGRITY.value());
        issueDi = measure(out, phases, "API issue eddsa-rdfc-2022", i -> issuing(node, diBody));
      }
      AtomicInteger next = new AtomicInteger();
      double verifyJwt =
          measure(
              out,
              phases,
              "API verify vc+jwt",
              i -> {
                HttpClient client = BenchClients.http();
                return () ->
                    node.verify(
                        client,
                        verifyBodies.get(
                            Math.floorMod(next.getAndIncrement(), verifyBodies.size())));
              });

      double health =
          measure(
              out,
              phases,
              "API GET /health",
              i -> {
                HttpClient client = BenchClients.http();
                return () -> node.health(client);
              });

      CredentialSignatures raw = new CredentialSignatures(payload);
      double bcSign = measure(out, phases, "BC Ed25519 sign", i -> raw.bcSign());
      double bcVerify = measure(out, phases, "BC Ed25519 verify", i -> raw.bcVerify());
      double jdkSign = measure(out, phases, "JDK Ed25519 sign", i -> raw.jdkSign());
      double jdkVerify = measure(out, phases, "JDK Ed25519 verify", i -> raw.jdkVerify());

      Result result =
          new Result(
              options,
              cores,
              load,
              payload.length,
              issueJwt,
              issueDi,
              verifyJwt,
              health,
              bcSign,
              bcVerify,
              jdkSign,
              jdkVerify);
      out.println();
      out.print(result.toMarkdown());
      return result;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("the benchmark was interrupted", e);
    } catch (Exception e) {
      throw new IllegalStateException("the credential benchmark failed: " + e.getMessage(), e);
    }
  }

  private static CredentialLoad.Operation issuing(CredentialBenchNode node, String body) {
    HttpClient client = BenchClients.http();
    return () -> node.issue(client, body);
  }

  private static double measure(
      PrintStream out,
      CredentialLoad load,
      String name,
      IntFunction<CredentialLoad.Operation> perThread) {
    CredentialLoad.Throughput throughput = load.run(name, perThread);
    out.printf(
        Locale.ROOT,
        "  %-28s %,12.0f /s  (%d in %.1f s)%n",
        name,
        throughput.perSecond(),
        throughput.operations(),
        throughput.seconds());
    return throughput.perSecond();
  }

  /**
   * Standalone: {@code [--warmup S] [--measure S] [--concurrency N] [--format jwt|di|jwt,di]
   * [--json]}.
   */
  public static void main(String[] args) {
    Options defaults = Options.DEFAULTS;
    int warmup = (int) defaults.warmup().toSeconds();
    int measure = (int) defaults.measure().toSeconds();
    int concurrency = defaults.concurrency();
    String formats = "jwt,di";
    boolean json = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--warmup" -> warmup = Integer.parseInt(value(args, ++i));
        case "--measure" -> measure = Integer.parseInt(value(args, ++i));
        case "--concurrency" -> concurrency = Integer.parseInt(value(args, ++i));
        case "--format" -> formats = value(args, ++i);
        case "--json" -> json = true;
        default -> throw new IllegalArgumentException("unknown option: " + args[i]);
      }
    }
    Result result = run(Options.of(warmup, measure, concurrency, formats), System.out);
    if (json) System.out.println(result.toJson().encodePrettily());
  }

  private static String value(String[] args, int i) {
    if (i >= args.length) throw new IllegalArgumentException(args[i - 1] + " needs a value");
    return args[i];
  }
}
