package network.baton.node.openid4vci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The offers file: what a restart finds, what it never holds, and how many offers stay open. */
class OfferStoreTest {

  private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

  @TempDir Path folder;

  private static StoredOffer offer(String id) {
    return new StoredOffer(
        id,
        Hashes.sha256("code-" + id),
        Hashes.sha256("code-" + id + "\n123456"),
        "http://node.test/resources/kosen-mc4-ec",
        "Electrochemistry",
        List.of(CredentialConfigurations.JWT_VC_JSON),
        NOW,
        NOW.plus(Duration.ofMinutes(10)),
        0,
        null);
  }

  @Test
  void aRedeemedOfferIsStillRedeemedAfterARestartAndTheFileHoldsNoCode() throws IOException {
    OfferStore store = OfferStore.open(folder, 10);
    store.add(offer("a"), NOW);
    store.update("a", o -> o.redeemedAt(NOW.plusSeconds(5)));

    OfferStore reopened = OfferStore.open(folder, 10);

    assertThat(reopened.byCodeHash(Hashes.sha256("code-a")).orElseThrow().redeemed())
        .isEqualTo(NOW.plusSeconds(5));
    String file = Files.readString(folder.resolve("offers.json"));
    assertThat(file).doesNotContain("code-a").doesNotContain("123456");
    try (var files = Files.list(folder)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("offers.json");
    }
  }

  @Test
  void noMoreThanTheLimitAreOpenAndOldOnesAreForgotten() throws IOException {
    OfferStore store = OfferStore.open(folder, 2);
    store.add(offer("a"), NOW);
    store.add(offer("b"), NOW);

    assertThatThrownBy(() -> store.add(offer("c"), NOW))
        .isInstanceOf(OfferStore.TooManyOffers.class);
    Instant later = NOW.plus(Duration.ofDays(2));
    store.add(offer("d"), later);
    assertThat(store.size()).isEqualTo(1);
  }

  @Test
  void aDamagedFileStopsTheStoreFromOpeningRatherThanLosingOffers() throws IOException {
    Files.writeString(folder.resolve("offers.json"), "{\"offers\": [{\"id\": 1}");

    assertThatThrownBy(() -> OfferStore.open(folder, 10))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("damaged");
  }
}
