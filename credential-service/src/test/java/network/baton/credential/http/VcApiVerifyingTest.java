package network.baton.credential.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import network.baton.credential.integrity.EddsaRdfc2022;
import network.baton.credential.integrity.ProofOptions;
import network.baton.credential.issue.HolderWallet;
import network.baton.credential.service.ServiceFixture;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The VC API verifier's answers (verifier.yml): {@code /credentials/verify} 200 only for a
 * credential that verifies, 400 with the report for one that does not, 400 problem+json for input
 * that is no credential; {@code /presentations/verify} 200 with the report either way, the caller's
 * own challenge and domain, an optional holder, holder binding as the caller's policy, and a
 * presentation without proof verified for its credentials. Credentials under the VC 1.1 context.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class VcApiVerifyingTest {
  private static final String VERIFIER = "https://employer.example";

  private final ObjectMapper mapper = new ObjectMapper();
  private final EddsaRdfc2022 suite = new EddsaRdfc2022(ServiceFixture.CONTEXTS.documentLoader());
  private final HolderWallet alice = HolderWallet.generate(new SecureRandom());
  @RegisterExtension final VcApiNode node = VcApiNode.open();

  private JsonObject credentialFor(String subject, String format) throws Exception {
    JsonObject credential =
        new JsonObject()
            .put(
                "@context",
                new JsonArray()
                    .add("https://www.w3.org/ns/credentials/v2")
                    .add("https://www.w3.org/ns/credentials/examples/v2"))
            .put("type", new JsonArray().add("VerifiableCredential").add("ExampleDegreeCredential"))
            .put(
                "credentialSubject",
                new JsonObject()
                    .put("id", subject)
                    .put(
                        "degree",
                        new JsonObject()
                            .put("type", "ExampleBachelorDegree")
                            .put("name", "Bachelor of Science and Arts")));
    return node.issued(credential, new JsonObject().put("format", format))
        .getJsonObject("verifiableCredential");
  }

  @Test
  void tamperedDataIntegrityCredentialIsAnswered400WithTheFullReport() throws Exception {
    JsonObject vc = credentialFor(alice.did(), "eddsa-rdfc-2022");
    vc.getJsonObject("credentialSubject").getJsonObject("degree").put("name", "Doctor of Law");

    HttpResponse<Buffer> response = node.verify(vc);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.getHeader("Content-Type")).isEqualTo("application/json");
    JsonObject report = response.bodyAsJsonObject();
    assertThat(report.getBoolean("verified")).isFalse();
    assertThat(VcApiNode.check(report, "signature").getBoolean("passed")).isFalse();
    assertThat(report.getJsonArray("errors")).isNotEmpty();
  }

  @Test
  void tamperedVcJwtIsAnswered400WithTheFullReport() throws Exception {
    JsonObject envelope = credentialFor(alice.did(), "vc+jwt");
    String id = envelope.getString("id");
    String[] parts = id.substring("data:application/vc+jwt,".length()).split("\\.");
    String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
    envelope.put("id", "data:application/vc+jwt," + forged);

    HttpResponse<Buffer> response = node.verify(envelope);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.bodyAsJsonObject().getBoolean("verified")).isFalse();
    assertThat(VcApiNode.check(response.bodyAsJsonObject(), "signature").getBoolean("passed"))
        .isFalse();
  }

  @Test
  void inputThatIsNoCredentialIsAProblem() throws Exception {
    HttpResponse<Buffer> response = node.verify(42);
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.getHeader("Content-Type")).isEqualTo("application/problem+json");
    assertThat(response.bodyAsJsonObject().getString("member")).isEqualTo("verifiableCredential");
  }

  @Test
  void credentialUnderTheVc11ContextHasItsProofVerified() throws Exception {
    JsonNode unsigned =
        mapper.readTree(
            new JsonObject()
                .put(
                    "@context",
                    new JsonArray()
                        .add("https://www.w3.org/2018/credentials/v1")
                        .add("https://w3id.org/security/data-integrity/v2"))
                .put("id", "urn:uuid:6f2d6c3e-bd64-4ac5-a0a5-4bd3e8a1a0c1")
                .put("type", new JsonArray().add("VerifiableCredential"))
                .put("issuer", node.issuerDid())
                .put("issuanceDate", "2010-01-01T00:00:00Z")
                .put("expirationDate", "2099-01-01T00:00:00Z")
                .put(
                    "credentialSubject",
                    new JsonObject().put("id", alice.did()).put("https://schema.org/name", "Alice"))
                .encode());
    String signed =
        suite.sign(
            mapper.writeValueAsString(unsigned),
            ProofOptions.assertion(node.issuerDid() + "#key-1", Instant.now()),
            (Ed25519PrivateKeyParameters) node.keys.current().privateKey());

    HttpResponse<Buffer> response = node.verify(new JsonObject(signed));
    JsonObject report = response.bodyAsJsonObject();

    assertThat(response.statusCode()).as(report.encodePrettily()).isEqualTo(200);
    assertThat(VcApiNode.check(report, "credential").getString("reason"))
        .contains("VC Data Model 1.1");
    assertThat(VcApiNode.check(report, "dates").getString("reason"))
        .contains("2010-01-01T00:00:00Z", "2099-01-01T00:00:00Z");

    JsonObject tampered = new JsonObject(signed).put("expirationDate", "2099-01-02T00:00:00Z");
    assertThat(node.verify(tampered).statusCode()).isEqualTo(400);
  }

  private JsonObject verifyPresentation(Object presentation, JsonObject options) throws Exception {
    JsonObject body = new JsonObject().put("verifiablePresentation", presentation);
    if (options != null) body.put("options", options);
    HttpResponse<Buffer> response = node.post("/presentations/verify", body);
    // verifier.yml: "A 200 status indicates the verification process itself succeeded,
    // regardless of whether the presentation and/or credentials were determined to be valid".
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    return response.bodyAsJsonObject();
  }

  private JsonObject signedPresentation(JsonObject unsigned, String challenge) throws Exception {
    return new JsonObject(
        suite.sign(
            unsigned.encode(),
            ProofOptions.authentication(alice.key().id(), Instant.now(), challenge, VERIFIER),
            (Ed25519PrivateKeyParameters) alice.key().privateKey()));
  }

  private static JsonObject presentationOf(JsonObject... credentials) {
    JsonArray held = new JsonArray();
    for (JsonObject credential : credentials) held.add(credential);
    return new JsonObject()
        .put("@context", new JsonArray().add("https://www.w3.org/ns/credentials/v2"))
        .put("type", new JsonArray().add("VerifiablePresentation"))
        .put("verifiableCredential", held);
  }

  @Test
  void challengeAndDomainTheCallerNamesAreAcceptedOnce() throws Exception {
    JsonObject vc = credentialFor(alice.did(), "eddsa-rdfc-2022");
    String vp =
        alice.presentDataIntegrity(
            List.of(mapper.readTree(vc.encode())),
            "caller-nonce-1",
            VERIFIER,
            Instant.now(),
            suite);
    JsonObject options =
        new JsonObject().put("challenge", "caller-nonce-1").put("domain", VERIFIER);

    JsonObject first = verifyPresentation(new JsonObject(vp), options);
    JsonObject replay = verifyPresentation(new JsonObject(vp), options);
    JsonObject otherDomain =
        verifyPresentation(
            new JsonObject(vp),
            new JsonObject()
                .put("challenge", "caller-nonce-2")
                .put("domain", "https://else.example"));

    assertThat(first.getBoolean("verified")).as(first.encodePrettily()).isTrue();
    assertThat(VcApiNode.check(first, "nonce").getBoolean("passed")).isTrue();
    assertThat(VcApiNode.check(first, "audience").getString("reason")).contains(VERIFIER);
    assertThat(replay.getBoolean("verified")).isFalse();
    assertThat(VcApiNode.check(replay, "nonce").getString("reason")).contains("already used");
    assertThat(otherDomain.getBoolean("verified")).isFalse();
    assertThat(VcApiNode.check(otherDomain, "audience").getBoolean("passed")).isFalse();
  }

  @Test
  void issuedChallengeOptionRefusesAChallengeTheNodeDidNotIssue() throws Exception {
    JsonObject vc = credentialFor(alice.did(), "eddsa-rdfc-2022");
    String vp =
        alice.presentDataIntegrity(
            List.of(mapper.readTree(vc.encode())), "caller-nonce", VERIFIER, Instant.now(), suite);

    JsonObject report =
        verifyPresentation(
            new JsonObject(vp),
            new JsonObject()
                .put("challenge", "caller-nonce")
                .put("domain", VERIFIER)
                .put("issuedChallenge", true));

    assertThat(report.getBoolean("verified")).isFalse();
    assertThat(VcApiNode.check(report, "nonce").getString("reason"))
        .contains("not issued by this verifier");
  }

  @Test
  void holderIsOptionalAndTakenFromTheProofsKey() throws Exception {
    JsonObject vp =
        signedPresentation(
            presentationOf(credentialFor(alice.did(), "eddsa-rdfc-2022")), "holderless");

    JsonObject report =
        verifyPresentation(
            vp,
            new JsonObject()
                .put("challenge", "holderless")
                .put("domain", VERIFIER)
                .put("holderBinding", true));

    assertThat(vp.containsKey("holder")).isFalse();
    assertThat(report.getBoolean("verified")).as(report.encodePrettily()).isTrue();
    assertThat(VcApiNode.check(report, "key").getString("reason")).contains(alice.did());
    assertThat(VcApiNode.check(report, "holder binding").getString("reason")).contains(alice.did());
  }

  @Test
  void holderlessPresentationWhoseKeyIsNoDidUrlIsRefused() throws Exception {
    JsonObject vp =
        signedPresentation(presentationOf(credentialFor(alice.did(), "eddsa-rdfc-2022")), "no-did");
    vp.getJsonObject("proof").put("verificationMethod", "https://keys.example/1");

    JsonObject report =
        verifyPresentation(vp, new JsonObject().put("challenge", "no-did").put("domain", VERIFIER));

    assertThat(report.getBoolean("verified")).isFalse();
    assertThat(VcApiNode.check(report, "presentation").getString("reason"))
        .contains("names no holder");
  }

  @Test
  void holderBindingIsTheCallersPolicy() throws Exception {
    HolderWallet bob = HolderWallet.generate(new SecureRandom());
    JsonObject bobs = credentialFor(bob.did(), "eddsa-rdfc-2022");
    JsonObject options = new JsonObject().put("challenge", "n-1").put("domain", VERIFIER);
    JsonObject vp = signedPresentation(presentationOf(bobs), "n-1");
    JsonObject again = signedPresentation(presentationOf(bobs), "n-2");

    JsonObject unbound = verifyPresentation(vp, options);
    JsonObject bound =
        verifyPresentation(
            again, options.copy().put("challenge", "n-2").put("holderBinding", true));

    assertThat(unbound.getBoolean("verified")).as(unbound.encodePrettily()).isTrue();
    assertThat(VcApiNode.check(unbound, "credentials").getString("reason")).contains("verifies");
    assertThat(bound.getBoolean("verified")).isFalse();
    assertThat(VcApiNode.check(bound, "holder binding").getString("reason"))
        .contains("is about " + bob.did());
  }

  @Test
  void presentationWithoutProofIsVerifiedForItsCredentialsWhenNothingIsAsked() throws Exception {
    JsonObject good = credentialFor(alice.did(), "eddsa-rdfc-2022");
    JsonObject jwt = credentialFor(alice.did(), "vc+jwt");

    JsonObject report = verifyPresentation(presentationOf(good, jwt), null);
    HttpResponse<Buffer> asPresentation =
        node.post(
            "/presentations/verify", new JsonObject().put("presentation", presentationOf(good)));

    assertThat(report.getBoolean("verified")).as(report.encodePrettily()).isTrue();
    assertThat(report.getJsonArray("credentials")).hasSize(2);
    assertThat(VcApiNode.check(report, "proof").getString("reason")).contains("no proof");
    assertThat(asPresentation.bodyAsJsonObject().getBoolean("verified")).isTrue();
  }

  @Test
  void presentationWithoutProofFailsWhenACredentialFailsOrBindingIsAsked() throws Exception {
    JsonObject tampered = credentialFor(alice.did(), "eddsa-rdfc-2022");
    tampered.getJsonObject("credentialSubject").put("id", "did:example:mallory");

    JsonObject bad = verifyPresentation(presentationOf(tampered), null);
    JsonObject bindingAsked =
        verifyPresentation(
            presentationOf(credentialFor(alice.did(), "eddsa-rdfc-2022")),
            new JsonObject().put("holderBinding", true));

    assertThat(bad.getBoolean("verified")).isFalse();
    assertThat(VcApiNode.check(bad, "proof").getBoolean("passed")).isFalse();
    assertThat(bindingAsked.getBoolean("verified")).isFalse();
    assertThat(VcApiNode.check(bindingAsked, "format").getString("reason")).contains("proof");
  }

  @Test
  void walletPresentationsHaveTheShapeAVcApiVerifierReads() throws Exception {
    JsonObject vc = credentialFor(alice.did(), "eddsa-rdfc-2022");
    JsonObject vp =
        new JsonObject(
            alice.presentDataIntegrity(
                List.of(mapper.readTree(vc.encode())), "c-1", VERIFIER, Instant.now(), suite));

    assertThat(vp.getJsonArray("@context").getString(0))
        .isEqualTo("https://www.w3.org/ns/credentials/v2");
    assertThat(vp.getJsonArray("type")).contains("VerifiablePresentation");
    JsonObject proof = vp.getJsonObject("proof");
    assertThat(proof.getString("type")).isEqualTo("DataIntegrityProof");
    assertThat(proof.getString("proofPurpose")).isEqualTo("authentication");
    assertThat(proof.getString("challenge")).isEqualTo("c-1");
    assertThat(proof.getString("domain")).isEqualTo(VERIFIER);
  }
}
