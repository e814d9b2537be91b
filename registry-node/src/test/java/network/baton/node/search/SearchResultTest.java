package network.baton.node.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchResultTest {

  private static final SearchHit HIT =
      new SearchHit(
          "http://node.test/resources/kosen-ec101",
          "Course",
          Map.of("ja", "電気化学基礎", "en", "Fundamentals of Electrochemistry"),
          Map.of("en", "Cell potential."),
          List.of("https://w3id.org/baton/skill/ECH-THERMO"),
          "https://w3id.org/baton/level/kosen",
          "https://creativecommons.org/licenses/by/4.0/",
          List.of("en", "ja"),
          3.25,
          null);

  @Test
  void resultSurvivesTheJsonRoundTrip() {
    SearchResult result =
        new SearchResult(
            List.of(HIT, HIT.withMember("did:web:kosen.test")),
            42,
            new SearchFacets(
                Map.of("https://w3id.org/baton/skill/ECH", 2L),
                Map.of(),
                Map.of("Course", 2L),
                Map.of("en", 2L),
                Map.of()),
            "abc");

    assertThat(SearchResult.fromJson(new JsonObject(result.toJson().encode()))).isEqualTo(result);
  }

  @Test
  void jsonUsesTheDocumentedNames() {
    JsonObject json = new SearchResult(List.of(HIT), 1, SearchFacets.empty(), null).toJson();

    assertThat(json.fieldNames()).containsExactlyInAnyOrder("hits", "total", "facets");
    JsonObject hit = json.getJsonArray("hits").getJsonObject(0);
    assertThat(hit.fieldNames())
        .containsExactlyInAnyOrder(
            "iri",
            "type",
            "name",
            "description",
            "skills",
            "level",
            "license",
            "languages",
            "score");
    assertThat(hit.getJsonObject("name").getString("ja")).isEqualTo("電気化学基礎");
    assertThat(json.getJsonObject("facets").fieldNames())
        .containsExactlyInAnyOrder("skillArea", "level", "type", "language", "license");
  }

  @Test
  void longDescriptionIsCutToASnippet() {
    String snippet = SearchHit.snippet("電".repeat(500));

    assertThat(snippet.codePointCount(0, snippet.length())).isEqualTo(SearchHit.SNIPPET_LENGTH);
    assertThat(snippet).endsWith("…");
    assertThat(SearchHit.snippet("  short\n text ")).isEqualTo("short text");
  }

  @Test
  void totalBelowThePageSizeIsRefused() {
    assertThatThrownBy(() -> new SearchResult(List.of(HIT, HIT), 1, SearchFacets.empty(), null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
