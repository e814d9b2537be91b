package network.baton.vocab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(60)
class ShapeValidatorTest {

  private static final String BASE = "https://node.example/";
  private static final String SCHEMA = "http://schema.org/";
  private static final String SHAPES = "https://w3id.org/baton/shapes#";

  private static ShapeValidator validator;
  private static ContextLoader contexts;

  @BeforeAll
  static void load() {
    validator = ShapeValidator.create();
    contexts = ContextLoader.bundled();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "course.jsonld",
        "module.jsonld",
        "curriculum.jsonld",
        "learning-resource.jsonld",
        "institution.jsonld"
      })
  void wellFormedResourcesInTheBatonContextConform(String file) {
    Graph data = contexts.parseJsonLd(fixture("valid/" + file), BASE);

    assertThat(data.isEmpty()).isFalse();
    assertThat(validator.validate(data)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          missing-licence.ttl            | resources/course      | license             | licenseRequired          | Say under which open licence
          non-open-licence.ttl           | resources/course      | license             | licenseIsOpen            | one of the open licences the network accepts
          literal-licence.ttl            | resources/course      | license             | licenseIsLink            | must be the link (IRI) of the licence
          unknown-skill.ttl              | resources/course      | teaches             | teachesSkill             | must be a skill of the BATON skills framework
          level-as-skill.ttl             | resources/course      | teaches             | teachesSkill             | must be a skill of the BATON skills framework
          lrmi-concept-as-skill.ttl      | resources/course      | teaches             | teachesSkill             | must be a skill of the BATON skills framework
          course-without-skill.ttl       | resources/course      | teaches             | courseTeachesRequired    | A course must teach at least one skill
          assesses-unknown-skill.ttl     | resources/course      | assesses            | assessesSkill            | Every skill assessed
          wrong-date-datatype.ttl        | resources/course      | dateCreated         | dateCreatedIsDate        | must be a date such as "2025-04-01"
          no-language.ttl                | resources/course      | inLanguage          | inLanguageRequired       | Say in which language
          bad-language-tag.ttl           | resources/course      | inLanguage          | inLanguageIsTag          | language code (BCP 47)
          language-tagged-inlanguage.ttl | resources/course      | inLanguage          | inLanguageIsString       | plain language code
          name-without-language.ttl      | resources/course      | name                | nameLanguage             | marked as Japanese (ja) or English (en)
          name-in-other-language.ttl     | resources/course      | name                | nameLanguage             | marked as Japanese (ja) or English (en)
          two-english-names.ttl          | resources/course      | name                | nameOnePerLanguage       | at most one name
          no-name.ttl                    | resources/course      | name                | nameRequired             | Give a name
          missing-publisher.ttl          | resources/course      | publisher           | publisherRequired        | which member institution publishes
          literal-publisher.ttl          | resources/course      | publisher           | publisherIsLink          | link (IRI) of a member institution
          bad-duration.ttl               | resources/course      | timeRequired        | timeRequiredIsDuration   | must be a duration
          credits-not-integer.ttl        | resources/course      | numberOfCredits     | creditsAreInteger        | whole number
          course-blank-node.ttl          | _:                    |                     | CourseShape              | needs its own web address
          curriculum-wrong-level.ttl     | resources/programme   | educationalLevel    | levelInFramework         | must be one of the BATON levels
          curriculum-missing-level.ttl   | resources/programme   | educationalLevel    | curriculumLevelRequired  | A curriculum must say at which educational level
          curriculum-literal-course.ttl  | resources/programme   | hasCourse           | hasCourseIsLink          | link (IRI) of a course
          resource-missing-type.ttl      | resources/video       | learningResourceType| resourceTypeRequired     | Say what kind of learning resource
          resource-unknown-type.ttl      | resources/video       | learningResourceType| resourceTypeIsLrmi       | one of the LRMI learning resource types
          resource-bad-media-type.ttl    | resources/video       | encodingFormat      | encodingFormatIsMediaType| must be a media type
          institution-missing-url.ttl    | resources/institution | url                 | urlRequired              | address of its web site
          """)
  void brokenResourceFailsWithTheViolationATeacherCanAct(
      String file, String focus, String property, String shape, String fragment) {
    List<Violation> violations = validator.validate(turtle("invalid/" + file));

    String path = property == null ? null : SCHEMA + property;
    assertThat(violations).isNotEmpty();
    // Each fixture breaks one thing: every violation is about that resource and that property.
    assertThat(violations)
        .allSatisfy(
            v -> {
              assertThat(v.path()).isEqualTo(path);
              if (focus.startsWith("_:")) {
                assertThat(v.focusNode()).startsWith("_:");
              } else {
                assertThat(v.focusNode()).isEqualTo(BASE + focus);
              }
              assertThat(v.severity()).isEqualTo(Violation.Severity.VIOLATION);
            });
    assertThat(violations)
        .anySatisfy(
            v -> {
              assertThat(v.sourceShape()).isEqualTo(SHAPES + shape);
              assertThat(v.message()).contains(fragment);
            });
  }

  @Test
  void jsonLdCourseWithoutLicenceIsRefusedWithTheLicenceMessage() {
    Graph data = contexts.parseJsonLd(fixture("invalid/course-without-licence.jsonld"), BASE);

    assertThat(validator.validate(data))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.focusNode()).isEqualTo(BASE + "resources/kosen-ec102");
              assertThat(v.path()).isEqualTo(SCHEMA + "license");
              assertThat(v.message()).startsWith("Say under which open licence");
            });
  }

  @Test
  void unknownSkillViolationNamesTheOffendingValue() {
    List<Violation> violations = validator.validate(turtle("invalid/unknown-skill.ttl"));

    assertThat(violations)
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.value()).isEqualTo("https://w3id.org/baton/skill/NO-SUCH-SKILL");
              assertThat(v.sourceConstraint())
                  .isEqualTo("http://www.w3.org/ns/shacl#NodeConstraintComponent");
            });
  }

  @Test
  void skillDeclaredInTheDataDoesNotPassWhenItIsInAnotherScheme() {
    // The data declares lrt:textbook a skos:Concept; it still fails: the scheme is checked.
    assertThat(validator.validate(turtle("invalid/lrmi-concept-as-skill.ttl")))
        .extracting(Violation::value)
        .containsExactly("http://purl.org/dcx/lrmi-vocabs/learningResourceType/textbook");
  }

  @Test
  void resourceCannotForgeASkillOrAnOpenLicenceForItself() {
    assertThat(validator.validate(turtle("invalid/forged-skill.ttl")))
        .extracting(Violation::focusNode, Violation::sourceShape)
        .containsOnly(
            tuple(
                "https://w3id.org/baton/skill/NO-SUCH-SKILL",
                ShapeValidator.REFERENCE_DATA_UNCHANGED));
    assertThat(validator.validate(turtle("invalid/forged-open-licence.ttl")))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.focusNode())
                  .isEqualTo("https://creativecommons.org/licenses/by-nc/4.0/");
              assertThat(v.message()).contains("cannot add to or change");
            });
  }

  @Test
  void validationDoesNotAddTheFrameworkToTheDataGraph() {
    Graph data = contexts.parseJsonLd(fixture("valid/course.jsonld"), BASE);
    int before = data.size();

    validator.validate(data);

    assertThat(data.size()).isEqualTo(before);
    assertThat(validator.referenceGraph().size()).isGreaterThan(before);
  }

  @Test
  void narrowerSkillOfTheFrameworkIsAccepted() {
    Graph data = turtle("invalid/unknown-skill.ttl");
    data.delete(
        Triple.create(
            NodeFactory.createURI(BASE + "resources/course"),
            NodeFactory.createURI(SCHEMA + "teaches"),
            NodeFactory.createURI("https://w3id.org/baton/skill/NO-SUCH-SKILL")));
    data.add(
        Triple.create(
            NodeFactory.createURI(BASE + "resources/course"),
            NodeFactory.createURI(SCHEMA + "teaches"),
            NodeFactory.createURI("https://w3id.org/baton/skill/MFG-MIX-RHEO")));

    assertThat(validator.validate(data)).isEmpty();
  }

  @Test
  void httpsSchemaOrgTurtleCannotSlipPastTheShapes() {
    Graph data = GraphFactory.createDefaultGraph();
    RDFParser.create()
        .fromString(
            "<https://node.example/resources/c7> a <https://schema.org/Course> ;"
                + " <https://schema.org/name> \"Batteries\"@en .")
        .lang(Lang.TURTLE)
        .parse(data);

    assertThat(validator.kinds(data)).containsExactly(ResourceKind.COURSE);
    assertThat(validator.validate(data))
        .extracting(Violation::sourceShape)
        .contains(
            SHAPES + "licenseRequired",
            SHAPES + "inLanguageRequired",
            SHAPES + "publisherRequired",
            SHAPES + "courseTeachesRequired");
  }

  @Test
  void kindsTellCoursesFromModulesAndOtherResources() {
    assertThat(validator.kinds(contexts.parseJsonLd(fixture("valid/course.jsonld"), BASE)))
        .containsExactly(ResourceKind.COURSE);
    assertThat(validator.kinds(contexts.parseJsonLd(fixture("valid/module.jsonld"), BASE)))
        .containsExactly(ResourceKind.MODULE);
    assertThat(validator.kinds(contexts.parseJsonLd(fixture("valid/curriculum.jsonld"), BASE)))
        .containsExactly(ResourceKind.CURRICULUM);
    assertThat(
            validator.kinds(contexts.parseJsonLd(fixture("valid/learning-resource.jsonld"), BASE)))
        .containsExactly(ResourceKind.LEARNING_RESOURCE);
    assertThat(validator.kinds(contexts.parseJsonLd(fixture("valid/institution.jsonld"), BASE)))
        .containsExactly(ResourceKind.INSTITUTION);
    assertThat(validator.kinds(GraphFactory.createDefaultGraph())).isEmpty();
  }

  @Test
  void oneValidatorServesConcurrentCallers() throws Exception {
    Graph valid = contexts.parseJsonLd(fixture("valid/course.jsonld"), BASE);
    Graph invalid = turtle("invalid/non-open-licence.ttl");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<Integer>> calls = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        Graph data = i % 2 == 0 ? valid : invalid;
        calls.add(() -> validator.validate(data).size());
      }
      List<Integer> sizes = new ArrayList<>();
      for (Future<Integer> f : pool.invokeAll(calls)) {
        sizes.add(f.get());
      }
      for (int i = 0; i < sizes.size(); i++) {
        assertThat(sizes.get(i)).isEqualTo(i % 2 == 0 ? 0 : 1);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  static Graph turtle(String fixture) {
    Graph graph = GraphFactory.createDefaultGraph();
    RDFParser.create().fromString(fixture(fixture)).lang(Lang.TURTLE).parse(graph);
    return graph;
  }

  static String fixture(String name) {
    try (InputStream in =
        ShapeValidatorTest.class.getClassLoader().getResourceAsStream("fixtures/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
