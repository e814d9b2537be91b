package network.baton.node.search;

import static network.baton.node.search.SearchFixture.CC_BY;
import static network.baton.node.search.SearchFixture.R;
import static network.baton.node.search.SearchFixture.iris;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
@TestInstance(Lifecycle.PER_CLASS)
class LocalSearchTest {

  private SearchFixture fixture;

  // Every test here only reads: one store for the class keeps the suite fast.
  @BeforeAll
  void load(@TempDir Path dataDir) {
    fixture = SearchFixture.open(dataDir);
  }

  @AfterAll
  void close() {
    fixture.close();
  }

  @Test
  void japaneseWordFindsCompoundsThatContainIt() {
    SearchResult result = search("q", "電池");

    assertThat(iris(result))
        .contains(R + "battery-safety", R + "liion-basics")
        .doesNotContain(R + "solar-intro", R + "recycling-program");
  }

  @Test
  void textOutsideAResourceGraphIsNotAHit() {
    assertThat(iris(search("q", "記録"))).isEmpty();
  }

  @Test
  void englishQueryMatchesOtherFormsOfTheWord() {
    assertThat(iris(search("q", "coatings"))).containsExactly(R + "electrode-coating");
    assertThat(iris(search("q", "reaction"))).containsExactly(R + "liion-basics");
  }

  @Test
  void kuromojiWordInDescriptionIsFound() {
    assertThat(iris(search("q", "熱暴走"))).containsExactly(R + "battery-safety");
  }

  @Test
  void nameMatchOutranksDescriptionMatch() {
    SearchResult result = search("q", "electrode");

    assertThat(iris(result)).containsExactly(R + "electrode-coating", R + "liion-basics");
    assertThat(result.hits().get(0).score()).isGreaterThan(result.hits().get(1).score());
  }

  @Test
  void hitCarriesNamesSnippetSkillsLevelLicenceAndLanguages() {
    SearchHit hit = search("q", "coating").hits().get(0);

    assertThat(hit.iri()).isEqualTo(R + "electrode-coating");
    assertThat(hit.type()).isEqualTo("LearningResource");
    assertThat(hit.name()).containsEntry("en", "Electrode coating").containsEntry("ja", "電極の塗工");
    assertThat(hit.description().get("en")).startsWith("How slurry is applied");
    assertThat(hit.skills()).containsExactly("https://w3id.org/baton/skill/MFG-COAT-SLOT");
    assertThat(hit.level()).isEqualTo("https://w3id.org/baton/level/kosen");
    assertThat(hit.license()).isEqualTo(CC_BY);
    assertThat(hit.languages()).containsExactly("en");
    assertThat(hit.score()).isPositive();
  }

  @Test
  void skillFilterMatchesNarrowerSkills() {
    assertThat(iris(search("skill", "skill:MFG")))
        .containsExactlyInAnyOrder(R + "electrode-coating", R + "slurry-mixing");
    assertThat(iris(search("skill", "skill:MFG-COAT"))).containsExactly(R + "electrode-coating");
    assertThat(iris(search("skill", "https://w3id.org/baton/skill/ECH")))
        .containsExactlyInAnyOrder(R + "liion-basics", R + "solar-intro");
  }

  @Test
  void skillFilterCombinesWithText() {
    assertThat(iris(search("q", "電池", "skill", "SAF"))).containsExactly(R + "battery-safety");
  }

  @Test
  void levelTypeLanguageAndLicenceFiltersEachNarrowResults() {
    assertThat(iris(search("level", "level:kosen")))
        .containsExactlyInAnyOrder(R + "battery-safety", R + "electrode-coating");
    assertThat(iris(search("type", "LearningResource"))).containsExactly(R + "electrode-coating");
    assertThat(iris(search("type", "EducationalOrganization"))).containsExactly(R + "institution");
    assertThat(iris(search("lang", "en")))
        .containsExactlyInAnyOrder(
            R + "liion-basics", R + "electrode-coating", R + "slurry-mixing");
    assertThat(iris(search("license", "http://creativecommons.org/publicdomain/zero/1.0/")))
        .containsExactly(R + "recycling-program");
    assertThat(iris(search("q", "電池", "lang", "en"))).containsExactly(R + "liion-basics");
  }

  @Test
  void severalValuesOfOneFilterAreAlternatives() {
    assertThat(iris(search("type", "LearningResource,EducationalOccupationalProgram")))
        .containsExactlyInAnyOrder(R + "electrode-coating", R + "recycling-program");
  }

  @Test
  void facetsCountEveryMatchingResourceNotOnlyThePage() {
    SearchResult result = search("limit", "1");

    assertThat(result.total()).isEqualTo(7);
    assertThat(result.hits()).hasSize(1);
    SearchFacets facets = result.facets();
    String skill = "https://w3id.org/baton/skill/";
    assertThat(facets.skillArea())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(skill + "MFG", 2L, skill + "SAF", 1L, skill + "ECH", 2L, skill + "RCY", 1L));
    String level = "https://w3id.org/baton/level/";
    assertThat(facets.level())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                level + "kosen", 2L,
                level + "undergraduate", 2L,
                level + "professional", 1L,
                level + "technical-high-school", 1L));
    assertThat(facets.type())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "Course", 4L,
                "LearningResource", 1L,
                "EducationalOccupationalProgram", 1L,
                "EducationalOrganization", 1L,
                "CollegeOrUniversity", 1L));
    assertThat(facets.language()).containsExactlyInAnyOrderEntriesOf(Map.of("ja", 4L, "en", 3L));
    assertThat(facets.license()).containsEntry(CC_BY, 4L).hasSize(3);
  }

  @Test
  void facetsFollowTheFilters() {
    SearchFacets facets = search("q", "電池").facets();

    assertThat(facets.skillArea())
        .containsOnlyKeys("https://w3id.org/baton/skill/SAF", "https://w3id.org/baton/skill/ECH");
  }

  @Test
  void withoutTextResultsAreListedByName() {
    SearchResult result = search("type", "Course", "lang", "en");

    assertThat(result.hits())
        .extracting(h -> h.name().get("en"))
        .containsExactly("Lithium-ion battery basics", "Slurry mixing practice");
    assertThat(result.hits()).allSatisfy(h -> assertThat(h.score()).isZero());
  }

  @Test
  void lastPageHasNoCursor() {
    SearchResult result = search("q", "電池", "limit", "100");

    assertThat(result.nextCursor()).isNull();
    assertThat(result.total()).isEqualTo(result.hits().size());
  }

  @Test
  void skillOutsideTheFrameworkIsRejected() {
    assertThatThrownBy(() -> search("skill", "skill:NOPE"))
        .isInstanceOf(InvalidSearchQuery.class)
        .hasMessageContaining(
            "skill 'https://w3id.org/baton/skill/NOPE' is not in the skill framework");
  }

  @Test
  void cursorOfAnotherQueryIsRejected() {
    String cursor = search("q", "電池", "limit", "1").nextCursor();
    assertThat(cursor).isNotNull();

    assertThatThrownBy(() -> search("q", "coating", "cursor", cursor))
        .isInstanceOf(InvalidSearchQuery.class)
        .hasMessageContaining("cursor belongs to a different query");
  }

  private SearchResult search(String... pairs) {
    return fixture.search(pairs);
  }
}
