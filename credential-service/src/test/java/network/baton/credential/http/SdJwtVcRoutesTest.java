package network.baton.credential.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import network.baton.credential.issue.HolderWallet;
import network.baton.credential.sdjwt.SdJwt;
import network.baton.credential.sdjwt.SdJwtPresenter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * SD-JWT VC through the VC API routes: issued with {@code options.format: dc+sd-jwt} for a did:key
 * holder, verified as a string credential (200 / 400) and as a presentation with a KB-JWT (200 with
 * the report either way), the report naming the claims disclosed.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SdJwtVcRoutesTest {
  private static final String COURSE = "https://kosen.example/resources/kosen-ec101";
  private static final String VERIFIER = "https://employer.example";

  @RegisterExtension final VcApiNode node = VcApiNode.open();
  private final HolderWallet alice = HolderWallet.generate(new SecureRandom());

  private String issue() throws Exception {
    JsonObject body =
        node.issued(
            new JsonObject()
                .put(
                    "credentialSubject",
                    new JsonObject()
                        .put("id", alice.did())
                        .put("achievement", new JsonObject().put("id", COURSE))),
            new JsonObject().put("format", "dc+sd-jwt"));
    assertThat(body.getString("format")).isEqualTo("dc+sd-jwt");
    assertThat(body.getString("credentialId")).startsWith("urn:uuid:");
    return body.getString("verifiableCredential");
  }

  @Test
  void issuedSdJwtVcVerifiesWith200AndListsTheDisclosedClaims() throws Exception {
    HttpResponse<Buffer> response = node.verify(issue());

    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    JsonObject report = response.bodyAsJsonObject();
    assertThat(report.getBoolean("verified")).isTrue();
    assertThat(report.getJsonArray("disclosed"))
        .isEqualTo(new JsonArray().add("skills[0]").add("skills[1]"));
    assertThat(report.getJsonObject("achievement").getJsonArray("skills")).hasSize(2);
  }

  @Test
  void alteredSdJwtVcIsAnswered400WithTheReport() throws Exception {
    SdJwt issued = SdJwt.parse(issue());
    String altered =
        issued
            .withDisclosures(List.of(issued.disclosures().get(0), issued.disclosures().get(0)))
            .toString();
    HttpResponse<Buffer> response = node.verify(altered);

    assertThat(response.statusCode()).isEqualTo(400);
    JsonObject report = response.bodyAsJsonObject();
    assertThat(report.getBoolean("verified")).isFalse();
    assertThat(VcApiNode.check(report, "disclosures").getBoolean("passed")).isFalse();
  }

  @Test
  void presentationOfOneSkillIsVerifiedAgainstChallengeAndDomain() throws Exception {
    SdJwt chosen = SdJwtPresenter.choose(SdJwt.parse(issue()), List.of("ECH-THERMO"));
    String vp =
        SdJwtPresenter.present(chosen, alice.key(), "c-1", VERIFIER, Instant.now()).toString();
    HttpResponse<Buffer> response =
        node.post(
            "/presentations/verify",
            new JsonObject()
                .put("verifiablePresentation", vp)
                .put("options", new JsonObject().put("challenge", "c-1").put("domain", VERIFIER)));

    assertThat(response.statusCode()).isEqualTo(200);
    JsonObject report = response.bodyAsJsonObject();
    assertThat(report.getBoolean("verified")).as(report.encodePrettily()).isTrue();
    assertThat(report.getJsonArray("disclosed")).isEqualTo(new JsonArray().add("skills[0]"));
    assertThat(
            report
                .getJsonObject("achievement")
                .getJsonArray("skills")
                .getJsonObject(0)
                .getString("code"))
        .isEqualTo("ECH-THERMO");
  }

  @Test
  void statusListTokenAndTypeMetadataAreServed() throws Exception {
    assertThat(node.fetch("/statuslists/token/0").statusCode()).isEqualTo(404);
    issue();
    HttpResponse<Buffer> token = node.fetch("/statuslists/token/0");
    assertThat(token.statusCode()).isEqualTo(200);
    assertThat(token.getHeader("Content-Type")).isEqualTo("application/statuslist+jwt");
    assertThat(token.bodyAsString().split("\\.")).hasSize(3);

    HttpResponse<Buffer> type = node.fetch("/vct/skill-credential");
    assertThat(type.statusCode()).isEqualTo(200);
    JsonObject metadata = type.bodyAsJsonObject();
    assertThat(metadata.getString("vct")).isEqualTo("https://kosen.example/vct/skill-credential");
    assertThat(
            metadata.getJsonArray("display").stream()
                .map(d -> ((JsonObject) d).getString("locale")))
        .containsExactly("ja", "en");
  }

  @Test
  void presentationWithoutKeyBindingIsNotVerified() throws Exception {
    HttpResponse<Buffer> response =
        node.post(
            "/presentations/verify",
            new JsonObject()
                .put("verifiablePresentation", issue())
                .put("options", new JsonObject().put("challenge", "c-2").put("domain", VERIFIER)));

    assertThat(response.statusCode()).isEqualTo(200);
    JsonObject report = response.bodyAsJsonObject();
    assertThat(report.getBoolean("verified")).isFalse();
    assertThat(VcApiNode.check(report, "key binding").getString("reason"))
        .contains("no key binding JWT");
  }
}
