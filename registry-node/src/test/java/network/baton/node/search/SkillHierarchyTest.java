package network.baton.node.search;

import static org.assertj.core.api.Assertions.assertThat;

import network.baton.vocab.SkillFramework;
import org.apache.jena.riot.RDFDataMgr;
import org.junit.jupiter.api.Test;

class SkillHierarchyTest {

  private static final String SKILL = "https://w3id.org/baton/skill/";

  private final SkillHierarchy framework = SkillHierarchy.of(SkillFramework.load());

  @Test
  void skillIncludesItsNarrowerSkillsAtEveryDepth() {
    assertThat(framework.selfAndNarrower(SKILL + "MFG"))
        .contains(SKILL + "MFG", SKILL + "MFG-MIX", SKILL + "MFG-MIX-RHEO")
        .noneMatch(s -> s.startsWith(SKILL + "SAF"));
    assertThat(framework.selfAndNarrower(SKILL + "MFG-MIX-RHEO"))
        .containsExactly(SKILL + "MFG-MIX-RHEO");
  }

  @Test
  void skillAreaIsTheTopConceptAboveASkill() {
    assertThat(framework.areasOf(SKILL + "MFG-MIX-RHEO")).containsExactly(SKILL + "MFG");
    assertThat(framework.areasOf(SKILL + "SAF")).containsExactly(SKILL + "SAF");
  }

  @Test
  void frameworkKnowsItsConceptsAndNothingElse() {
    assertThat(framework.contains(SKILL + "QDM")).isTrue();
    assertThat(framework.contains(SKILL + "NOPE")).isFalse();
  }

  @Test
  void hierarchyIsReadFromAnySkosGraphAndNoneMatchesExactly() {
    SkillHierarchy mini =
        SkillHierarchy.fromSkos(
            RDFDataMgr.loadGraph("src/test/resources/fixtures/search/skills-mini.ttl"));

    assertThat(mini.selfAndNarrower(SKILL + "MFG"))
        .containsExactlyInAnyOrder(
            SKILL + "MFG", SKILL + "MFG-COAT", SKILL + "MFG-COAT-SLOT", SKILL + "MFG-MIX");
    assertThat(SkillHierarchy.none().selfAndNarrower(SKILL + "MFG")).containsExactly(SKILL + "MFG");
    assertThat(SkillHierarchy.none().areasOf(SKILL + "MFG-COAT"))
        .containsExactly(SKILL + "MFG-COAT");
  }
}
