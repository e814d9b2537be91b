package network.baton.vocab;

import static network.baton.vocab.ShapeValidatorTest.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.stream.Stream;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.ErrorHandlerFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(60)
class ContextLoaderTest {

  private static final String BASE = "https://node.example/";
  private static final String SCHEMA = "http://schema.org/";

  private static ContextLoader loader;

  @BeforeAll
  static void load() {
    loader = ContextLoader.bundled();
  }

  @Test
  void servesEveryContextTheCredentialsAndResourcesName() {
    assertThat(loader.urls())
        .contains(
            "https://w3id.org/baton/context/v1",
            "https://www.w3.org/ns/credentials/v2",
            "https://www.w3.org/2018/credentials/v1",
            "https://www.w3.org/ns/credentials/examples/v2",
            "https://www.w3.org/ns/credentials/undefined-terms/v2",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
            "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json",
            "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json",
            "https://w3id.org/security/data-integrity/v2",
            "https://w3id.org/security/multikey/v1",
            "https://www.w3.org/ns/did/v1",
            "http://schema.org/",
            "http://schema.org",
            "https://schema.org/",
            "https://schema.org",
            "https://w3id.org/kim/amb/context.jsonld");
  }

  static Stream<String> bundledUrls() {
    return ContextLoader.bundled().urls().stream();
  }

