package network.baton.vocab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class WireNamesTest {

  enum Colour {
    RED,
    GREEN,
    DARK_BLUE
  }

  private static final WireNames<Colour> EXACT =
      WireNames.of(
          "colour", Colour.class, c -> c.name().toLowerCase(Locale.ROOT).replace('_', '-'));

  @Test
  void eachConstantIsReadBackFromTheWordItIsWrittenAs() {
    for (Colour colour : Colour.values()) {
      assertThat(EXACT.parse(EXACT.name(colour))).isEqualTo(colour);
    }
    assertThat(EXACT.name(Colour.DARK_BLUE)).isEqualTo("dark-blue");
  }

  @Test
  void anyOtherWordIsRefusedNamingTheWordsWritten() {
    assertThatThrownBy(() -> EXACT.parse("RED"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("colour must be 'red', 'green' or 'dark-blue', not 'RED'");
    assertThatThrownBy(() -> EXACT.parse(null))
        .hasMessage("colour must be 'red', 'green' or 'dark-blue'");
    assertThat(EXACT.find("purple")).isEmpty();
  }

  @Test
  void aLongRefusedWordIsQuotedShortened() {
    assertThatThrownBy(() -> EXACT.parse("x".repeat(100_000)))
        .hasMessageEndingWith("not '" + "x".repeat(UntrustedText.MAX_LENGTH) + "...'");
  }

  @Test
  void aliasesAndFoldingAreReadButNeverWrittenOrListed() {
    WireNames<Colour> lenient =
        EXACT.alias("crimson", Colour.RED).folding(text -> text.strip().toLowerCase(Locale.ROOT));

    assertThat(lenient.parse(" Crimson ")).isEqualTo(Colour.RED);
    assertThat(lenient.parse("GREEN")).isEqualTo(Colour.GREEN);
    assertThat(lenient.name(Colour.RED)).isEqualTo("red");
    assertThatThrownBy(() -> lenient.parse("Purple"))
        .hasMessage("colour must be 'red', 'green' or 'dark-blue', not 'Purple'");
    assertThat(EXACT.find("crimson")).isEmpty();
  }

  @Test
  void aWordNamesOneConstantOnly() {
    assertThatThrownBy(() -> EXACT.alias("green", Colour.RED))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> WireNames.of("colour", Colour.class, c -> "same"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
