package network.baton.federation;

import static network.baton.federation.SignedNetwork.answering;
import static network.baton.federation.SignedNetwork.check;
import static network.baton.federation.SignedNetwork.statuses;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import network.baton.credential.issue.HolderWallet;
import network.baton.credential.keys.KeyAlgorithm;
import network.baton.credential.keys.SigningKey;
import network.baton.node.federation.membership.SignedMembershipList;
import network.baton.node.launch.LocalMember;
import network.baton.vocab.SampleContent.Institution;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The coordinator changes the membership and tells one node only: four real nodes pull the newer
 * list from each other (every 300 ms here; 60 s by default) and change whom they search and whose
 * credentials they trust. The tests run in order, each on the state the one before left.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MembershipChangesSpreadTest {

  private static final Duration SPREAD = Duration.ofSeconds(15);

  @TempDir static Path root;

  private final HolderWallet graduate = HolderWallet.generate(new SecureRandom());
  private SignedNetwork network;
  private LocalMember kosen;
  private LocalMember university;
  private LocalMember highSchool;
  private LocalMember newcomer;
  private SignedMembershipList v2;
  private SignedMembershipList v3;
  private JsonObject issuedBeforeRemoval;

  @BeforeAll
  void startFourNodes() {
    network = new SignedNetwork(root, Duration.ofMillis(300));
    kosen = network.start("kosen", Institution.KOSEN);
    university = network.start("university", Institution.UNIVERSITY);
    highSchool = network.start("highschool", Institution.HIGH_SCHOOL);
    // The newcomer publishes the university's sample under its own base URL.
    newcomer = network.start("newcomer", Institution.UNIVERSITY);
  }

  @AfterAll
  void stopNodes() {
    if (network != null) network.close();
  }

  @Test
  @Order(1)
  void firstListAloneMakesTheThreeMembersSearchEachOtherAndNotTheNewcomer() {
    SignedMembershipList v1 = network.sign(1, kosen, university, highSchool);
    // Each node is handed the current list when it joins; the newcomer, not yet a member, too.
    for (LocalMember node : List.of(kosen, university, highSchool, newcomer)) {
      assertThat(network.offer(node, v1.jws()).statusCode()).isEqualTo(200);
    }

    JsonObject result = network.federatedSearch(university, "battery");

    assertThat(statuses(result))
        .containsOnlyKeys(kosen.did(), university.did(), highSchool.did())
        .containsValues("ok");
    assertThat(answering(result))
        .containsExactlyInAnyOrder(kosen.did(), university.did(), highSchool.did());
  }

  @Test
  @Order(2)
  void aFourthMemberOfferedToOneNodeReachesEveryNodeAndItsContentIsSearchedEverywhere()
      throws Exception {
    v2 = network.sign(2, kosen, university, highSchool, newcomer);

    assertThat(network.offer(kosen, v2.jws()).statusCode()).isEqualTo(200);
    network.awaitEverywhere(v2, SPREAD);

    for (LocalMember from : List.of(kosen, university, highSchool, newcomer)) {
      JsonObject result = network.federatedSearch(from, "thermal runaway");
      assertThat(statuses(result)).as(from.name()).containsEntry(newcomer.did(), "ok").hasSize(4);
      assertThat(result.getJsonArray("hits").stream().map(h -> ((JsonObject) h).getString("iri")))
          .as("hits on %s", from.name())
          .anySatisfy(iri -> assertThat(iri).startsWith(newcomer.url() + "/resources/"));
    }
  }

  @Test
  @Order(3)
  void aRemovedMemberIsNoLongerSearchedAndNoCredentialOfItIsTrustedAnyMore() throws Exception {
    issuedBeforeRemoval =
        network
            .issue(highSchool, graduate.did(), "hs-ele102", "vc+jwt")
            .getJsonObject("verifiableCredential");
    JsonObject beforeReport = network.verifyCredential(university, issuedBeforeRemoval);
    assertThat(beforeReport.getBoolean("verified")).as(beforeReport.encodePrettily()).isTrue();

    v3 = network.sign(3, kosen, university, newcomer);
    assertThat(network.offer(newcomer, v3.jws()).statusCode()).isEqualTo(200);
    // The removed node learns of the list too: it still pulls from the members it knew.
    network.awaitEverywhere(v3, SPREAD);

    for (LocalMember from : List.of(kosen, university, newcomer)) {
      JsonObject result = network.federatedSearch(from, "safety");
      assertThat(statuses(result)).as(from.name()).doesNotContainKey(highSchool.did()).hasSize(3);
      assertThat(answering(result)).doesNotContain(highSchool.did());
      assertThat(result.getBoolean("partial")).isFalse();
    }
    JsonObject issuedAfterRemoval =
        network
            .issue(highSchool, graduate.did(), "hs-ele102", "vc+jwt")
            .getJsonObject("verifiableCredential");
    for (JsonObject credential : List.of(issuedAfterRemoval, issuedBeforeRemoval)) {
      JsonObject report = network.verifyCredential(university, credential);
      assertThat(report.getBoolean("verified")).isFalse();
      assertThat(check(report, "issuer trusted").getBoolean("passed")).isFalse();
      assertThat(check(report, "issuer trusted").getString("reason")).contains(highSchool.did());
      assertThat(check(report, "signature").getBoolean("passed"))
          .as("only the trust changed: the signature still checks")
          .isTrue();
      assertThat(check(report, "status").getBoolean("passed")).isTrue();
    }
  }

  @Test
  @Order(4)
  void anOlderListOfferedAfterTheNewerOneIsRefusedAndTheNodeKeepsTheNewer() {
    HttpResponse<String> older = network.offer(kosen, v2.jws());
    SigningKey forger = SigningKey.generate(KeyAlgorithm.ED25519, "forger", new SecureRandom());
    HttpResponse<String> forged =
        network.offer(
            kosen,
            SignedMembershipList.sign(SignedNetwork.list(9, kosen, highSchool), forger).jws());

    assertThat(older.statusCode()).isEqualTo(409);
    assertThat(older.body()).contains("version 2 is not newer than the current version 3");
    assertThat(forged.statusCode()).isEqualTo(422);
    assertThat(forged.body()).contains("unknown key");
    assertThat(network.listOf(kosen)).isEqualTo(v3.jws());
    assertThat(statuses(network.federatedSearch(kosen, "electrochemistry")))
        .doesNotContainKey(highSchool.did());
  }
}
