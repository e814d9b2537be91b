package network.baton.credential.service;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import network.baton.credential.status.StatusListIndex;
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
