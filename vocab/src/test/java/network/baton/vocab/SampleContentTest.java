package network.baton.vocab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import network.baton.vocab.SampleContent.Institution;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SampleContentTest {

  private static final String BASE = "https://kosen.baton.example/";

  private SampleContent samples;
  private ShapeValidator validator;
  private Model skills;
  private final Map<Institution, Model> content = new EnumMap<>(Institution.class);

  @BeforeAll
  void load() {
    samples = SampleContent.create();
    validator = ShapeValidator.create();
    skills = ModelFactory.createModelForGraph(VocabResources.skills());
    for (Institution institution : Institution.values()) {
      content.put(institution, ModelFactory.createModelForGraph(samples.load(institution, BASE)));
    }
  }

  @ParameterizedTest
  @EnumSource(Institution.class)
  void sampleFileLoadsUnderAnyBaseUrlWithEveryIriUnderThatBase(Institution institution) {
    Graph first = samples.load(institution, "https://node-a.example.org/");
    Graph second = samples.load(institution, "http://127.0.0.1:8443/baton");

    List<String> firstIris = SampleContent.resourceIris(first);
    List<String> secondIris = SampleContent.resourceIris(second);
    assertThat(firstIris)
        .isNotEmpty()
        .allMatch(iri -> iri.startsWith("https://node-a.example.org/resources/"));
    assertThat(secondIris)
        .allMatch(iri -> iri.startsWith("http://127.0.0.1:8443/baton/resources/"));
    assertThat(secondIris)
        .containsExactlyElementsOf(
            firstIris.stream()
                .map(
                    iri ->
                        iri.replace("https://node-a.example.org/", "http://127.0.0.1:8443/baton/"))
                .toList());
    assertThat(first.size()).isEqualTo(second.size());
    assertThat(firstIris).contains(SampleContent.institutionIri("https://node-a.example.org"));
    // Files named relative to the base resolve under it too.
    assertThat(objects(first, Schema.contentUrl.asNode()))
        .isNotEmpty()
        .allMatch(url -> url.startsWith("https://node-a.example.org/files/"));
  }

  @Test
  void jsonLdAndTurtleFilesAreBothExercised() {
    assertThat(samples.institutions())
        .extracting(Institution::lang)
        .contains(Lang.JSONLD, Lang.TURTLE);
    assertThat(Institution.HIGH_SCHOOL.mediaType()).isEqualTo("text/turtle");
    assertThat(Institution.KOSEN.mediaType()).isEqualTo("application/ld+json");
    assertThat(samples.text(Institution.KOSEN))
        .contains("\"@context\": \"" + ContextLoader.BATON_CONTEXT + "\"");
  }

  @ParameterizedTest
  @EnumSource(
      value = Institution.class,
      names = {"KOSEN", "UNIVERSITY"})
  void jsonLdSamplesUseOnlyTermsTheBatonContextDefines(Institution institution) {
    ContextLoader contexts = ContextLoader.bundled();

    assertThat(contexts.undefinedTerms(contexts.readJsonObject(samples.text(institution))))
        .isEmpty();
  }

  @Test
  void everyLearningResourceNamesItsFileFormatAndDatesRunForward() {
    for (Model model : content.values()) {
      for (Resource resource : publishedResources(model)) {
        if (resource.hasProperty(RDF.type, Schema.LearningResource)) {
          assertThat(resource.hasProperty(Schema.encodingFormat))
              .as("%s format", resource)
              .isTrue();
          assertThat(resource.hasProperty(Schema.contentUrl)).as("%s file", resource).isTrue();
        }
        if (resource.hasProperty(Schema.dateCreated)) {
          LocalDate created = LocalDate.parse(resource.getProperty(Schema.dateCreated).getString());
          LocalDate modified =
              LocalDate.parse(resource.getProperty(Schema.dateModified).getString());
          assertThat(modified).as("%s dates", resource).isAfterOrEqualTo(created);
        }
      }
    }
  }

  @Test
  void sampleContentHoldsAtLeastFortyResourcesAndEveryInstitutionHasEveryKind() {
    int total = 0;
    for (Institution institution : Institution.values()) {
      Map<ResourceKind, List<String>> kinds =
          SampleContent.resourcesByKind(content.get(institution).getGraph());
      assertThat(kinds.get(ResourceKind.INSTITUTION))
          .as(institution.key())
          .containsExactly(BASE + SampleContent.INSTITUTION_PATH);
      for (ResourceKind kind :
          List.of(
              ResourceKind.CURRICULUM,
              ResourceKind.COURSE,
              ResourceKind.MODULE,
              ResourceKind.LEARNING_RESOURCE)) {
        assertThat(kinds.get(kind)).as(institution.key() + " " + kind).isNotEmpty();
        total += kinds.get(kind).size();
      }
    }
    assertThat(total).isGreaterThanOrEqualTo(40);
  }

  @ParameterizedTest
  @EnumSource(Institution.class)
  void sampleContentConformsToTheShapes(Institution institution) {
    assertThat(validator.validate(content.get(institution).getGraph())).isEmpty();
  }

  @Test
  void aSampleCourseWithoutLicenceOrWithAnUnknownSkillFailsTheShapes() {
    Graph graph = samples.load(Institution.UNIVERSITY, BASE);
    Node course = NodeFactory.createURI(BASE + "resources/univ-ese310");
    graph.remove(course, Schema.license.asNode(), Node.ANY);
    graph.add(
        course, Schema.teaches.asNode(), NodeFactory.createURI(Skills.NS + "MAT-UNOBTAINIUM"));

    assertThat(validator.validate(graph))
        .extracting(Violation::focusNode, Violation::path)
        .contains(
            tuple(course.getURI(), Schema.license.getURI()),
            tuple(course.getURI(), Schema.teaches.getURI()));
  }

  @Test
  void everySkillUsedExistsInTheFrameworkAndEveryAreaIsTaught() {
    Set<String> areasTaught = new TreeSet<>();
    for (Model model : content.values()) {
      for (var property : List.of(Schema.teaches, Schema.assesses, Schema.competencyRequired)) {
        for (RDFNode skill : model.listObjectsOfProperty(property).toList()) {
          assertThat(skill.isURIResource()).as("skill %s", skill).isTrue();
          Resource concept = skill.asResource().inModel(skills);
          assertThat(concept.hasProperty(SKOS.inScheme, Skills.SCHEME))
              .as("%s is in the skills framework", skill)
              .isTrue();
          areasTaught.add(topConcept(concept).getURI());
        }
      }
    }
    Set<String> areas = new TreeSet<>();
    skills
        .listSubjectsWithProperty(SKOS.topConceptOf, Skills.SCHEME)
        .forEach(r -> areas.add(r.getURI()));
    assertThat(areas).hasSize(8);
    assertThat(areasTaught).containsExactlyInAnyOrderElementsOf(areas);
  }

  @Test
  void everyCourseModuleAndResourceTeachesOneToFourSkills() {
    for (Model model : content.values()) {
      for (Resource typed : publishedResources(model)) {
        if (typed.hasProperty(RDF.type, Schema.EducationalOrganization)) {
          continue;
        }
        assertThat(typed.listProperties(Schema.teaches).toList())
            .as(typed.getURI())
            .hasSizeBetween(1, 4);
      }
    }
  }

  @Test
  void everyCurriculumCourseModuleAndResourceHasKeywordsInJapaneseAndEnglish() {
    for (Model model : content.values()) {
      for (Resource resource : publishedResources(model)) {
        if (resource.hasProperty(RDF.type, Schema.EducationalOrganization)) {
          continue;
        }
        Set<String> languages = new TreeSet<>();
        resource.listProperties(Schema.keywords).forEach(s -> languages.add(s.getLanguage()));
        assertThat(languages).as("%s keywords", resource).containsExactly("en", "ja");
      }
    }
  }

  @Test
  void everyNameAndDescriptionIsGivenInJapaneseAndEnglish() {
    for (Model model : content.values()) {
      for (Resource resource : publishedResources(model)) {
        for (var property : List.of(Schema.name, Schema.description)) {
          List<String> languages =
              resource.listProperties(property).toList().stream()
                  .map(Statement::getObject)
                  .map(RDFNode::asLiteral)
                  .map(Literal::getLanguage)
                  .toList();
          assertThat(languages)
              .as("%s %s", resource, property)
              .containsExactlyInAnyOrder("ja", "en");
        }
      }
    }
  }

  @Test
  void partAndCourseLinksPointAtResourcesOfTheSameFileAndAreMirrored() {
    for (Map.Entry<Institution, Model> entry : content.entrySet()) {
      Model model = entry.getValue();
      Set<String> published = new HashSet<>(SampleContent.resourceIris(model.getGraph()));
      for (var property :
          List.of(Schema.hasPart, Schema.isPartOf, Schema.hasCourse, Schema.publisher)) {
        model
            .listStatements(null, property, (RDFNode) null)
            .forEach(
                s ->
                    assertThat(published)
                        .as("%s %s in %s", s.getSubject(), property, entry.getKey().key())
                        .contains(s.getObject().asResource().getURI()));
      }
      model
          .listStatements(null, Schema.hasPart, (RDFNode) null)
          .forEach(
              s ->
                  assertThat(
                          s.getObject().asResource().hasProperty(Schema.isPartOf, s.getSubject()))
                      .as("%s isPartOf %s", s.getObject(), s.getSubject())
                      .isTrue());
      model
          .listStatements(null, Schema.isPartOf, (RDFNode) null)
          .forEach(
              s ->
                  assertThat(s.getObject().asResource().hasProperty(Schema.hasPart, s.getSubject()))
                      .as("%s hasPart %s", s.getObject(), s.getSubject())
                      .isTrue());
    }
  }

  @Test
  void keywordsHoldJapaneseCompoundTermsForSearch() {
    Set<String> keywords = new TreeSet<>();
    content
        .values()
        .forEach(
            m ->
                m.listObjectsOfProperty(Schema.keywords)
                    .forEach(k -> keywords.add(k.asLiteral().getLexicalForm())));
    assertThat(keywords).contains("蓄電池", "リチウムイオン電池", "全固体電池", "正極材料", "thermal runaway");
  }

  @Test
  void thermalRunawayIsTaughtAtEveryInstitutionSoFederatedSearchHasOverlap() {
    Resource thermalRunaway = Skills.concept("SAF-TRUN");
    for (Map.Entry<Institution, Model> entry : content.entrySet()) {
      assertThat(entry.getValue().listSubjectsWithProperty(Schema.teaches, thermalRunaway).toList())
          .as(entry.getKey().key())
          .hasSizeGreaterThanOrEqualTo(2);
    }
  }

  @Test
  void licencesAndLanguagesAreVaried() {
    Set<String> licences = new TreeSet<>();
    Set<String> languages = new TreeSet<>();
    for (Model model : content.values()) {
      model
          .listObjectsOfProperty(Schema.license)
          .forEach(l -> licences.add(l.asResource().getURI()));
      model
          .listObjectsOfProperty(Schema.inLanguage)
          .forEach(l -> languages.add(l.asLiteral().getString()));
    }
    assertThat(licences)
        .containsExactlyInAnyOrder(
            "https://creativecommons.org/licenses/by/4.0/",
            "https://creativecommons.org/licenses/by-sa/4.0/",
            "https://creativecommons.org/publicdomain/zero/1.0/");
    assertThat(languages).containsExactlyInAnyOrder("ja", "en");
  }

  @Test
  void resourceIrisListOnlyTypedResourcesAndTellModulesFromCourses() {
    Graph graph = GraphFactory.createDefaultGraph();
    RDFParser.source(getClass().getResourceAsStream("/fixtures/sample/kinds.ttl"))
        .lang(Lang.TURTLE)
        .base("https://n.example/")
        .parse(graph);

    Map<ResourceKind, List<String>> kinds = SampleContent.resourcesByKind(graph);

    assertThat(kinds.get(ResourceKind.COURSE)).containsExactly("https://n.example/resources/c1");
    assertThat(kinds.get(ResourceKind.MODULE)).containsExactly("https://n.example/resources/c1-m1");
    assertThat(kinds.get(ResourceKind.LEARNING_RESOURCE)).isEmpty();
    assertThat(SampleContent.resourceIris(graph))
        .containsExactly(
            "https://n.example/resources/c1",
            "https://n.example/resources/c1-m1",
            "https://n.example/resources/institution");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "resources/",
        "ftp://node.example/",
        "https://node.example/?q=1",
        "urn:x:y",
        "http://[bad"
      })
  void loadRejectsABaseThatIsNotAnAbsoluteHttpUrl(String base) {
    assertThatThrownBy(() -> samples.load(Institution.KOSEN, base))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(base);
  }

  @Test
  void institutionsAreFoundByKeyAndUnknownKeysAreNot() {
    assertThat(Institution.byKey("highschool")).contains(Institution.HIGH_SCHOOL);
    assertThat(Institution.byKey("kosen")).contains(Institution.KOSEN);
    assertThat(Institution.byKey("KOSEN")).isEmpty();
    assertThat(Institution.byKey("company")).isEmpty();
  }

  private static Resource topConcept(Resource concept) {
    Resource current = concept;
    for (int depth = 0; depth < 10; depth++) {
      Statement broader = current.getProperty(SKOS.broader);
      if (broader == null) {
        return current;
      }
      current = broader.getResource();
    }
    throw new AssertionError("broader chain too deep from " + concept);
  }

  private static List<Resource> publishedResources(Model model) {
    List<Resource> resources = new ArrayList<>();
    for (String iri : SampleContent.resourceIris(model.getGraph())) {
      resources.add(model.createResource(iri));
    }
    return resources;
  }

  private static List<String> objects(Graph graph, Node property) {
    return graph
        .find(Node.ANY, property, Node.ANY)
        .mapWith(Triple::getObject)
        .mapWith(Node::getURI)
        .toList();
  }
}
