package network.baton.vocab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JsonLimitsTest {

  private final JsonLimits limits = new JsonLimits(4, 20, 3, 5);

  @Test
  void aDocumentWithinEveryLimitPasses() {
    assertThatCode(() -> limits.check("{\"a\": [1, 2, {\"b\": [true]}], \"c\": null}"))
        .doesNotThrowAnyException();
    assertThatCode(
            () ->
                JsonLimits.defaults()
                    .check(SampleContent.create().text(SampleContent.Institution.KOSEN)))
        .doesNotThrowAnyException();
  }

  @Test
  void nestingDeeperThanTheLimitIsRefusedWhereItGoesTooDeep() {
    InputLimitException e = over("{\"a\": [[\n  [[1]]]]}");

    assertThat(e.limit()).isEqualTo(InputLimitException.Limit.NESTING);
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.column()).isEqualTo(4);
    assertThat(e)
        .hasMessage(
            "line 2, column 4: the input is nested deeper than 4 levels, past the limit maxNestingDepth");
  }

  @Test
  void tooManyValuesMembersOrElementsAreRefused() {
    assertThat(over("[[1,2,3,4],[1,2,3,4],[1,2,3,4],[1,2,3,4],[1,2,3,4]]").limit())
        .isEqualTo(InputLimitException.Limit.VALUES);
    assertThat(over("{\"a\":1,\"b\":2,\"c\":3,\"d\":4}").limit())
        .isEqualTo(InputLimitException.Limit.KEYS);
    assertThat(over("{\"a\": [1, 2, 3, 4, 5, 6]}").limit())
        .isEqualTo(InputLimitException.Limit.ARRAY_LENGTH);
  }

  @Test
  void membersOfNestedObjectsCountForTheirOwnObject() {
    assertThatCode(
            () -> limits.check("{\"a\":{\"x\":1,\"y\":2,\"z\":3},\"b\":{\"x\":1,\"y\":2,\"z\":3}}"))
        .doesNotThrowAnyException();
    assertThatCode(() -> limits.check("[[1,2,3,4,5],[1,2,3,4,5]]")).doesNotThrowAnyException();
  }

  @Test
  void aHugeFlatArrayIsRefusedWithoutParsingItAll() {
    String huge = "[" + "1,".repeat(2_000_000) + "1]";

    assertThatThrownBy(() -> JsonLimits.defaults().check(huge))
        .isInstanceOf(InputLimitException.class)
        .hasMessageContaining("maxJsonArrayLength");
  }

  @Test
  void malformedJsonIsLeftToTheParserThatFollows() {
    assertThatCode(() -> limits.check("{\"a\": [1, 2")).doesNotThrowAnyException();
    assertThatCode(() -> limits.check("not json")).doesNotThrowAnyException();
  }

  @Test
  void depthBeyondJacksonsOwnDefaultIsCheckedAgainstTheConfiguredLimit() {
    String deep = "[".repeat(3_000) + "]".repeat(3_000);

    assertThatCode(() -> JsonLimits.depthOnly(5_000).check(deep)).doesNotThrowAnyException();
    assertThat(over(deep).limit()).isEqualTo(InputLimitException.Limit.NESTING);
  }

  private InputLimitException over(String json) {
    try {
      limits.check(json);
    } catch (InputLimitException e) {
      return e;
    }
    throw new AssertionError("not refused: " + json);
  }
}
