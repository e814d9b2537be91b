package network.baton.node.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchQueryTest {

  @Test
  void noParametersIsTheFirstPageOfEverythingWithTheDefaultSize() {
    SearchQuery query = parse();

    assertThat(query.q()).isEmpty();
    assertThat(query.hasText()).isFalse();
    assertThat(query.limit()).isEqualTo(SearchQuery.DEFAULT_LIMIT);
    assertThat(query.cursor()).isNull();
  }

  @Test
  void shortFormsExpandToFullIris() {
    SearchQuery query =
        parse(
            "skill",
            "skill:MFG-COAT",
            "skill",
            "SAF",
            "level",
            "level:kosen",
            "type",
            "Course",
            "type",
            "https://schema.org/LearningResource",
            "lang",
            "JA");

    assertThat(query.skills())
        .containsExactly(
            "https://w3id.org/baton/skill/MFG-COAT", "https://w3id.org/baton/skill/SAF");
    assertThat(query.levels()).containsExactly("https://w3id.org/baton/level/kosen");
    assertThat(query.types())
        .containsExactly("http://schema.org/Course", "http://schema.org/LearningResource");
    assertThat(query.languages()).containsExactly("ja");
  }

  @Test
  void limitOutsideOneToHundredIsRejected() {
    assertThatThrownBy(() -> parse("limit", "0"))
        .hasMessageContaining("limit must be between 1 and 100, was 0");
    assertThatThrownBy(() -> parse("limit", "1000")).hasMessageContaining("was 1000");
    assertThatThrownBy(() -> parse("limit", "ten"))
        .hasMessageContaining("limit must be a whole number");
    assertThat(parse("limit", "100").limit()).isEqualTo(100);
  }

  @Test
  void malformedCursorIsRejected() {
    String notJson =
        Base64.getUrlEncoder().encodeToString("hello".getBytes(StandardCharsets.UTF_8));
    String wrongFields =
        Base64.getUrlEncoder()
            .encodeToString("{\"o\":\"SIDEWAYS\"}".getBytes(StandardCharsets.UTF_8));

    for (String cursor : List.of("%%%", notJson, wrongFields, "x".repeat(5000))) {
      assertThatThrownBy(() -> parse("cursor", cursor))
          .isInstanceOf(InvalidSearchQuery.class)
          .hasMessageContaining("cursor is");
    }
  }

  @Test
  void cursorRoundTripsThroughItsOpaqueForm() {
    SearchCursor cursor =
        SearchCursor.afterScore(1.2345678901234567, "http://node.test/resources/a", "abc");

    SearchCursor back = SearchCursor.decode(cursor.encode());

    assertThat(back).isEqualTo(cursor);
    assertThat(back.score()).isEqualTo(1.2345678901234567);
    assertThat(cursor.encode()).matches("[A-Za-z0-9_-]+");
  }

  @Test
  void unknownTypeAndBadLanguageAndLicenceAreRejectedTogether() {
    assertThatThrownBy(
            () -> parse("type", "Book", "lang", "日本語", "license", "cc-by", "q", "a", "q", "b"))
        .isInstanceOfSatisfying(
            InvalidSearchQuery.class,
            e ->
                assertThat(e.problems())
                    .hasSize(4)
                    .anySatisfy(p -> assertThat(p).startsWith("type 'Book' is not a resource type"))
                    .anySatisfy(p -> assertThat(p).contains("not a BCP 47 language tag"))
                    .anySatisfy(p -> assertThat(p).contains("not a licence IRI"))
                    .anySatisfy(p -> assertThat(p).isEqualTo("q may be given only once")));
  }

  @Test
  void overlongTextIsRejected() {
    assertThatThrownBy(() -> parse("q", "電".repeat(501)))
        .hasMessageContaining("q is longer than 500");
  }

  @Test
  void queryRoundTripsThroughItsParameters() {
    SearchQuery query =
        parse(
            "q",
            "電池",
            "skill",
            "skill:MFG",
            "license",
            "https://creativecommons.org/licenses/by/4.0/",
            "limit",
            "7");
    SearchQuery next =
        query.after(
            SearchCursor.afterScore(2.5, "http://node.test/resources/a", query.fingerprint()));

    assertThat(SearchQuery.parse(next.toParams())).isEqualTo(next);
  }

  @Test
  void fingerprintIgnoresPagingAndFilterOrder() {
    SearchQuery a = parse("q", "電池", "skill", "MFG", "skill", "SAF", "limit", "5");
    SearchQuery b = parse("q", "電池", "skill", "SAF,MFG", "limit", "50");

    assertThat(a.fingerprint()).isEqualTo(b.fingerprint());
    assertThat(parse("q", "電池 材料").fingerprint()).isNotEqualTo(a.fingerprint());
  }

  private static SearchQuery parse(String... pairs) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      params.computeIfAbsent(pairs[i], k -> new ArrayList<>()).add(pairs[i + 1]);
    }
    return SearchQuery.parse(params);
  }
}
