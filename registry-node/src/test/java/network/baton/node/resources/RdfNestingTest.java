package network.baton.node.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import network.baton.vocab.InputLimitException;
import org.junit.jupiter.api.Test;

class RdfNestingTest {

  @Test
  void collectionsPropertyListsTripleTermsAndGraphsEachCountALevel() {
    assertDepth("<a> <p> ( ( ( 1 ) ) ) .", 3);
    assertDepth("<a> <p> [ <q> [ <r> [ <s> 1 ] ] ] .", 3);
    assertDepth("<a> <p> << <b> <q> << <c> <r> <d> >> >> .", 2);
    assertDepth("<g> { <a> <p> ( 1 ) }", 2);
  }

  @Test
  void bracketsInIrisStringsCommentsAndEscapesAreNotNesting() {
    String text =
        """
        @prefix ex: <http://example.org/(((> .
        # ((((( [[[[[
        ex:a ex:b "(((( [[[[", '[[[[', \"""((((
        [[[[\""", '''((((''' , ex:c\\(\\(\\( .
        ex:a ex:b ( 1 ) .
        """;

    assertThatCode(() -> RdfNesting.check(text, 1)).doesNotThrowAnyException();
  }

  @Test
  void fiveThousandLevelsAreRefusedAtTheFirstLevelOverTheLimitWithItsLineAndColumn() {
    String deep =
        "@prefix s: <http://schema.org/> .\n<x> s:p " + "( ".repeat(5_000) + ")".repeat(5_000);

    InputLimitException e =
        catchThrowableOfType(() -> RdfNesting.check(deep, 64), InputLimitException.class);

    assertThat(e.limit()).isEqualTo(InputLimitException.Limit.NESTING);
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.column()).isEqualTo(9 + 2 * 64);
    assertThat(e).hasMessageStartingWith("line 2, column 137: the input is nested deeper than 64");
  }

  @Test
  void closingBracketsBringTheDepthBack() {
    String wide = "<a> <p> ( 1 ) , ( 2 ) , [ <q> 1 ] , [ <q> ( 3 ) ] .\n".repeat(1_000);

    assertThatCode(() -> RdfNesting.check(wide, 2)).doesNotThrowAnyException();
  }

  // Passes with a limit of depth, refused with one less.
  private static void assertDepth(String text, int depth) {
    assertThatCode(() -> RdfNesting.check(text, depth)).as(text).doesNotThrowAnyException();
    assertThat(
            catchThrowableOfType(
                () -> RdfNesting.check(text, depth - 1), InputLimitException.class))
        .as(text)
        .isNotNull();
  }
}
