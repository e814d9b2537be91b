package network.baton.vocab;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UntrustedTextTest {

  @Test
  void longTextIsCutTo160CharactersAndMarked() {
    assertThat(UntrustedText.oneLine("x".repeat(1_000_000)))
        .hasSize(UntrustedText.MAX_LENGTH + 3)
        .startsWith("xxx")
        .endsWith("...");
    assertThat(UntrustedText.firstLine("x".repeat(1_000_000), ""))
        .hasSize(UntrustedText.MAX_LENGTH + 3);
  }

  @Test
  void aMessageShowsItsFirstLineAValueItsLineBreaksReplaced() {
    String sent = "revocation\r\nINFO forged log line";

    assertThat(UntrustedText.firstLine(sent, "")).isEqualTo("revocation");
    assertThat(UntrustedText.quoted(sent)).isEqualTo("'revocation??INFO forged log line'");
  }

  @Test
  void controlAndFormatCharactersAreReplaced() {
    assertThat(UntrustedText.oneLine("a\u0007b\u202ec\uFFFDd")).isEqualTo("a?b?c?d");
  }

  @Test
  void shortTextIsShownAsItIs() {
    assertThat(UntrustedText.firstLine("  did:web:kosen.example  ", ""))
        .isEqualTo("did:web:kosen.example");
    assertThat(UntrustedText.quoted("suspended")).isEqualTo("'suspended'");
  }

  @Test
  void blankOrMissingTextIsTheGivenWords() {
    assertThat(UntrustedText.firstLine(null, "no detail")).isEqualTo("no detail");
    assertThat(UntrustedText.firstLine(" \n ", "no detail")).isEqualTo("no detail");
    assertThat(UntrustedText.quoted(null)).isEqualTo("'null'");
  }

  @Test
  void aCutNeverSplitsACharacter() {
    assertThat(UntrustedText.oneLine("x".repeat(159) + "\uD83D\uDE00".repeat(10)))
        .isEqualTo("x".repeat(159) + "...");
  }
}
