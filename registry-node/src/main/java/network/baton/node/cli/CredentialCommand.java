package network.baton.node.cli;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import network.baton.credential.http.CredentialRoutes;
import network.baton.node.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * `baton credential issue|offer|revoke|suspend|unsuspend`: thin HTTP clients of a node's VC API and
 * of its credential offers to wallets.
 */
@Command(
    name = "credential",
    description = {
      "Issues and changes the status of credentials through a running node (admin token needed).",
      "Exit code: 0 done, 1 the node refused (its reason is printed), 2 usage or connection error."
    },
    subcommands = {
      CredentialCommand.Issue.class,
      CredentialOffer.class,
      CredentialCommand.Revoke.class,
      CredentialCommand.Suspend.class,
      CredentialCommand.Unsuspend.class
    },
    footer = {
      "",
      "Examples:",
      "  baton credential issue --node http://localhost:8080 --token $TOKEN --holder did:key:z6Mk...",
      "      --achievement http://localhost:8080/resources/kosen-mc4-ec --out ec.json",
      "  baton credential offer --node http://localhost:8080 --token $TOKEN --course kosen-mc4-ec",
      "  baton credential revoke --node http://localhost:8080 --token $TOKEN urn:uuid:..."
    })
final class CredentialCommand extends CommandGroup {

  /** The node and its admin token. */
  static class NodeOptions {
    @CommandLine.Mixin CaCertOptions ca = new CaCertOptions();

    @Option(
        names = "--node",
        paramLabel = "URL",
        required = true,
        description = "URL of the issuing node")
    URI node;

    @Option(
        names = "--token",
        paramLabel = "T",
        required = true,
        description = "admin token of that node")
    String token;
  }

