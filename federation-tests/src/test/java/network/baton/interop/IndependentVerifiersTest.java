package network.baton.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import network.baton.node.config.CredentialSettings;
import network.baton.node.launch.LocalMember;
import network.baton.node.launch.LocalNetwork;
import network.baton.node.launch.MemberPlan;
import network.baton.node.launch.NetworkOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Implementations that share no code with BATON, from npm (federation-tests/interop), against a
 * real node on loopback: a VC API client that knows nothing of BATON, Digital Bazaar's {@code
 * vc.verifyCredential} with the eddsa-rdfc-2022 cryptosuite, and panva's {@code jose} with the key
 * of the node's DID document. Each script prints its checks; every check must pass.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class IndependentVerifiersTest {

  @TempDir static Path root;

  private LocalNetwork network;
  private LocalMember node;

  @BeforeAll
  void startANode() {
    NodeJs.assumeInstalled();
    network =
        LocalNetwork.create(
            root.resolve("nodes"),
            NetworkOptions.builder()
                .credentials(
                    CredentialSettings.defaults()
                        .withKeyPassphrase("interop key passphrase")
                        .withLoopbackHttp(true))
                .build());
    node = network.start(MemberPlan.named("kosen").withName("Kosen", "Setouchi Kosen"));
  }

  @AfterAll
  void stop() {
    if (network != null) network.close();
  }

  private JsonObject run(String script) throws Exception {
    NodeJs.Run run = NodeJs.run(script, node.url(), network.adminToken());
    JsonObject result = run.result();
    List<String> failed =
        result.getJsonArray("checks").stream()
            .map(JsonObject.class::cast)
            .filter(check -> !check.getBoolean("ok"))
            .map(JsonObject::encode)
            .toList();
    assertThat(failed).as(run.toString()).isEmpty();
    assertThat(run.exitCode()).as(run.toString()).isZero();
    return result;
  }

  private static List<String> checkNames(JsonObject result) {
    return result.getJsonArray("checks").stream()
        .map(check -> ((JsonObject) check).getString("name"))
        .toList();
  }

  @Test
  void aVcApiClientIssuesVerifiesAndRevokesInBothFormats() throws Exception {
    JsonObject result = run("vc-api-client.mjs");

    for (String format : List.of("eddsa-rdfc-2022", "vc+jwt")) {
      assertThat(checkNames(result))
          .contains(
              format + ": issued",
              format + ": verifies (200, verified)",
              format + ": tampered copy refused (400, not verified, signature)",
              format + ": revoked (200)",
              format + ": revoked credential refused (400, status reason)");
    }
  }

  @Test
  void digitalBazaarVerifiesTheNodesDataIntegrityCredential() throws Exception {
    JsonObject result = run("data-integrity-verify.mjs");

    assertThat(checkNames(result))
        .contains("node credential verifies", "tampered copy fails (invalid signature)");
  }

  @Test
  void joseVerifiesTheNodesVcJwtWithTheKeyOfItsDidDocument() throws Exception {
    JsonObject result = run("jose-verify.mjs");

    assertThat(checkNames(result))
        .contains(
            "kid names a JsonWebKey method",
            "signature verifies, by a key of the issuer",
            "tampered copy fails");
  }
}
