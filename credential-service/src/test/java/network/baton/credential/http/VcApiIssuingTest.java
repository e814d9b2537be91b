package network.baton.credential.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import network.baton.credential.service.FixtureCourses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code POST /credentials/issue} with a caller's own VC 2.0 credential, as the VC API issuer
 * OpenAPI shapes it ({@code {credential, options}} -> 201 {@code {verifiableCredential}}), and the
 * VC Data Model 2.0 MUSTs on the input, one test each, each refusal a 400 listing the reasons.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class VcApiIssuingTest {
  @RegisterExtension final VcApiNode node = VcApiNode.open();

  // Example 2 of the VC Data Model 2.0 (its issuer left out: the node is the issuer).
  private static JsonObject exampleDegree() throws Exception {
    return new JsonObject(
        Files.readString(
            Path.of(
                VcApiIssuingTest.class.getResource("/fixtures/vc-api/example-degree.json").toURI()),
            StandardCharsets.UTF_8));
  }

  private static JsonObject options(String format) {
    return new JsonObject().put("format", format);
  }

  @ParameterizedTest
  @ValueSource(strings = {"vc+jwt", "eddsa-rdfc-2022"})
  void callersOwnCredentialIsIssuedAndVerifies(String format) throws Exception {
    JsonObject issued = node.issued(exampleDegree(), options(format));

    JsonObject vc = issued.getJsonObject("verifiableCredential");
    if (format.equals("vc+jwt")) {
      assertThat(vc.getString("type")).isEqualTo("EnvelopedVerifiableCredential");
      assertThat(vc.getValue("@context")).isInstanceOf(JsonArray.class);
    } else {
      assertThat(vc.getString("issuer")).isEqualTo(node.issuerDid());
      assertThat(vc.getJsonArray("type")).contains("ExampleDegreeCredential");
      assertThat(vc.getJsonObject("proof").getString("cryptosuite")).isEqualTo("eddsa-rdfc-2022");
      assertThat(vc.containsKey("credentialStatus")).isFalse();
    }
    HttpResponse<Buffer> verified = node.verify(vc);
    assertThat(verified.statusCode()).as(verified.bodyAsString()).isEqualTo(200);
    assertThat(verified.bodyAsJsonObject().getBoolean("verified")).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"vc+jwt", "eddsa-rdfc-2022"})
  void statusEntryAskedForIsAddedAndRevocationShows(String format) throws Exception {
    JsonObject credential = exampleDegree();
    credential.remove("id");
    JsonObject issued =
        node.issued(
            credential,
            options(format)
                .put(
                    "credentialStatus",
                    new JsonObject()
                        .put("type", "BitstringStatusListEntry")
                        .put("statusPurpose", "revocation")));
    String id = issued.getString("credentialId");
    assertThat(id).startsWith("urn:uuid:");
    JsonObject vc = issued.getJsonObject("verifiableCredential");
    assertThat(node.verify(vc).statusCode()).isEqualTo(200);

    HttpResponse<Buffer> revoked =
        node.post(
            "/credentials/status",
            new JsonObject()
                .put("credentialId", id)
                .put("credentialStatus", new JsonObject().put("status", "revoked")));
    assertThat(revoked.statusCode()).as(revoked.bodyAsString()).isEqualTo(200);

    HttpResponse<Buffer> after = node.verify(vc);
    assertThat(after.statusCode()).isEqualTo(400);
    assertThat(VcApiNode.check(after.bodyAsJsonObject(), "status").getString("reason"))
        .contains("revoked");
  }

  @Test
  void statusTemplateInTheCredentialIsFilledIn() throws Exception {
    JsonObject credential =
        exampleDegree()
            .put(
                "credentialStatus",
                new JsonObject()
                    .put("type", "BitstringStatusListEntry")
                    .put("statusPurpose", "suspension"));
    JsonObject vc =
        node.issued(credential, options("eddsa-rdfc-2022")).getJsonObject("verifiableCredential");

    JsonObject status = vc.getJsonObject("credentialStatus");
    assertThat(status.getString("statusPurpose")).isEqualTo("suspension");
    assertThat(status.getString("statusListCredential")).endsWith("-suspension");
    assertThat(node.service.issuance().issued("http://university.example/credentials/3732"))
        .isPresent();
  }

  private JsonObject refused(Consumer<JsonObject> change) throws Exception {
    JsonObject credential = exampleDegree();
    change.accept(credential);
    HttpResponse<Buffer> response = node.issue(credential, options("vc+jwt"));
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(400);
    assertThat(response.getHeader("Content-Type")).isEqualTo("application/problem+json");
    assertThat(node.service.issuance().issued()).isEmpty();
    return response.bodyAsJsonObject();
  }

  private static String reasons(JsonObject problem) {
    return problem.getJsonArray("reasons").encode();
  }

  @Test
  void credentialWithoutContextIsRefused() throws Exception {
    assertThat(reasons(refused(vc -> vc.remove("@context")))).contains("@context is missing");
  }

  @Test
  void contextNotStartingWithV2IsRefused() throws Exception {
    JsonObject problem =
        refused(
            vc ->
                vc.put(
                    "@context",
                    new JsonArray()
                        .add("https://www.w3.org/ns/credentials/examples/v2")
                        .add("https://www.w3.org/ns/credentials/v2")));
    assertThat(reasons(problem)).contains("first item is https://www.w3.org/ns/credentials/v2");
  }

  @Test
  void credentialWithoutTypeOrWithoutVerifiableCredentialIsRefused() throws Exception {
    assertThat(reasons(refused(vc -> vc.remove("type")))).contains("type is missing");
    assertThat(reasons(refused(vc -> vc.put("type", "ExampleDegreeCredential"))))
        .contains("type must include VerifiableCredential");
  }

  @Test
  void idThatIsNotAUrlIsRefused() throws Exception {
    assertThat(reasons(refused(vc -> vc.put("id", "credential 3732"))))
        .contains("id must be a URL");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "credentialStatus",
        "evidence",
        "credentialSchema",
        "termsOfUse",
        "refreshService"
      })
  void typelessEntryIsRefused(String member) throws Exception {
    JsonObject problem =
        refused(vc -> vc.put(member, new JsonObject().put("id", "https://example.org/" + member)));
    assertThat(reasons(problem)).contains(member + " has an entry without a type");
  }

  @ParameterizedTest
  @ValueSource(strings = {"2010-01-01", "2010-01-01T00:00:00", "yesterday", "2010-02-30T00:00:00Z"})
  void validFromThatIsNotADateTimeStampIsRefused(String date) throws Exception {
    assertThat(reasons(refused(vc -> vc.put("validFrom", date))))
        .contains("validFrom must be an XML Schema dateTimeStamp");
    assertThat(reasons(refused(vc -> vc.put("validUntil", date))))
        .contains("validUntil must be an XML Schema dateTimeStamp");
  }

  @Test
  void validUntilBeforeValidFromIsRefused() throws Exception {
    assertThat(reasons(refused(vc -> vc.put("validUntil", "2009-12-31T23:59:59Z"))))
        .contains("validUntil 2009-12-31T23:59:59Z is before validFrom");
  }

  @Test
  void everyReasonIsListed() throws Exception {
    JsonObject problem =
        refused(
            vc -> {
              vc.remove("@context");
              vc.remove("type");
              vc.put("id", "not a url");
            });
    assertThat(problem.getJsonArray("reasons")).hasSize(3);
    assertThat(problem.getString("detail")).contains("@context", "type", "id");
  }

  @Test
  void anotherIssuerIsRefused() throws Exception {
    JsonObject problem =
        refused(vc -> vc.put("issuer", "https://university.example/issuers/565049"));
    assertThat(problem.getString("detail")).contains("does not match this node's issuer");
  }

  @Test
  void optionalMembersAreKept() throws Exception {
    JsonObject credential =
        exampleDegree()
            .put("validUntil", "2030-01-01T00:00:00Z")
            .put("name", "Example degree")
            .put("description", "A degree, as the data model's example has it")
            .put(
                "credentialSchema",
                new JsonObject()
                    .put("id", "https://example.org/examples/degree.json")
                    .put("type", "JsonSchema"))
            .put(
                "evidence",
                new JsonArray()
                    .add(
                        new JsonObject()
                            .put("id", "https://university.example/evidence/f2aeec97")
                            .put("type", new JsonArray().add("Evidence"))))
            .put("termsOfUse", new JsonObject().put("type", "TrustFrameworkPolicy"))
            .put(
                "refreshService",
                new JsonObject()
                    .put("type", "VerifiableCredentialRefreshService2021")
                    .put("url", "https://university.example/refresh"));
    JsonObject vc =
        node.issued(credential, options("eddsa-rdfc-2022")).getJsonObject("verifiableCredential");

    for (String member :
        new String[] {
          "validUntil",
          "name",
          "description",
          "credentialSchema",
          "evidence",
          "termsOfUse",
          "refreshService"
        }) {
      assertThat(vc.getValue(member)).as(member).isEqualTo(credential.getValue(member));
    }
  }

  @Test
  void achievementCredentialMustAttestACourseOfThisNode() throws Exception {
    JsonObject badge =
        new JsonObject()
            .put(
                "@context",
                new JsonArray()
                    .add("https://www.w3.org/ns/credentials/v2")
                    .add("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"))
            .put("type", new JsonArray().add("VerifiableCredential").add("AchievementCredential"))
            .put("name", "Cell manufacturing")
            .put(
                "credentialSubject",
                new JsonObject()
                    .put("id", "did:example:ebfeb1f712ebc6f1c276e12ec21")
                    .put("type", new JsonArray().add("AchievementSubject"))
                    .put(
                        "achievement",
                        new JsonObject()
                            .put("id", "https://elsewhere.example/courses/7")
                            .put("type", new JsonArray().add("Achievement"))
                            .put("name", "Not ours")
                            .put("criteria", new JsonObject().put("narrative", "none"))));

    HttpResponse<Buffer> refused = node.issue(badge, options("vc+jwt"));
    assertThat(refused.statusCode()).as(refused.bodyAsString()).isEqualTo(422);
    assertThat(refused.bodyAsJsonObject().getString("detail"))
        .contains("https://elsewhere.example/courses/7");

    badge
        .getJsonObject("credentialSubject")
        .getJsonObject("achievement")
        .put("id", FixtureCourses.COURSE);
    assertThat(node.issue(badge, options("vc+jwt")).statusCode()).isEqualTo(201);
  }
}