  /** Thrown when the node answers with a problem: exit code 1. */
  private static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message);
    }
  }

  static JsonObject post(NodeOptions options, String path, JsonObject body) {
    if (!options.node.isAbsolute() || options.node.getHost() == null) {
      throw new ConfigException("--node must be an absolute http(s) URL: " + options.node);
    }
    String base = options.node.toString().replaceAll("/+$", "");
    HttpClient client = options.ca.client(Duration.ofSeconds(10));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + options.token)
            .POST(HttpRequest.BodyPublishers.ofString(body.encode(), StandardCharsets.UTF_8))
            .build();
    HttpResponse<String> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new ConfigException("cannot reach " + base + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConfigException("interrupted");
    }
    JsonObject answer;
    try {
      answer = new JsonObject(response.body());
    } catch (DecodeException e) {
      throw new ConfigException(base + " answered HTTP " + response.statusCode() + " without JSON");
    }
    if (response.statusCode() >= 400) {
      throw new Refused(
          "the node refused (HTTP "
              + response.statusCode()
              + "): "
              + answer.getString("detail", answer.getString("title", "")));
    }
    return answer;
  }

  // The node's refusal is exit 1; anything else (usage, connection, files) is exit 2.
  static int run(CommandLine.Model.CommandSpec spec, Callable<Void> action) {
    PrintWriter err = spec.commandLine().getErr();
    try {
      action.call();
      return 0;
    } catch (Refused e) {
      err.println(spec.qualifiedName() + ": " + e.getMessage());
      return 1;
    } catch (Exception e) {
      err.println(spec.qualifiedName() + ": " + BatonCli.oneLine(e));
      return 2;
    }
  }

  /** Issues a credential for a course of the node. */
  @Command(
      name = "issue",
      description =
          "Issues a credential for one of the node's courses or curricula to a holder DID.",
      footer = {
        "",
        "Example:",
        "  baton credential issue --node http://localhost:8080 --token $TOKEN --holder did:key:z6Mk...",
        "      --achievement http://localhost:8080/resources/kosen-mc4-ec --format jwt --out ec.json",
        "  baton credential issue ... --status revocation,suspension   # can be suspended later"
      })
  static final class Issue extends TaskCommand {
    @CommandLine.Mixin NodeOptions node;

    @Option(
        names = "--holder",
        paramLabel = "DID",
        required = true,
        description =
            "the graduate's DID (for sd-jwt a did:key or did:jwk: the key it is bound to)")
    String holder;

    @Option(
        names = "--achievement",
        paramLabel = "IRI",
        required = true,
        description = "course or curriculum IRI")
    String achievement;

    @Option(
        names = "--format",
        paramLabel = "F",
        defaultValue = "jwt",
        description = "jwt (vc+jwt, default), di (eddsa-rdfc-2022) or sd-jwt (dc+sd-jwt SD-JWT VC)")
    String format;

    @Option(
        names = "--status",
        paramLabel = "P[,P]",
        defaultValue = "revocation",
        description = {
          "status entries: revocation (default: one entry, the shape the Open Badges 3.0 schema",
          "wants), or revocation,suspension (an array of two) so the credential can be suspended"
        })
    String status;

    @Option(
        names = "--out",
        paramLabel = "FILE",
        description = "write the credential here (else print it)")
    Path out;

    @Override
    public Integer call() {
      return run(
          spec,
          () -> {
            String wire =
                switch (format.toLowerCase(Locale.ROOT)) {
                  case "jwt", "vc+jwt" -> "vc+jwt";
                  case "di", "eddsa-rdfc-2022" -> "eddsa-rdfc-2022";
                  case "sd-jwt", "dc+sd-jwt" -> "dc+sd-jwt";
                  default ->
                      throw new ConfigException(
                          "--format must be jwt, di or sd-jwt, not " + format);
                };
            JsonArray purposes = purposes(status);
            if (out != null && Files.exists(out))
              throw new ConfigException(out + " exists; not overwriting it");
            JsonObject body = CredentialRoutes.issueRequest(holder, achievement, wire);
            body.getJsonObject("options").put("credentialStatus", purposes);
            JsonObject answer = post(node, "/credentials/issue", body);
            String text = answer.encodePrettily();
            if (out == null) {
              spec.commandLine().getOut().println(text);
            } else {
              Files.writeString(out, text + "\n", StandardCharsets.UTF_8);
            }
            spec.commandLine()
                .getErr()
                .println("baton credential issue: issued " + answer.getString("credentialId"));
            return null;
          });
    }
  }

  // The purposes of --status, in the order named, each once: a course credential has at least one.
  static JsonArray purposes(String status) {
    Set<String> named = new LinkedHashSet<>();
    for (String part : status.split(",", -1)) {
      String purpose = part.strip().toLowerCase(Locale.ROOT);
      if (!purpose.equals("revocation") && !purpose.equals("suspension")) {
        throw new ConfigException(
            "--status must be revocation, suspension or revocation,suspension, not '"
                + status
                + "'"
                + (purpose.equals("none")
                    ? " (a course credential always carries a status entry)"
                    : ""));
      }
      named.add(purpose);
    }
    return new JsonArray(List.copyOf(named));
  }

  /** Shared by revoke, suspend and unsuspend. */
  abstract static class StatusChange extends TaskCommand {
    @CommandLine.Mixin NodeOptions node;

    @Parameters(index = "0", paramLabel = "ID", description = "the credential id (urn:uuid:...)")
    String id;

    /** The status the credential gets. */
    abstract String status();

    @Override
    public Integer call() {
      return run(
          spec,
          () -> {
            JsonObject body =
                new JsonObject()
                    .put("credentialId", id)
                    .put(
                        "credentialStatus",
                        new JsonArray().add(new JsonObject().put("status", status())));
            JsonObject answer = post(node, "/credentials/status", body);
            spec.commandLine()
                .getOut()
                .println(
                    id
                        + ": "
                        + answer.getString("status")
                        + (answer.getBoolean("changed", false) ? "" : " (unchanged)"));
            return null;
          });
    }
  }

  /** Revokes a credential for good. */
  @Command(
      name = "revoke",
      description = "Revokes a credential the node issued; revocation is final.",
      footer = {
        "",
        "Example:",
        "  baton credential revoke --node http://localhost:8080 --token $TOKEN urn:uuid:..."
      })
  static final class Revoke extends StatusChange {
    @Override
    String status() {
      return "revoked";
    }
  }

  /** Suspends a credential. */
  @Command(
      name = "suspend",
      description = "Suspends a credential the node issued, until unsuspended.",
      footer = {
        "",
        "Example:",
        "  baton credential suspend --node http://localhost:8080 --token $TOKEN urn:uuid:..."
      })
  static final class Suspend extends StatusChange {
    @Override
    String status() {
      return "suspended";
    }
  }

  /** Lifts a suspension. */
  @Command(
      name = "unsuspend",
      description = "Lifts the suspension of a credential the node issued.",
      footer = {
        "",
        "Example:",
        "  baton credential unsuspend --node http://localhost:8080 --token $TOKEN urn:uuid:..."
      })
  static final class Unsuspend extends StatusChange {
    @Override
    String status() {
      return "unsuspended";
    }
  }
}
