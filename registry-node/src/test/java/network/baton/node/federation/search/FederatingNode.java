package network.baton.node.federation.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import network.baton.node.RunningNode;
import network.baton.node.federation.Member;

/** A real node federating over members that listen on loopback, and how tests read its answers. */
final class FederatingNode {

  private FederatingNode() {}

  /** The fetch policy lets the node call its loopback members only because the test allows it. */
  static RunningNode start(Vertx vertx, Path dataDir, List<Member> members) {
    return RunningNode.start(
        vertx,
        dataDir,
        config ->
            config
                .withFederation(f -> f.withMembers(members))
                .withCredentials(config.credentials().withLoopbackHttp(true)));
  }

  /** Closes the node, then the members (closeMembers), then Vert.x. */
  static void stop(Vertx vertx, RunningNode node, Runnable closeMembers) {
    if (node != null) {
      node.close();
    }
    closeMembers.run();
    vertx.close().toCompletionStage().toCompletableFuture().join();
  }

  /** {@code GET /federation/search?query}, which must answer 200. */
  static JsonObject search(RunningNode node, String query) {
    HttpResponse<String> response = node.get("/federation/search?" + query, "application/json");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return new JsonObject(response.body());
  }

  /** Each member's status in a federated answer, by DID. */
  static Map<String, String> statuses(JsonObject result) {
    Map<String, String> statuses = new HashMap<>();
    for (Object member : result.getJsonArray("members")) {
      JsonObject m = (JsonObject) member;
      statuses.put(m.getString("did"), m.getString("status"));
    }
    return statuses;
  }
}
