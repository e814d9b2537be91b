package network.baton.node.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import network.baton.node.cli.BatonCli;
import network.baton.vocab.SampleContent.Institution;

/** What the demo tests check alike, over http or https. */
final class DemoChecks {
  private DemoChecks() {}

  /** The keys of the members whose resources a federated search answer holds. */
  static Set<String> homesOfHits(JsonObject result, List<DemoMember> members) {
    Set<String> homes = new HashSet<>();
    for (Object hit : result.getJsonArray("hits")) {
      String iri = ((JsonObject) hit).getString("iri");
      members.stream()
          .filter(m -> iri.startsWith(m.baseUrl() + "/resources/"))
          .forEach(m -> homes.add(m.key()));
    }
    return homes;
  }

  /**
   * Runs the five `./baton` lines of a demo summary as printed: the three verifies pass, the
   * revocation goes through, and the verify after it fails.
   */
  static void printedCommandsWorkUpToRevocation(String summary, DemoNetwork demo) {
    List<String> commands =
        summary.lines().map(String::strip).filter(line -> line.startsWith("./baton ")).toList();
    assertThat(commands).hasSize(5);
    // verify online, offline, the presentation: all valid
    for (String command : commands.subList(0, 3)) {
      assertThat(baton(command)).as(command).isZero();
    }
    // the kosen revokes it, and the same verify now fails
    String token = demo.member(Institution.KOSEN).adminToken();
    String revoke = commands.get(3).replaceAll("\"\\$\\(cat [^)]+\\)\"", token);
    assertThat(revoke).contains("credential revoke", demo.credential().credentialId());
    assertThat(baton(revoke)).as(revoke).isZero();
    assertThat(baton(commands.get(4))).as("verify after revocation").isEqualTo(1);
  }

  /** Runs a printed `./baton ...` line (no spaces inside arguments) in this JVM. */
  static int baton(String command) {
    String[] args = command.substring("./baton ".length()).split(" +");
    StringWriter out = new StringWriter();
    return BatonCli.execute(new PrintWriter(out, true), new PrintWriter(out, true), args);
  }
}
