package network.baton.vocab;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UntrustedTextTest {

  @Test
  void longTextIsCutTo160CharactersAndMarked() {
    String shown = UntrustedText.shorten("x".repeat(1_000_000), "");

    assertThat(shown).hasSize(UntrustedText.MAX_LENGTH + 3).startsWith("xxx").endsWith("...");
  }

  @Test
  void onlyTheFirstLineIsShownAndTheCutIsMarked() {
    assertThat(UntrustedText.shorten("revocation\nINFO forged log line", ""))
        .isEqualTo("revocation...");
  }

  @Test
  void controlAndFormatCharactersAreReplaced() {
    assertThat(UntrustedText.shorten("a\u0007b\u202ec\uFFFDd", "")).isEqualTo("a?b?c?d");
  }

  @Test
  void shortTextIsShownAsItIs() {
    assertThat(UntrustedText.shorten("  did:web:kosen.example  ", ""))
        .isEqualTo("did:web:kosen.example");
    assertThat(UntrustedText.quoted("suspended")).isEqualTo("'suspended'");
  }

  @Test
  void blankOrMissingTextIsTheGivenWords() {
    assertThat(UntrustedText.shorten(null, "no detail")).isEqualTo("no detail");
    assertThat(UntrustedText.shorten(" \n ", "no detail")).isEqualTo("no detail");
    assertThat(UntrustedText.quoted(null)).isEqualTo("''");
  }

  @Test
  void aCutNeverSplitsACharacter() {
    String shown = UntrustedText.shorten("x".repeat(159) + "\uD83D\uDE00".repeat(10), "");

    assertThat(shown).isEqualTo("x".repeat(159) + "...");
  }
}
