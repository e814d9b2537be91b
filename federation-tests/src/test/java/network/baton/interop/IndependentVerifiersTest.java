package network.baton.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import network.baton.node.config.CredentialSettings;
import network.baton.node.launch.LocalCa;
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
 * real node on https with a certificate of a local CA (the node reaches loopback over https only,
 * no {@code allowLoopbackHttp}); the scripts trust that CA through {@code NODE_EXTRA_CA_CERTS}. A
 * VC API client that knows nothing of BATON, Digital Bazaar's {@code vc.verifyCredential} with the
 * eddsa-rdfc-2022 cryptosuite and {@code vc-bitstring-status-list}, and panva's {@code jose}, each
 * resolving the issuer's did:web over https with {@code web-did-resolver}. Each script prints its
 * checks; every check must pass.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class IndependentVerifiersTest {

  @TempDir static Path root;

  private LocalNetwork network;
  private LocalMember node;

  @BeforeAll
  void startANodeOnHttps() {
    NodeJs.assumeInstalled();
    network =
        LocalNetwork.create(
            root.resolve("nodes"),
            NetworkOptions.builder()
                .https()
                .credentials(
                    CredentialSettings.defaults().withKeyPassphrase("interop key passphrase"))
                .build());
    node = network.start(MemberPlan.named("kosen").withName("Kosen", "Setouchi Kosen"));
  }

  @AfterAll
  void stop() {
    if (network != null) network.close();
  }

  private NodeJs.Run runTrusting(Path ca, String script) throws Exception {
    return NodeJs.run(
        script,
        Map.of("NODE_EXTRA_CA_CERTS", ca.toString()),
        node.baseUrl().toString(),
        network.adminToken());
  }

  private JsonObject run(String script) throws Exception {
    NodeJs.Run run = runTrusting(network.caCertificate(), script);
    assertThat(run.failedChecks()).as(run.toString()).isEmpty();
    assertThat(run.exitCode()).as(run.toString()).isZero();
    return run.result();
  }

  private static List<String> checkNames(JsonObject result) {
    return NodeJs.checkNames(result);
  }

  @Test
  void theNodeIsOnHttpsAndItsDidWebNamesItsHost() {
    assertThat(node.baseUrl().toString()).isEqualTo("https://localhost:" + node.port());
    assertThat(node.did()).isEqualTo("did:web:localhost%3A" + node.port());
    assertThat(node.config().credentials().allowLoopbackHttp()).isFalse();
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
  void digitalBazaarVerifiesTheDataIntegrityCredentialAndSeesItsRevocationBit() throws Exception {
    JsonObject result = run("data-integrity-verify.mjs");

    assertThat(checkNames(result))
        .contains(
            "issuer is the did:web of the node",
            "node credential verifies",
            "status list credential verified, bit 0 (not revoked)",
            "tampered copy fails (invalid signature)",
            "revoked (200)",
            "after revocation: signature verifies, bit 1 (revoked)");
  }

  @Test
  void joseVerifiesTheVcJwtAndItsStatusListWithTheKeyOfTheDidDocument() throws Exception {
    JsonObject result = run("jose-verify.mjs");

    assertThat(checkNames(result))
        .contains(
            "kid names a JsonWebKey method",
            "signature verifies, by a key of the issuer",
            "tampered copy fails",
            "status list vc+jwt verified, bit 0 (not revoked)",
            "status list is at least 16 KB uncompressed",
            "revoked (200)",
            "after revocation: status list vc+jwt verified, bit 1 (revoked)");
  }

  @Test
  void aClientTrustingAnotherCaIsRefusedTheHandshake() throws Exception {
    Path otherCa = LocalCa.in(root.resolve("another-ca")).certificateFile();

    for (String script : List.of("vc-api-client.mjs", "jose-verify.mjs")) {
      NodeJs.Run run = runTrusting(otherCa, script);

      assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
      assertThat(run.result().getBoolean("ok")).isFalse();
      assertThat(run.out()).as(run.toString()).contains("UNABLE_TO_VERIFY_LEAF_SIGNATURE");
    }
  }
}
