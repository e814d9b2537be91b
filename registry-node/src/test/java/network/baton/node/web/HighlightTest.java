package network.baton.node.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import network.baton.node.web.Highlight.Run;
import org.junit.jupiter.api.Test;

class HighlightTest {

  @Test
  void marksEveryTermWhateverItsCase() {
    Highlight h = Highlight.of("Electrode coating and electrode drying", "ELECTRODE drying");
    assertThat(h.runs())
        .containsExactly(
            new Run("Electrode", true),
            new Run(" coating and ", false),
            new Run("electrode", true),
            new Run(" ", false),
            new Run("drying", true));
  }

  @Test
  void marksJapaneseInsideCompoundWords() {
    Highlight h = Highlight.of("リチウムイオン蓄電池の安全", "電池");
    assertThat(h.runs())
        .containsExactly(new Run("リチウムイオン蓄", false), new Run("電池", true), new Run("の安全", false));
  }

  @Test
  void withoutTermsTheTextIsOnePlainRun() {
    assertThat(Highlight.of("Safety", "  ").runs()).containsExactly(new Run("Safety", false));
    assertThat(Highlight.of("Safety", null).hasMark()).isFalse();
    assertThat(Highlight.of("", "x").runs()).isEmpty();
  }

  @Test
  void singleLatinLettersAreNotMarked() {
    assertThat(Highlight.of("a battery", "a").hasMark()).isFalse();
  }

  @Test
  void markupInTheTextStaysTextForTheTemplateToEscape() {
    Highlight h = Highlight.of("<b>cell</b> design", "cell");
    assertThat(h.text()).isEqualTo("<b>cell</b> design");
    assertThat(h.runs()).contains(new Run("cell", true));
    assertThat(h.runs().stream().map(Run::text).toList())
        .isEqualTo(List.of("<b>", "cell", "</b> design"));
  }
}
