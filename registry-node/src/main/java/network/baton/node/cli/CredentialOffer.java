package network.baton.node.cli;

import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.time.Duration;
import network.baton.node.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `baton credential offer`: a credential offer to a graduate's wallet (OpenID4VCI). */
@Command(
    name = "offer",
    description = {
      "Makes a credential offer for one of the node's courses: a link and a page with a QR code",
      "that a graduate's wallet scans to receive the credential (OpenID4VCI, pre-authorized code).",
      "The offer works once and expires; with --tx-code the wallet also asks for a 6-digit code",
      "that you send to the graduate by another channel (it is printed once, and not stored)."
    },
    footer = {
      "",
      "Example:",
      "  baton credential offer --node http://localhost:8080 --token $TOKEN --course kosen-mc4-ec",
      "      --tx-code --expires 30m"
    })
final class CredentialOffer extends TaskCommand {
  @CommandLine.Mixin CredentialCommand.NodeOptions node;

  @Option(
      names = "--course",
      paramLabel = "ID",
      required = true,
      description = "the course or curriculum: its id on the node (kosen-mc4-ec) or its IRI")
  String course;

  @Option(names = "--tx-code", description = "ask the wallet for a 6-digit transaction code")
  boolean txCode;

  @Option(
      names = "--expires",
      paramLabel = "D",
      description = "how long the offer lasts, e.g. 10m, 2h, 3d (default: the node's, 10 minutes)")
  String expires;

  @Override
  public Integer call() {
    return CredentialCommand.run(
        spec,
        () -> {
          JsonObject body = new JsonObject().put("course", course).put("txCode", txCode);
          if (expires != null) body.put("expiresInSeconds", duration(expires).toSeconds());
          JsonObject answer = CredentialCommand.post(node, "/admin/credential-offers", body);
          PrintWriter out = spec.commandLine().getOut();
          out.println("offer link: " + answer.getString("offerUri"));
          out.println("page:       " + answer.getString("pageUrl"));
          if (answer.getString("txCode") != null) {
            out.println("tx code:    " + answer.getString("txCode") + "  (send it separately)");
          }
          out.println("expires:    " + answer.getString("expires"));
          return null;
        });
  }

  // 90s, 10m, 2h, 3d.
  static Duration duration(String text) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("(\\d{1,6})([smhd])").matcher(text.strip());
    if (!m.matches()) {
      throw new ConfigException("--expires must be a number and s, m, h or d, not " + text);
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofDays(n);
    };
  }
}
