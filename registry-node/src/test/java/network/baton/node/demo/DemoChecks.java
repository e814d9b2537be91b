package network.baton.node.demo;

import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import network.baton.node.cli.BatonCli;

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

  /** Runs a printed `./baton ...` line (no spaces inside arguments) in this JVM. */
  static int baton(String command) {
    String[] args = command.substring("./baton ".length()).split(" +");
    StringWriter out = new StringWriter();
    return BatonCli.execute(new PrintWriter(out, true), new PrintWriter(out, true), args);
  }
}
