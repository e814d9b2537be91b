package network.baton.interop;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The npm project in {@code federation-tests/interop}: its scripts run with Node.js against a node
 * and print a JSON result. Tests skip when Node.js or the installed packages ({@code npm ci
 * --prefix federation-tests/interop}) are missing, unless {@value #REQUIRED} is true (CI).
 */
final class NodeJs {

  /** System property that turns missing Node.js or packages into a failure instead of a skip. */
  static final String REQUIRED = "baton.interop.required";

  /** The npm project, found from the module folder Maven runs tests in (or the repository's). */
  static final Path PROJECT = locate();

  private static final String NODE = System.getProperty("baton.node", "node");
  private static final long SCRIPT_SECONDS = 30;
  private static final Set<String> INHERITED_TRUST =
      Set.of("NODE_TLS_REJECT_UNAUTHORIZED", "NODE_OPTIONS", "NODE_EXTRA_CA_CERTS");

  private NodeJs() {}

  private static Path locate() {
    Path here = Path.of("interop");
    return Files.isDirectory(here) ? here : Path.of("federation-tests", "interop");
  }

  /** Skips the calling test class when Node.js or the packages are absent (fails if required). */
  static void assumeInstalled() {
    String missing = missing();
    if (missing != null && Boolean.getBoolean(REQUIRED)) {
      throw new IllegalStateException(
          "interop tests are required (-D" + REQUIRED + "=true) but " + missing);
    }
    assumeTrue(missing == null, () -> "interop tests skipped: " + missing);
  }

  private static String missing() {
    if (!Files.isDirectory(PROJECT.resolve("node_modules"))) {
      return PROJECT.toAbsolutePath().normalize()
          + "/node_modules is missing: run npm ci --prefix federation-tests/interop";
    }
    try {
      Process version = new ProcessBuilder(NODE, "--version").redirectErrorStream(true).start();
      if (!version.waitFor(10, TimeUnit.SECONDS) || version.exitValue() != 0) {
        return "`" + NODE + " --version` failed";
      }
      return null;
    } catch (IOException e) {
      return "Node.js (" + NODE + ") is not installed: " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  /** Runs a script of the project with these arguments; its printed result and exit code. */
  static Run run(String script, String... args) throws IOException, InterruptedException {
    return run(script, Map.of(), args);
  }

  /**
   * Runs a script with these environment variables added (e.g. {@code NODE_EXTRA_CA_CERTS}); the
   * caller's {@code NODE_TLS_REJECT_UNAUTHORIZED}, {@code NODE_OPTIONS} and {@code
   * NODE_EXTRA_CA_CERTS} are not passed on, so the script trusts only what the test names.
   */
  static Run run(String script, Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(NODE, script));
    command.addAll(List.of(args));
    Path errors = Files.createTempFile("interop-", ".err");
    try {
      ProcessBuilder builder =
          new ProcessBuilder(command).directory(PROJECT.toFile()).redirectError(errors.toFile());
      builder.environment().keySet().removeAll(INHERITED_TRUST);
      builder.environment().putAll(env);
      Process process = builder.start();
      byte[] out = process.getInputStream().readAllBytes();
      if (!process.waitFor(SCRIPT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(script + " took longer than " + SCRIPT_SECONDS + " s");
      }
      return new Run(
          process.exitValue(),
          new String(out, StandardCharsets.UTF_8),
          Files.readString(errors, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(errors);
    }
  }

  /** The names of a script result's checks, in order. */
  static List<String> checkNames(JsonObject result) {
    return result.getJsonArray("checks").stream()
        .map(check -> ((JsonObject) check).getString("name"))
        .toList();
  }

  /** What a script printed (a JSON object {script, ok, checks: [{name, ok, detail}]}). */
  record Run(int exitCode, String out, String err) {
    JsonObject result() {
      try {
        return new JsonObject(out);
      } catch (RuntimeException e) {
        throw new AssertionError("not a JSON result (exit " + exitCode + "): " + out + err, e);
      }
    }

    /** The checks of the result that did not pass, each as its JSON. */
    List<String> failedChecks() {
      return result().getJsonArray("checks").stream()
          .map(JsonObject.class::cast)
          .filter(check -> !check.getBoolean("ok"))
          .map(JsonObject::encode)
          .toList();
    }

    /** The names of the result's checks, in order. */
    List<String> checkNames() {
      return NodeJs.checkNames(result());
    }

    @Override
    public String toString() {
      return "exit " + exitCode + "\n" + out + err;
    }
  }
}
