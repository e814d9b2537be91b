package network.baton.vocab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class SkillFrameworkTest {

  private static SkillFramework framework;

  @BeforeAll
  static void loadOnce() {
    framework = SkillFramework.load();
  }

  private static Skill skill(String notation) {
    return framework.byNotation(notation).orElseThrow();
  }

  private static List<String> notations(java.util.Collection<Skill> skills) {
    return skills.stream().map(Skill::notation).toList();
  }

  @Test
  void bundledFrameworkHasNoIntegrityProblems() {
    assertThat(framework.integrityProblems()).isEmpty();
  }

  @Test
  void frameworkHasAtLeastEightyConceptsTwoToThreeLevelsDeep() {
    assertThat(framework.all()).hasSizeGreaterThanOrEqualTo(80);
    int deepest =
        framework.all().stream().mapToInt(s -> framework.ancestors(s).size()).max().orElse(0);
    assertThat(deepest).isEqualTo(2);
    for (Skill area : framework.topConcepts()) {
      assertThat(framework.descendants(area))
          .as("concepts under %s", area.notation())
          .hasSizeGreaterThanOrEqualTo(8);
    }
  }

  @Test
  void eightSkillAreasOfTheDataModelAreTheTopConceptsWithTheirLabels() {
    Map<String, String[]> areas =
        Map.of(
            "MFG", new String[] {"Battery manufacturing process", "電池製造プロセス"},
            "SAF", new String[] {"Safety management", "安全管理"},
            "RCY", new String[] {"Recycling and circular economy", "リサイクル・資源循環"},
            "DES", new String[] {"Battery design and evaluation", "電池設計・評価"},
            "MAT", new String[] {"Battery materials", "電池材料"},
            "ECH", new String[] {"Electrochemistry", "電気化学"},
            "CTL", new String[] {"Battery control and AI", "電池制御・AI"},
            "QDM", new String[] {"Quality and digital manufacturing", "品質管理・デジタルものづくり"});
    assertThat(notations(framework.topConcepts()))
        .containsExactlyInAnyOrderElementsOf(areas.keySet());
    areas.forEach(
        (notation, labels) -> {
          Skill area = skill(notation);
          assertThat(area.iri()).isEqualTo("https://w3id.org/baton/skill/" + notation);
          assertThat(area.label("en")).isEqualTo(labels[0]);
          assertThat(area.label("ja")).isEqualTo(labels[1]);
          assertThat(area.isTopConcept()).isTrue();
        });
  }

  @Test
  void skillsNamedInTheDataModelExist() {
    for (String notation : List.of("MFG-COAT", "MFG-COAT-SLOT", "ECH-THERMO", "ECH-KIN")) {
      assertThat(framework.contains(Skills.NS + notation)).as(notation).isTrue();
    }
  }

  @Test
  void everyConceptHasJapaneseAndEnglishLabelsAndAnEnglishDefinition() {
    for (Skill skill : framework.all()) {
      assertThat(skill.labels()).as(skill.notation()).containsKeys("ja", "en");
      assertThat(skill.definitions()).as(skill.notation()).containsKey("en");
      assertThat(skill.label("ja")).as(skill.notation()).isNotEqualTo(skill.label("en"));
    }
  }

  @Test
  void lookupByIriAndByNotationFindTheSameSkill() {
    Skill byIri = framework.byIri("https://w3id.org/baton/skill/MFG-COAT").orElseThrow();
    assertThat(framework.byNotation("MFG-COAT")).contains(byIri);
    assertThat(byIri.label("ja")).isEqualTo("塗工");
    assertThat(byIri.broader()).contains("https://w3id.org/baton/skill/MFG");
  }

  @Test
  void unknownOrMalformedKeysFindNothing() {
    assertThat(framework.byIri("https://w3id.org/baton/skill/MFG-TELEPORT")).isEmpty();
    assertThat(framework.byIri("skill:MFG")).isEmpty();
    assertThat(framework.byIri("https://w3id.org/baton/skill/")).isEmpty();
    assertThat(framework.byIri("https://w3id.org/baton/level/kosen")).isEmpty();
    assertThat(framework.byNotation("mfg-coat")).isEmpty();
    assertThat(framework.contains("http://schema.org/Course")).isFalse();
  }

  @Test
  void referencesResolveFromIriCurieOrNotation() {
    Skill coat = skill("MFG-COAT");
    assertThat(framework.resolve("https://w3id.org/baton/skill/MFG-COAT")).contains(coat);
    assertThat(framework.resolve("skill:MFG-COAT")).contains(coat);
    assertThat(framework.resolve(" MFG-COAT ")).contains(coat);
    assertThat(framework.resolve("level:kosen")).isEmpty();
    assertThat(framework.resolve("")).isEmpty();
    assertThat(framework.resolve(null)).isEmpty();
  }

  @Test
  void ancestorsRunFromTheNearestToTheSkillArea() {
    assertThat(notations(framework.ancestors(skill("MFG-COAT-SLOT"))))
        .containsExactly("MFG-COAT", "MFG");
    assertThat(notations(framework.ancestors(skill("CTL-SOC-KF"))))
        .containsExactly("CTL-SOC", "CTL");
    assertThat(framework.ancestors(skill("SAF"))).isEmpty();
  }

  @Test
  void descendantsIncludeEveryLevelBelowAndNothingElse() {
    assertThat(notations(framework.descendants(skill("MFG-COAT"))))
        .containsExactly("MFG-COAT-SLOT");
    assertThat(notations(framework.descendants(skill("MFG"))))
        .contains("MFG-COAT", "MFG-COAT-SLOT", "MFG-ASM", "MFG-ASM-WIND", "MFG-FORM-DEGAS")
        .doesNotContain("MFG")
        .allMatch(n -> n.startsWith("MFG-"));
    assertThat(framework.descendants(skill("ECH-MEAS-GITT"))).isEmpty();
    assertThat(framework.selfAndDescendantIris(skill("CTL-SOC")))
        .containsExactlyInAnyOrder(
            Skills.NS + "CTL-SOC", Skills.NS + "CTL-SOC-CC", Skills.NS + "CTL-SOC-KF");
  }

  @Test
  void everySkillBelongsToTheAreaItsNotationStartsWith() {
    for (Skill skill : framework.all()) {
      String area = skill.notation().split("-")[0];
      assertThat(framework.topConceptOf(skill).notation()).as(skill.notation()).isEqualTo(area);
    }
  }

  @Test
  void narrowerListsDirectChildrenOnly() {
    assertThat(notations(framework.narrower(skill("SAF-ABUSE"))))
        .containsExactly("SAF-ABUSE-CRUSH", "SAF-ABUSE-NAIL", "SAF-ABUSE-OVCH", "SAF-ABUSE-SC");
  }

  @Test
  void labelsFallBackFromRegionToLanguageToEnglishToJapaneseToNotation() {
    Skill coat = skill("MFG-COAT");
    assertThat(coat.label("ja-JP")).isEqualTo("塗工");
    assertThat(coat.label("EN")).isEqualTo("Electrode coating");
    assertThat(coat.label("de")).isEqualTo("Electrode coating");
    assertThat(coat.label(null)).isEqualTo("Electrode coating");
    Skill onlyJapanese =
        new Skill(Skills.NS + "X", "X", Map.of("ja", "試験"), Map.of(), Optional.empty());
    assertThat(onlyJapanese.label("en")).isEqualTo("試験");
    Skill unlabelled = new Skill(Skills.NS + "X", "X", Map.of(), Map.of(), Optional.empty());
    assertThat(unlabelled.label("ja")).isEqualTo("X");
    assertThat(unlabelled.definition("en")).isEmpty();
  }

  @Test
  void alternativeLabelsHoldAbbreviationsUsersSearchFor() {
    assertThat(skill("CTL-SOC").altLabels("en")).contains("SOC estimation");
    assertThat(skill("MAT-CATH-LFP").altLabels("en")).contains("LFP");
    assertThat(skill("MFG-COAT").altLabels("fr")).isEmpty();
  }

  @Test
  void graphIsReadOnlyAndHoldsTheScheme() {
    var graph = framework.graph();
    assertThat(graph.contains(Skills.SCHEME.asNode(), null, null)).isTrue();
    Triple extra =
        Triple.create(
            Skills.concept("MFG").asNode(),
            RDFS.comment.asNode(),
            NodeFactory.createLiteralString("x"));
    assertThatThrownBy(() -> graph.add(extra)).isInstanceOf(RuntimeException.class);
    assertThat(graph.contains(extra)).isFalse();
  }

  @Test
  void frameworkDoesNotChangeWhenItsSourceGraphChangesLater() {
    var source = VocabResources.skills();
    SkillFramework copy = SkillFramework.from(source);
    source.clear();
    assertThat(copy.all()).hasSameSizeAs(framework.all());
    assertThat(copy.graph().isEmpty()).isFalse();
  }

  @Test
  void skillRecordRejectsMissingParts() {
    assertThatThrownBy(() -> new Skill(null, "X", Map.of(), Map.of(), Optional.empty()))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new Skill(" ", "X", Map.of(), Map.of(), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
