package network.baton.credential.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class StatusListStoreTest {

  @TempDir Path dir;

  @Test
  void revocationsAndSuspensionsSurviveARestartSeparately() throws IOException {
    StatusListStore store = StatusListStore.open(dir, StatusList.MIN_SIZE);
    assertThat(store.update(0, StatusPurpose.REVOCATION, 23, true)).isTrue();
    assertThat(store.update(0, StatusPurpose.SUSPENSION, 24, true)).isTrue();
    assertThat(store.update(1, StatusPurpose.REVOCATION, 5, true)).isTrue();

    StatusListStore reopened = StatusListStore.open(dir, StatusList.MIN_SIZE);

    assertThat(reopened.snapshot(0, StatusPurpose.REVOCATION).get(23)).isTrue();
    assertThat(reopened.snapshot(0, StatusPurpose.REVOCATION).get(24)).isFalse();
    assertThat(reopened.snapshot(0, StatusPurpose.SUSPENSION).get(24)).isTrue();
    assertThat(reopened.snapshot(1, StatusPurpose.REVOCATION).get(5)).isTrue();
    assertThat(reopened.snapshot(2, StatusPurpose.REVOCATION).get(5)).isFalse();
  }

  @Test
  void liftingASuspensionClearsTheBitAndRepeatsAreNoChange() throws IOException {
    StatusListStore store = StatusListStore.open(dir, StatusList.MIN_SIZE);
    store.update(0, StatusPurpose.SUSPENSION, 7, true);

    assertThat(store.update(0, StatusPurpose.SUSPENSION, 7, true)).isFalse();
    assertThat(store.update(0, StatusPurpose.SUSPENSION, 7, false)).isTrue();
    assertThat(
            StatusListStore.open(dir, StatusList.MIN_SIZE)
                .snapshot(0, StatusPurpose.SUSPENSION)
                .get(7))
        .isFalse();
  }

  @Test
  void snapshotsDoNotChangeTheStore() throws IOException {
    StatusListStore store = StatusListStore.open(dir, StatusList.MIN_SIZE);
    store.snapshot(0, StatusPurpose.REVOCATION).set(9);

    assertThat(store.snapshot(0, StatusPurpose.REVOCATION).get(9)).isFalse();
  }

  @Test
  void fileOfTheWrongSizeIsRefused() throws IOException {
    Files.write(dir.resolve("list-0-revocation.bits"), new byte[100]);

    assertThatThrownBy(
            () ->
                StatusListStore.open(dir, StatusList.MIN_SIZE)
                    .snapshot(0, StatusPurpose.REVOCATION))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("expected 131072");
  }
}