  @ParameterizedTest
  @MethodSource("bundledUrls")
  void everyBundledContextIsAValidJsonLdContext(String url) {
    JsonObject doc =
        Json.createObjectBuilder()
            .add("@context", url)
            .add("@id", "https://example.org/thing")
            .add("@type", "https://example.org/Thing")
            .build();

    assertThat(loader.expand(doc, null)).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "conformance/ob30/simple.json",
        "conformance/ob30/simple-did-key-method.json",
        "conformance/ob30/complete.json",
        "conformance/ob30/simple-err-expired.json",
        "conformance/ob30/simple-err-proof-value.json",
        "conformance/ob30/test-vector-credential-signed.json",
        "conformance/clr20/simple.json"
      })
  void openBadgesAndClrExamplesExpandOfflineWithNoUndefinedTerms(String file) {
    JsonObject credential = loader.readJsonObject(fixture(file));

    assertThat(loader.undefinedTerms(credential)).isEmpty();
    JsonArray expanded = loader.expandStrict(credential, null);
    assertThat(expanded.getJsonObject(0).getJsonArray("@type").getString(0))
        .isEqualTo("https://www.w3.org/2018/credentials#VerifiableCredential");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "conformance/amb/example-competencies.json",
        "conformance/amb/example-conceptsWithMultilingualLabels.json",
        "conformance/amb/example-educationalLevel.json",
        "conformance/amb/example-highered-course.json",
        "conformance/amb/example-learningResourceType.json",
        "conformance/amb/example-parts.json"
      })
  void ambExamplesExpandOfflineToSchemaOrgTerms(String file) {
    JsonArray expanded = loader.expand(loader.readJsonObject(fixture(file)), null);

    assertThat(expanded).isNotEmpty();
    assertThat(expanded.getJsonObject(0).keySet()).anyMatch(key -> key.startsWith(SCHEMA));
  }

  @Test
  void undefinedTermInACredentialIsReported() {
    JsonObject credential = loader.readJsonObject(fixture("conformance/ob30/simple.json"));
    JsonObject tampered =
        Json.createObjectBuilder(credential).add("favouriteColour", "blue").build();

    assertThat(loader.undefinedTerms(tampered)).containsExactly("favouriteColour");
  }

  @Test
  void jenaParserReadsJsonLdWithTheBundledContextsOnly() {
    Graph graph = GraphFactory.createDefaultGraph();
    RDFParser.create()
        .fromString(fixture("valid/module.jsonld"))
        .lang(Lang.JSONLD11)
        .base(BASE)
        .context(loader.jenaParserContext())
        .parse(graph);

    assertThat(
            graph.contains(
                iri(BASE + "resources/kosen-ec101-m1"),
                schema("isPartOf"),
                iri(BASE + "resources/kosen-ec101")))
        .isTrue();
    assertThatThrownBy(
            () ->
                RDFParser.create()
                    .fromString("{\"@context\": \"https://contexts.example.org/x\", \"a\": 1}")
                    .lang(Lang.JSONLD11)
                    .errorHandler(ErrorHandlerFactory.errorHandlerNoLogging)
                    .context(loader.jenaParserContext())
                    .parse(GraphFactory.createDefaultGraph()))
        .isInstanceOf(RiotException.class);
  }

  @Test
  void turtleWithHttpsSchemaOrgIsNormalised() {
    Graph graph = GraphFactory.createDefaultGraph();
    RDFParser.create()
        .fromString(
            "<https://node.example/resources/c6> a <https://schema.org/Course> ;"
                + " <https://schema.org/name> \"Batteries\"@en .")
        .lang(Lang.TURTLE)
        .parse(graph);

    Graph normalised = SchemaNormalizer.normalize(graph);

    assertThat(normalised.contains(iri(BASE + "resources/c6"), RDF.type.asNode(), schema("Course")))
        .isTrue();
    assertThat(normalised.contains(Node.ANY, schema("name"), Node.ANY)).isTrue();
    assertThat(SchemaNormalizer.needsNormalizing(normalised)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "valid/course.jsonld",
        "valid/module.jsonld",
        "valid/curriculum.jsonld",
        "valid/learning-resource.jsonld",
        "valid/institution.jsonld"
      })
  void batonContextDefinesEveryTermTheDataModelUses(String file) {
    assertThat(loader.undefinedTerms(loader.readJsonObject(fixture(file)))).isEmpty();
  }

  @Test
  void documentNamingAnUnbundledContextFailsNamingThatUrl() {
    String json =
        """
        {"@context": "https://contexts.example.org/course.jsonld", "name": "x"}
        """;

    assertThatThrownBy(() -> loader.parseJsonLd(json, BASE))
        .isInstanceOf(JsonLdInputException.class)
        .hasMessageContaining("https://contexts.example.org/course.jsonld")
        .hasMessageContaining("is not bundled; BATON never fetches contexts from the network");
    assertThatThrownBy(() -> loader.expand(loader.readJsonObject(json), BASE))
        .hasMessageContaining("https://contexts.example.org/course.jsonld is not bundled");
  }

  @Test
  void batonCourseConvertsToTheExpectedTriples() {
    Graph graph = loader.parseJsonLd(fixture("valid/course.jsonld"), BASE);

    Node course = iri(BASE + "resources/kosen-ec101");
    assertThat(graph.contains(course, RDF.type.asNode(), iri(SCHEMA + "Course"))).isTrue();
    assertThat(graph.contains(course, schema("teaches"), iri("https://w3id.org/baton/skill/ECH")))
        .isTrue();
    assertThat(graph.contains(course, schema("teaches"), iri("https://w3id.org/baton/skill/MFG")))
        .isTrue();
    assertThat(
            graph.contains(
                course, schema("educationalLevel"), iri("https://w3id.org/baton/level/kosen")))
        .isTrue();
    assertThat(
            graph.contains(course, schema("name"), NodeFactory.createLiteralLang("電気化学基礎", "ja")))
        .isTrue();
    assertThat(
            graph.contains(
                course,
                schema("name"),
                NodeFactory.createLiteralLang("Fundamentals of Electrochemistry", "en")))
        .isTrue();
    assertThat(
            graph.contains(course, schema("keywords"), NodeFactory.createLiteralLang("電池", "ja")))
        .isTrue();
    assertThat(
            graph.contains(
                course,
                schema("dateCreated"),
                NodeFactory.createLiteralDT("2025-04-01", XSDDatatype.XSDdate)))
        .isTrue();
    assertThat(
            graph.contains(
                course,
                schema("timeRequired"),
                NodeFactory.createLiteralDT("PT30H", XSDDatatype.XSDduration)))
        .isTrue();
    assertThat(
            graph.contains(
                course,
                schema("numberOfCredits"),
                NodeFactory.createLiteralDT("2", XSDDatatype.XSDinteger)))
        .isTrue();
    assertThat(graph.contains(course, schema("inLanguage"), NodeFactory.createLiteralString("ja")))
        .isTrue();
    assertThat(
            graph.contains(
                course, schema("license"), iri("https://creativecommons.org/licenses/by/4.0/")))
        .isTrue();
    assertThat(graph.contains(course, schema("publisher"), iri(BASE + "resources/institution")))
        .isTrue();
  }

  @Test
  void httpsSchemaOrgInputIsNormalisedToTheOneSchemaNamespace() {
    String json =
        """
        {"@context": {"@vocab": "https://schema.org/"},
         "@id": "https://node.example/resources/c1",
         "@type": "Course",
         "name": {"@value": "Batteries", "@language": "en"},
         "license": {"@id": "https://creativecommons.org/licenses/by/4.0/"}}
        """;

    Graph graph = loader.parseJsonLd(json, BASE);

    Node course = iri(BASE + "resources/c1");
    assertThat(graph.contains(course, RDF.type.asNode(), iri(SCHEMA + "Course"))).isTrue();
    assertThat(graph.contains(course, schema("name"), Node.ANY)).isTrue();
    assertThat(graph.find().toList()).noneMatch(t -> t.toString().contains("https://schema.org/"));
  }

  @Test
  void schemaOrgContextUnderHttpsUrlIsServedOffline() {
    String json =
        """
        {"@context": "https://schema.org",
         "@id": "https://node.example/resources/c2",
         "@type": "Course",
         "courseCode": "EC101"}
        """;

    Graph graph = loader.parseJsonLd(json, BASE);

    assertThat(
            graph.contains(
                iri(BASE + "resources/c2"),
                schema("courseCode"),
                NodeFactory.createLiteralString("EC101")))
        .isTrue();
  }

  @Test
  void misspelledTermsAreReportedInsteadOfSilentlyDropped() {
    JsonObject doc =
        loader.readJsonObject(
            """
            {"@context": "https://w3id.org/baton/context/v1",
             "id": "resources/c3", "type": "Corse",
             "nmae": {"en": "Batteries"}, "teaches": "skill:ECH"}
            """);

    assertThat(loader.undefinedTerms(doc)).containsExactly("Corse", "nmae");
    assertThatThrownBy(() -> loader.expandStrict(doc, BASE))
        .isInstanceOf(JsonLdInputException.class)
        .hasMessageContaining("Corse")
        .hasMessageContaining("nmae");
    assertThatThrownBy(() -> loader.parseJsonLd(doc.toString(), BASE))
        .isInstanceOf(JsonLdInputException.class)
        .hasMessageContaining("terms not defined by any context")
        .hasMessageContaining("nmae");
  }

  @Test
  void malformedJsonIsReportedWithLineAndColumn() {
    String json = "{\n  \"@context\": \"https://w3id.org/baton/context/v1\",\n  \"name\": ,\n}";

    assertThatThrownBy(() -> loader.parseJsonLd(json, BASE))
        .isInstanceOfSatisfying(
            JsonLdInputException.class,
            e -> {
              assertThat(e.line()).isEqualTo(3);
              assertThat(e.column()).isPositive();
              assertThat(e.getMessage()).contains("line 3");
            });
  }

  @Test
  void namedGraphsAreRefusedRatherThanDropped() {
    String json =
        """
        {"@context": "https://w3id.org/baton/context/v1",
         "id": "resources/g1",
         "@graph": [{"id": "resources/c4", "type": "Course"}]}
        """;

    assertThatThrownBy(() -> loader.parseJsonLd(json, BASE))
        .isInstanceOf(JsonLdInputException.class)
        .hasMessageContaining("named graphs");
    assertThat(loader.parseJsonLdDataset(json, BASE).listGraphNodes().hasNext()).isTrue();
  }

  @Test
  void identifiersAndLanguageTagsJsonLdWouldDropAreRefused() {
    String json =
        """
        {"@context": "https://w3id.org/baton/context/v1",
         "id": "resources/c8", "type": "Course",
         "teaches": ["skill:ECH", "http://bad iri/skill"],
         "name": {"en": "Batteries", "english language": "Batteries"}}
        """;

    assertThatThrownBy(() -> loader.parseJsonLd(json, BASE))
        .isInstanceOf(JsonLdInputException.class)
        .hasMessageContaining("id http://bad iri/skill is not an absolute IRI")
        .hasMessageContaining("language tag english language is not well-formed");
  }

  @Test
  void bundledFileThatDoesNotMatchItsPinnedDigestIsRefusedAtStartUp() {
    assertThatThrownBy(() -> ContextLoader.fromIndex("fixtures/contexts-tampered/index.json"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("tampered.jsonld does not match its pinned SHA-256");
  }

  @Test
  void jsonThatIsNotAnObjectIsRefused() {
    assertThatThrownBy(() -> loader.parseJsonLd("[1, 2]", BASE))
        .isInstanceOf(JsonLdInputException.class)
        .hasMessageContaining("expected a JSON object");
  }

  @Test
  void batonContextCannotBeRedefinedByALaterContext() {
    String json =
        """
        {"@context": ["https://w3id.org/baton/context/v1", {"name": "https://example.org/title"}],
         "id": "resources/c5", "name": {"en": "x"}}
        """;

    assertThatThrownBy(() -> loader.parseJsonLd(json, BASE))
        .isInstanceOf(JsonLdInputException.class)
        .hasMessageContaining("invalid JSON-LD");
  }

  private static Node iri(String iri) {
    return NodeFactory.createURI(iri);
  }

  private static Node schema(String localName) {
    return iri(SCHEMA + localName);
  }
}
