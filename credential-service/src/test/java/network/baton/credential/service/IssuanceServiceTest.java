package network.baton.credential.service;

import static network.baton.credential.service.ServiceFixture.HOLDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import com.nimbusds.jose.JWSObject;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import network.baton.credential.keys.NodeKeys;
import network.baton.credential.status.StatusList;
import network.baton.credential.status.StatusListCredential;
import network.baton.credential.status.StatusListSource;
import network.baton.credential.status.StatusPurpose;
import network.baton.credential.verify.CredentialVerifier;
import network.baton.credential.verify.VerificationReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IssuanceServiceTest {

  @TempDir Path dir;
  private final NodeKeys keys = ServiceFixture.keys();
  private final ObjectMapper json = new ObjectMapper();

  private static CredentialOrder order(CredentialFormat format) {
    return new CredentialOrder(HOLDER, FixtureCourses.COURSE, null, null, format);
  }

  private static CredentialOrder suspendable(CredentialFormat format) {
    return order(format).withStatus(EnumSet.allOf(StatusPurpose.class));
  }

  // One entry is an object, two an array; both share the index.
  private static int index(SecuredCredential credential) {
    JsonNode status = credential.document().path("credentialStatus");
    return (status.isArray() ? status.path(0) : status).path("statusListIndex").asInt(-1);
  }

  @Test
  void restartedServiceNeverReusesAnIndexAndKeepsStatuses() throws Exception {
    Set<Integer> indexes = new HashSet<>();
    String revoked;
    try (ServiceFixture.Services service = ServiceFixture.open(dir, keys)) {
      SecuredCredential first = service.issuance().issue(order(CredentialFormat.JWT));
      SecuredCredential second =
          service.issuance().issue(suspendable(CredentialFormat.DATA_INTEGRITY));
      indexes.add(index(first));
      indexes.add(index(second));
      revoked = first.id();
      service.issuance().setStatus(revoked, StatusAction.REVOKE);
      service.issuance().setStatus(second.id(), StatusAction.SUSPEND);
    }
    try (ServiceFixture.Services restarted = ServiceFixture.open(dir, keys)) {
      SecuredCredential third = restarted.issuance().issue(order(CredentialFormat.JWT));
      assertThat(indexes).doesNotContain(index(third)).hasSize(2);
      assertThat(restarted.issuance().issued(revoked).orElseThrow().state())
          .isEqualTo(CredentialState.REVOKED);
      assertThat(
              restarted.issuance().issued().stream()
                  .filter(r -> r.state() == CredentialState.SUSPENDED))
          .hasSize(1);
    }
  }

  @Test
  void concurrentIssuesGetDistinctIndexesAndAreAllRecorded() throws Exception {
    try (ServiceFixture.Services service = ServiceFixture.open(dir, keys)) {
      java.util.concurrent.ExecutorService pool =
          java.util.concurrent.Executors.newFixedThreadPool(4);
      try {
        List<java.util.concurrent.Future<SecuredCredential>> futures = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
          futures.add(pool.submit(() -> service.issuance().issue(order(CredentialFormat.JWT))));
        }
        Set<Integer> indexes = new HashSet<>();
        for (var future : futures) indexes.add(index(future.get()));
        assertThat(indexes).hasSize(24);
      } finally {
        pool.shutdownNow();
      }
    }
    try (ServiceFixture.Services restarted = ServiceFixture.open(dir, keys)) {
      assertThat(restarted.issuance().issued()).hasSize(24);
    }
  }

  @Test
  void validityPeriodOfTheOrderIsKept() throws Exception {
    Instant from = Instant.parse("2026-04-01T00:00:00Z");
    Instant until = Instant.parse("2031-03-31T00:00:00Z");
    try (ServiceFixture.Services service = ServiceFixture.open(dir, keys)) {
      SecuredCredential credential =
          service
              .issuance()
              .issue(
                  new CredentialOrder(
                      HOLDER, FixtureCourses.COURSE, from, until, CredentialFormat.JWT));
      assertThat(credential.document().path("validFrom").asText())
          .isEqualTo("2026-04-01T00:00:00Z");
      assertThat(credential.document().path("validUntil").asText())
          .isEqualTo("2031-03-31T00:00:00Z");
      assertThat(credential.document().path("issuer").path("id").asText())
          .isEqualTo("did:web:kosen.example");
    }
  }

  @Test
  void revocationIsFinal() throws Exception {
    try (ServiceFixture.Services service = ServiceFixture.open(dir, keys)) {
      SecuredCredential credential = service.issuance().issue(order(CredentialFormat.JWT));
      assertThat(service.issuance().setStatus(credential.id(), StatusAction.REVOKE).changed())
          .isTrue();
      assertThat(service.issuance().setStatus(credential.id(), StatusAction.REVOKE).changed())
          .isFalse();
      assertThatThrownBy(
              () -> service.issuance().setStatus(credential.id(), StatusAction.UNSUSPEND))
          .isInstanceOf(CredentialServiceException.class)
          .hasMessageContaining("revocation is final");
      VerificationReport report =
          service.verification().verifyCredential(new TextNode(credential.jwt()));
      assertThat(report.check(CredentialVerifier.STATUS).orElseThrow().passed()).isFalse();
    }
  }

  @Test
  void aCredentialWithoutASuspensionEntryCannotBeSuspended() throws Exception {
    try (ServiceFixture.Services service = ServiceFixture.open(dir, keys)) {
      SecuredCredential credential =
          service
              .issuance()
              .issue(order(CredentialFormat.JWT).withStatus(EnumSet.of(StatusPurpose.REVOCATION)));

      assertThatThrownBy(() -> service.issuance().setStatus(credential.id(), StatusAction.SUSPEND))
          .isInstanceOf(CredentialServiceException.class)
          .hasMessageContaining("no suspension status entry");
      assertThat(service.issuance().issued(credential.id()).orElseThrow().state())
          .isEqualTo(CredentialState.ACTIVE);
      assertThat(service.issuance().setStatus(credential.id(), StatusAction.REVOKE).changed())
          .isTrue();
    }
  }

  @Test
  void statusBitsLostInACrashAreRepairedFromTheJournal() throws Exception {
    SecuredCredential credential;
    try (ServiceFixture.Services service = ServiceFixture.open(dir, keys)) {
      credential = service.issuance().issue(order(CredentialFormat.JWT));
      service.issuance().setStatus(credential.id(), StatusAction.REVOKE);
    }
    try (Stream<Path> bits = Files.list(dir.resolve("credentials/status"))) {
      for (Path file : bits.toList()) Files.delete(file);
    }
    try (ServiceFixture.Services restarted = ServiceFixture.open(dir, keys)) {
      StatusList list = list(restarted.issuance().statusList("0-revocation"));
      assertThat(list.get(index(credential))).isTrue();
      assertThat(restarted.verification().verifyCredential(new TextNode(credential.jwt())).ok())
          .isFalse();
    }
  }

  @Test
  void ownStatusListsAreReadFromTheStoreAsTheyChange() throws Exception {
    try (ServiceFixture.Services service = ServiceFixture.open(dir, keys)) {
      SecuredCredential credential = service.issuance().issue(suspendable(CredentialFormat.JWT));
      URI revocation = URI.create(ServiceFixture.BASE_URL + "/status/0-revocation");
      URI suspension = URI.create(ServiceFixture.BASE_URL + "/status/0-suspension");
      StatusListSource own = service.issuance().ownStatusLists();

      service.issuance().setStatus(credential.id(), StatusAction.SUSPEND);
      StatusListCredential suspended = own.list(suspension);
      service.issuance().setStatus(credential.id(), StatusAction.UNSUSPEND);

      assertThat(suspended.list().get(index(credential))).isTrue();
      assertThat(suspended.issuer()).isEqualTo("did:web:kosen.example");
      assertThat(own.list(suspension).list().get(index(credential))).isFalse();
      assertThat(own.list(revocation).list().get(index(credential))).isFalse();
      assertThat(service.verification().verifyCredential(new TextNode(credential.jwt())).ok())
          .isTrue();
      assertThatThrownBy(
              () -> own.list(URI.create(ServiceFixture.BASE_URL + "/status/1-revocation")))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("no status list 1-revocation");
      assertThatThrownBy(() -> own.list(URI.create("https://univ.example/status/0-revocation")))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("not a status list of this node");
    }
  }

  @Test
  void unknownListsAreNotServed() throws Exception {
    try (ServiceFixture.Services service = ServiceFixture.open(dir, keys)) {
      assertThatThrownBy(() -> service.issuance().statusList("0-revocation"))
          .isInstanceOf(CredentialServiceException.class);
      service.issuance().issue(order(CredentialFormat.JWT));
      assertThat(service.issuance().statusList("0-revocation")).isNotBlank();
      for (String name : new String[] {"1-revocation", "0-other", "../0-revocation", ""}) {
        assertThatThrownBy(() -> service.issuance().statusList(name))
            .isInstanceOf(CredentialServiceException.class);
      }
    }
  }

  private StatusList list(String jwt) throws Exception {
    JsonNode payload = json.readTree(JWSObject.parse(jwt).getPayload().toString());
    return StatusListCredential.fromJson(payload, StatusList.DEFAULT_MAX_SIZE).list();
  }

  @Test
  void dataIntegrityNeedsAnEd25519Key() throws IOException {
    NodeKeys p256 =
        new NodeKeys(
            java.util.List.of(
                network.baton.credential.keys.SigningKey.generate(
                    network.baton.credential.keys.KeyAlgorithm.P256,
                    "key-1",
                    new java.security.SecureRandom())));
    try (ServiceFixture.Services service = ServiceFixture.open(dir, p256)) {
      assertThatThrownBy(() -> service.issuance().issue(order(CredentialFormat.DATA_INTEGRITY)))
          .isInstanceOf(CredentialServiceException.class)
          .hasMessageContaining("Ed25519");
      assertThat(
              service
                  .verification()
                  .verifyCredential(
                      new TextNode(service.issuance().issue(order(CredentialFormat.JWT)).jwt()))
                  .ok())
          .isTrue();
    }
  }
}
