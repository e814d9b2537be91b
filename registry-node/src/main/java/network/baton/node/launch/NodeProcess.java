package network.baton.node.launch;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import network.baton.credential.did.Multikey;
import network.baton.credential.fetch.TrustedCertificates;
import network.baton.node.cli.BatonCli;
import network.baton.node.config.CredentialSettings;
import network.baton.node.config.Identity;
import network.baton.node.config.NodeConfig;
import network.baton.node.config.ServerTls;

/**
 * A member running as a JVM of its own, as an operator runs one: {@code baton node --config FILE}
 * with this JVM's class path, its config written next to its data folder ({@code KEY.json}) and its
 * output in {@code KEY.log}.
 */
final class NodeProcess {

  private static final Duration HEALTHY_WITHIN = Duration.ofSeconds(120);

  private final Process process;
  private final Path log;
  private final TrustedCertificates trust;

  private NodeProcess(Process process, Path log, TrustedCertificates trust) {
    this.process = process;
    this.log = log;
    this.trust = trust;
  }

  /** Writes the member's config file and starts its JVM (not yet listening). */
  static NodeProcess start(
      String key,
      NodeConfig config,
      Path folder,
      List<String> jvmOptions,
      TrustedCertificates trust) {
    Path file = folder.resolve(key + ".json");
    Path log = folder.resolve(key + ".log");
    try {
      Files.writeString(file, configFile(config).encodePrettily(), UTF_8);
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(jvmOptions);
      command.addAll(
          List.of(
              "-cp",
              System.getProperty("java.class.path"),
              BatonCli.class.getName(),
              "node",
              "--config",
              file.toString()));
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      return new NodeProcess(process, log, trust);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the " + key + " node: " + e.getMessage(), e);
    }
  }

  /**
   * The keys of the config file the launcher's configs use; a config using others (members listed
   * in the config) cannot run as a process here.
   */
  static JsonObject configFile(NodeConfig config) {
    if (!config.federation().members().isEmpty()) {
      throw new IllegalArgumentException("a member process takes its members from a signed list");
    }
    CredentialSettings credentials = config.credentials();
    JsonObject file =
        new JsonObject()
            .put("port", config.server().port())
            .put("host", config.server().host())
            .put("dataDir", config.server().dataDir().toAbsolutePath().toString())
            .put("baseUrl", config.server().baseUrl().toString())
            .put("name", config.identity().name())
            .put("adminTokenHashes", new JsonArray(config.admin().tokenHashes()))
            .put("allowLoopbackHttp", credentials.allowLoopbackHttp())
            .put("trustedIssuers", new JsonArray(credentials.trustedIssuers()))
            .put(
                "coordinatorKeys",
                new JsonArray(
                    config.federation().coordinatorKeys().stream().map(Multikey::encode).toList()))
            .put("membershipSyncInterval", config.federation().syncInterval().toString());
    Identity identity = config.identity();
    if (!identity.institution().isEmpty()) file.put("institution", identity.institution());
    if (identity.did() != null) file.put("did", identity.did());
    if (credentials.keyPassphrase() != null) {
      file.put("keyPassphrase", credentials.keyPassphrase());
    }
    if (credentials.allowLoopbackHttps()) file.put("allowLoopbackHttps", true);
    if (!credentials.trustedCertificates().isEmpty()) {
      file.put(
          "trustedCertificates",
          new JsonArray(credentials.trustedCertificates().stream().map(Path::toString).toList()));
    }
    ServerTls tls = config.server().tls();
    if (tls != null) {
      file.put(
          "tls",
          new JsonObject()
              .put("certificate", tls.certificate().toString())
              .put("privateKey", tls.privateKey().toString()));
    }
    if (credentials.statusListCacheTtl() != null) {
      file.put("statusListCacheTtl", credentials.statusListCacheTtl().toString());
    }
    return file;
  }

  /** Waits until the node answers {@code GET /health} with 200; fails with its log's tail. */
  void awaitHealthy(URI address, String key) {
    HttpClient http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .sslContext(trust.sslContext())
            .build();
    URI health = URI.create(address + "/health");
    long deadline = System.nanoTime() + HEALTHY_WITHIN.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the " + key + " node stopped; its log:\n" + tail());
      }
      try {
        HttpResponse<Void> response =
            http.send(
                HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).build(),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) return;
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted waiting for the " + key + " node", e);
      }
      pause(key);
    }
    throw new IllegalStateException("the " + key + " node did not become healthy:\n" + tail());
  }

  private static void pause(String key) {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted waiting for the " + key + " node", e);
    }
  }

  /** Stops the JVM as Ctrl-C would (its shutdown closes the store), killing it after 30 s. */
  void stop() {
    process.destroy();
    if (!waitFor()) kill();
  }

  /** Kills the JVM (SIGKILL: no shutdown, the port simply closes); whether it ended within 30 s. */
  boolean kill() {
    process.destroyForcibly();
    return waitFor();
  }

  private boolean waitFor() {
    try {
      return process.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private String tail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "(no log)";
    }
  }
}
