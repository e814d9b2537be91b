package network.baton.credential.service;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import network.baton.credential.status.StatusListIndex;
import network.baton.credential.status.StatusPurpose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IssuedCredentialsTest {
  @TempDir Path dir;

  private static IssuedRecord record(String id, int index) {
    return new IssuedRecord(
        id,
        new StatusListIndex(0, index),
        "did:key:z6MkholderExample",
        FixtureCourses.COURSE,
        Instant.parse("2026-04-01T09:00:00Z"),
        CredentialState.ACTIVE);
  }

  @Test
  void recordsAndStatesSurviveReopening() throws IOException {
    try (IssuedCredentials store = IssuedCredentials.open(dir)) {
      store.add(record("urn:uuid:1", 0));
      store.add(record("urn:uuid:2", 1));
      store.setState("urn:uuid:1", CredentialState.SUSPENDED);
      store.setState("urn:uuid:1", CredentialState.REVOKED);
    }
    try (IssuedCredentials reopened = IssuedCredentials.open(dir)) {
      assertThat(reopened.all())
          .extracting(IssuedRecord::credentialId)
          .containsExactly("urn:uuid:1", "urn:uuid:2");
      assertThat(reopened.find("urn:uuid:1").orElseThrow().state())
          .isEqualTo(CredentialState.REVOKED);
      assertThat(reopened.find("urn:uuid:2").orElseThrow()).isEqualTo(record("urn:uuid:2", 1));
    }
  }

  @Test
  void theStatusPurposesOfARecordSurviveReopening() throws IOException {
    IssuedRecord revocationOnly =
        new IssuedRecord(
            "urn:uuid:3",
            new StatusListIndex(0, 2),
            "did:key:z6MkholderExample",
            FixtureCourses.COURSE,
            Instant.parse("2026-04-01T09:00:00Z"),
            CredentialState.ACTIVE,
            EnumSet.of(StatusPurpose.REVOCATION));
    try (IssuedCredentials store = IssuedCredentials.open(dir)) {
      store.add(record("urn:uuid:1", 0));
      store.add(revocationOnly);
    }
    try (IssuedCredentials reopened = IssuedCredentials.open(dir)) {
      assertThat(reopened.find("urn:uuid:1").orElseThrow().purposes())
          .containsExactlyInAnyOrder(StatusPurpose.REVOCATION, StatusPurpose.SUSPENSION);
      assertThat(reopened.find("urn:uuid:3").orElseThrow()).isEqualTo(revocationOnly);
    }
  }

  @Test
  void concurrentWritersEachReturnWithTheirLineInTheJournal() throws Exception {
    int writers = 8;
    int each = 25;
    try (IssuedCredentials store = IssuedCredentials.open(dir)) {
      ExecutorService pool = Executors.newFixedThreadPool(writers);
      try {
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
          int writer = w;
          done.add(
              pool.submit(
                  () -> {
                    for (int i = 0; i < each; i++) {
                      int n = writer * each + i;
                      store.add(record("urn:uuid:" + n, n));
                      // Once add returns, the line is in the journal file, whoever forced it.
                      assertThat(Files.readString(dir.resolve(IssuedCredentials.JOURNAL)))
                          .contains("\"urn:uuid:" + n + "\"");
                    }
                    return null;
                  }));
        }
        for (Future<?> f : done) f.get(60, TimeUnit.SECONDS);
      } finally {
        pool.shutdownNow();
      }
    }
    try (IssuedCredentials reopened = IssuedCredentials.open(dir)) {
      assertThat(reopened.all()).hasSize(writers * each);
    }
  }

  @Test
  void journalHoldsNoPersonalDataBeyondHolderDid() throws IOException {
    try (IssuedCredentials store = IssuedCredentials.open(dir)) {
      store.add(record("urn:uuid:1", 0));
    }
    String journal = Files.readString(dir.resolve(IssuedCredentials.JOURNAL));
    assertThat(journal)
        .contains("urn:uuid:1", "did:key:z6MkholderExample", FixtureCourses.COURSE)
        .doesNotContain("name", "email");
  }

  @Test
  void lastLineCutShortByCrashIsDroppedAndJournalStaysUsable() throws IOException {
    try (IssuedCredentials store = IssuedCredentials.open(dir)) {
      store.add(record("urn:uuid:1", 0));
    }
    Files.writeString(
        dir.resolve(IssuedCredentials.JOURNAL),
        "{\"event\":\"issued\",\"id\":\"urn:uu",
        UTF_8,
        StandardOpenOption.APPEND);
    try (IssuedCredentials store = IssuedCredentials.open(dir)) {
      assertThat(store.all()).hasSize(1);
      store.add(record("urn:uuid:2", 1));
    }
    try (IssuedCredentials store = IssuedCredentials.open(dir)) {
      assertThat(store.all())
          .extracting(IssuedRecord::credentialId)
          .containsExactly("urn:uuid:1", "urn:uuid:2");
    }
  }

  @Test
  void brokenLineInTheMiddleStopsTheStartInsteadOfGuessing() throws IOException {
    Files.writeString(
        dir.resolve(IssuedCredentials.JOURNAL),
        "not json\n{\"event\":\"state\",\"id\":\"urn:uuid:1\",\"state\":\"revoked\"}\n");
    assertThatThrownBy(() -> IssuedCredentials.open(dir))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("line 1");
  }

  @Test
  void sameCredentialIdCannotBeRecordedTwice() throws IOException {
    try (IssuedCredentials store = IssuedCredentials.open(dir)) {
      store.add(record("urn:uuid:1", 0));
      assertThatThrownBy(() -> store.add(record("urn:uuid:1", 5)))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
