package network.baton.credential.http;

import static network.baton.credential.http.ReportChecks.achievementId;
import static network.baton.credential.http.ReportChecks.check;
import static network.baton.credential.http.RoutesServer.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import network.baton.credential.did.DidResolutionException;
import network.baton.credential.integrity.EddsaRdfc2022;
import network.baton.credential.issue.HolderWallet;
import network.baton.credential.service.CredentialFormat;
import network.baton.credential.service.CredentialOrder;
import network.baton.credential.service.FixtureCourses;
import network.baton.credential.service.ServiceFixture;
import network.baton.credential.status.MutableClock;
import network.baton.credential.verify.VerificationService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Challenges from POST /challenges and presentations (vp+jwt and Data Integrity) over HTTP. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PresentationRoutesTest {
  private static final String EMPLOYER = "https://employer.example";

  @TempDir Path dir;
  private final SecureRandom random = new SecureRandom();
  private final HolderWallet alice = HolderWallet.generate(random);
  private final HolderWallet bob = HolderWallet.generate(random);
  private final MutableClock clock = new MutableClock(Instant.now());
  private final ObjectMapper mapper = new ObjectMapper();
  private final EddsaRdfc2022 suite = new EddsaRdfc2022(ServiceFixture.CONTEXTS.documentLoader());
  private ServiceFixture.Services service;
  private RoutesServer routes;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    service =
        ServiceFixture.open(
            dir,
            ServiceFixture.keys(),
            ServiceFixture.BASE_URL,
            did -> {
              throw new DidResolutionException("tests have no network: " + did);
            },
            url -> {
              throw new java.io.IOException("tests have no network: " + url);
            },
            Set.of(),
            clock);
    routes =
        RoutesServer.start(
            vertx,
            "presentations-test",
            pool ->
                new CredentialRoutes(
                    service.issuance(),
                    service.verification(),
                    pool,
                    RoutingContext::next,
                    BodyHandler.create(false).setBodyLimit(2 * 1024 * 1024),
                    CredentialRoutes.DEFAULT_MAX_BODY_BYTES),
            rc -> {
              int status = rc.failure() instanceof Problem p ? p.status() : 500;
              rc.response().setStatusCode(status).end(String.valueOf(rc.failure()));
            });
  }

  @AfterEach
  void stop() throws Exception {
    routes.close();
    service.close();
  }

  @Test
  void issuedChallengeIsAcceptedOnceAndItsReplayIsRefused() throws Exception {
    JsonObject challenge = challenge(EMPLOYER);
    String vp = alice.present(List.of(jwtFor(alice)), challenge.getString("challenge"), EMPLOYER);

    JsonObject first = verify(vp, challenge.getString("challenge"), null);
    JsonObject replay = verify(vp, challenge.getString("challenge"), null);

    assertThat(first.getBoolean("verified")).as(first.encodePrettily()).isTrue();
    assertThat(check(first, "nonce").getBoolean("passed")).isTrue();
    assertThat(replay.getBoolean("verified")).isFalse();
    assertThat(check(replay, "nonce").getString("reason")).contains("already used", "replay");
  }

  @Test
  void challengeThisNodeDidNotIssueIsRefused() throws Exception {
    String vp = alice.present(List.of(jwtFor(alice)), "my-own-nonce", EMPLOYER);

    JsonObject report = verify(vp, "my-own-nonce", EMPLOYER);

    assertThat(report.getBoolean("verified")).isFalse();
    assertThat(check(report, "nonce").getString("reason")).contains("not issued by this verifier");
  }

  @Test
  void expiredChallengeIsRefused() throws Exception {
    JsonObject challenge = challenge(EMPLOYER);
    assertThat(Instant.parse(challenge.getString("expires")))
        .isEqualTo(clock.instant().plus(VerificationService.CHALLENGE_LIFETIME));
    String vp = alice.present(List.of(jwtFor(alice)), challenge.getString("challenge"), EMPLOYER);

    clock.advance(VerificationService.CHALLENGE_LIFETIME.plusSeconds(1));
    JsonObject report = verify(vp, challenge.getString("challenge"), null);

    assertThat(report.getBoolean("verified")).isFalse();
    assertThat(check(report, "nonce").getString("reason")).contains("expired");
  }

  @Test
  void presentationForAnotherDomainIsRefused() throws Exception {
    JsonObject forEmployer = challenge(EMPLOYER);
    String madeForOther =
        alice.present(
            List.of(jwtFor(alice)), forEmployer.getString("challenge"), "https://other.example");
    JsonObject wrongAudience = verify(madeForOther, forEmployer.getString("challenge"), null);

    JsonObject again = challenge(EMPLOYER);
    String vp = alice.present(List.of(jwtFor(alice)), again.getString("challenge"), EMPLOYER);
    JsonObject otherDomainAsked = verify(vp, again.getString("challenge"), "https://other.example");

    assertThat(wrongAudience.getBoolean("verified")).isFalse();
    assertThat(check(wrongAudience, "audience").getString("reason"))
        .contains("not for " + EMPLOYER);
    assertThat(otherDomainAsked.getBoolean("verified")).isFalse();
    assertThat(check(otherDomainAsked, "nonce").getString("reason"))
        .contains("issued for the domain " + EMPLOYER);
  }

  @Test
  void challengeWithoutDomainIsForTheNodeItself() throws Exception {
    HttpResponse<Buffer> response = await(routes.post("/challenges").send());
    JsonObject challenge = response.bodyAsJsonObject();
    String vp =
        alice.present(
            List.of(jwtFor(alice)),
            challenge.getString("challenge"),
            ServiceFixture.BASE_URL.toString());

    JsonObject report = verify(vp, challenge.getString("challenge"), null);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
    assertThat(challenge.getString("domain")).isEqualTo(ServiceFixture.BASE_URL.toString());
    assertThat(challenge.getString("challenge")).hasSize(43);
    assertThat(report.getBoolean("verified")).as(report.encodePrettily()).isTrue();
  }

  @Test
  void challengesAreFreshEachTime() throws Exception {
    assertThat(challenge(EMPLOYER).getString("challenge"))
        .isNotEqualTo(challenge(EMPLOYER).getString("challenge"));
  }

  @Test
  void badChallengeRequestsAreRefused() throws Exception {
    assertThat(post("/challenges", "{\"domain\": 7}").statusCode()).isEqualTo(400);
    assertThat(post("/challenges", "{\"domain\": \" \"}").statusCode()).isEqualTo(400);
    assertThat(post("/challenges", "[1]").statusCode()).isEqualTo(400);
    assertThat(
            post(
                    "/presentations/verify",
                    new JsonObject()
                        .put("verifiablePresentation", "a.b.c")
                        .put(
                            "options",
                            new JsonObject().put("domain", EMPLOYER).put("issuedChallenge", true))
                        .encode())
                .statusCode())
        .isEqualTo(400);
  }

  @Test
  void dataIntegrityPresentationVerifiesWithHolderBindingAndSkills() throws Exception {
    JsonObject challenge = challenge(EMPLOYER);
    String vp = diPresentation(alice, List.of(diCredentialFor(alice)), challenge, EMPLOYER);

    JsonObject report = verify(new JsonObject(vp), challenge.getString("challenge"), null);

    assertThat(report.getBoolean("verified")).as(report.encodePrettily()).isTrue();
    assertThat(check(report, "signature").getString("reason")).contains("eddsa-rdfc-2022");
    assertThat(check(report, "key").getString("reason")).contains(alice.did());
    assertThat(check(report, "holder binding").getString("reason")).contains(alice.did());
    assertThat(achievementId(report, 0)).isEqualTo(FixtureCourses.COURSE);
  }

  @Test
  void dataIntegrityPresentationMayHoldAVcJwtToo() throws Exception {
    JsonObject challenge = challenge(EMPLOYER);
    String vp =
        diPresentation(
            alice,
            List.of(mapper.getNodeFactory().textNode(jwtFor(alice)), diCredentialFor(alice)),
            challenge,
            EMPLOYER);

    JsonObject report = verify(new JsonObject(vp), challenge.getString("challenge"), null);

    assertThat(report.getBoolean("verified")).as(report.encodePrettily()).isTrue();
    assertThat(report.getJsonArray("credentials")).hasSize(2);
  }

  @Test
  void tamperedDataIntegrityPresentationFailsItsSignature() throws Exception {
    JsonObject challenge = challenge(EMPLOYER);
    JsonObject vp =
        new JsonObject(diPresentation(alice, List.of(diCredentialFor(alice)), challenge, EMPLOYER));
    vp.put("id", "urn:uuid:00000000-0000-0000-0000-000000000000");

    JsonObject report = verify(vp, challenge.getString("challenge"), null);

    assertThat(report.getBoolean("verified")).isFalse();
    assertThat(check(report, "signature").getString("reason")).contains("does not match");
  }

  @Test
  void dataIntegrityPresentationSignedByAnotherKeyThanTheHoldersFails() throws Exception {
    JsonObject challenge = challenge(EMPLOYER);
    JsonObject vp =
        new JsonObject(diPresentation(bob, List.of(diCredentialFor(alice)), challenge, EMPLOYER));
    vp.put("holder", alice.did());

    JsonObject report = verify(vp, challenge.getString("challenge"), null);

    assertThat(report.getBoolean("verified")).isFalse();
    assertThat(check(report, "signature").getString("reason"))
        .contains("does not belong to " + alice.did());
  }

  @Test
  void dataIntegrityPresentationWithAnotherChallengeOrDomainFails() throws Exception {
    JsonObject asked = challenge(EMPLOYER);
    JsonObject other = challenge(EMPLOYER);
    String wrongChallenge = diPresentation(alice, List.of(diCredentialFor(alice)), other, EMPLOYER);
    JsonObject challengeReport =
        verify(new JsonObject(wrongChallenge), asked.getString("challenge"), null);

    JsonObject third = challenge(EMPLOYER);
    String wrongDomain =
        diPresentation(alice, List.of(diCredentialFor(alice)), third, "https://other.example");
    JsonObject domainReport =
        verify(new JsonObject(wrongDomain), third.getString("challenge"), null);

    assertThat(challengeReport.getBoolean("verified")).isFalse();
    assertThat(check(challengeReport, "nonce").getString("reason"))
        .contains("carries the challenge " + other.getString("challenge"));
    assertThat(domainReport.getBoolean("verified")).isFalse();
    assertThat(check(domainReport, "audience").getString("reason")).contains("not for " + EMPLOYER);
  }

  @Test
  void dataIntegrityPresentationOfAnotherHoldersCredentialFailsHolderBinding() throws Exception {
    JsonObject challenge = challenge(EMPLOYER);
    String vp = diPresentation(alice, List.of(diCredentialFor(bob)), challenge, EMPLOYER);

    JsonObject report = verify(new JsonObject(vp), challenge.getString("challenge"), null);

    assertThat(report.getBoolean("verified")).isFalse();
    assertThat(check(report, "holder binding").getString("reason"))
        .contains("is about " + bob.did() + ", not the presenting holder " + alice.did());
  }

  @Test
  void dataIntegrityPresentationWithoutProofIsReportedAsBadFormat() throws Exception {
    JsonObject challenge = challenge(EMPLOYER);
    JsonObject vp =
        new JsonObject(diPresentation(alice, List.of(diCredentialFor(alice)), challenge, EMPLOYER));
    vp.remove("proof");

    JsonObject report = verify(vp, challenge.getString("challenge"), null);

    assertThat(report.getBoolean("verified")).isFalse();
    assertThat(check(report, "format").getString("reason")).contains("eddsa-rdfc-2022 proof");
  }

  private String diPresentation(
      HolderWallet holder, List<JsonNode> credentials, JsonObject challenge, String domain)
      throws Exception {
    return holder.presentDataIntegrity(
        credentials, challenge.getString("challenge"), domain, clock.instant(), suite);
  }

  private String jwtFor(HolderWallet holder) throws Exception {
    return service
        .issuance()
        .issue(
            new CredentialOrder(
                holder.did(), FixtureCourses.COURSE, null, null, CredentialFormat.JWT))
        .jwt();
  }

  private ObjectNode diCredentialFor(HolderWallet holder) throws Exception {
    return service
        .issuance()
        .issue(
            new CredentialOrder(
                holder.did(), FixtureCourses.COURSE, null, null, CredentialFormat.DATA_INTEGRITY))
        .document();
  }

  private JsonObject challenge(String domain) throws Exception {
    HttpResponse<Buffer> response =
        post("/challenges", new JsonObject().put("domain", domain).encode());
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    return response.bodyAsJsonObject();
  }

  // The pages' policy: a challenge this node issued, credentials bound to the holder.
  private JsonObject verify(Object presentation, String challenge, String domain) throws Exception {
    JsonObject options =
        new JsonObject()
            .put("challenge", challenge)
            .put("holderBinding", true)
            .put("issuedChallenge", true);
    if (domain != null) options.put("domain", domain);
    HttpResponse<Buffer> response =
        post(
            "/presentations/verify",
            new JsonObject()
                .put("verifiablePresentation", presentation)
                .put("options", options)
                .encode());
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    return response.bodyAsJsonObject();
  }

  private HttpResponse<Buffer> post(String path, String body) throws Exception {
    return await(
        routes
            .post(path)
            .putHeader("Content-Type", "application/json")
            .sendBuffer(Buffer.buffer(body)));
  }
}
