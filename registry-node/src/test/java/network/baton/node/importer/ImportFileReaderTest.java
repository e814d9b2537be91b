package network.baton.node.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import network.baton.node.resources.RdfSyntaxException;
import network.baton.vocab.ContextLoader;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportFileReaderTest {

  private static final String BASE = "http://node.test";
  private final ImportFileReader reader = new ImportFileReader(ContextLoader.bundled(), BASE);

  @TempDir Path folder;

  @Test
  void eachTypedSubjectBecomesOneResourceWithTheBlankNodesItReaches() throws IOException {
    Path file =
        Files.writeString(
            folder.resolve("two.ttl"),
            """
            @prefix schema: <https://schema.org/> .
            <resources/a> a schema:EducationalOrganization ; schema:name "A"@en ;
              schema:address [ schema:addressLocality "Kobe" ; schema:geo [ schema:latitude 34.69 ] ] .
            <resources/b> a schema:Course ; schema:name "B"@en ; schema:publisher <resources/a> .
            <https://elsewhere.example/note> schema:text "not a resource" .
            """);

    ParsedFile parsed = reader.read(file);

    assertThat(parsed.items())
        .extracting(ImportItem::iri)
        .containsExactly(BASE + "/resources/a", BASE + "/resources/b");
    ImportItem a = parsed.items().get(0);
    assertThat(a.graph().size()).isEqualTo(6);
    assertThat(
            a.graph()
                .contains(Node.ANY, NodeFactory.createURI("http://schema.org/latitude"), Node.ANY))
        .as("https://schema.org/ is normalised and nested blank nodes come along")
        .isTrue();
    assertThat(parsed.items().get(1).graph().size()).isEqualTo(3);
    assertThat(parsed.otherTriples()).isEqualTo(1);
    assertThat(parsed.rejected()).isEmpty();
  }

  @Test
  void turtleSyntaxErrorRejectsTheFileWithLineAndColumn() throws IOException {
    Path file =
        Files.writeString(
            folder.resolve("bad.ttl"),
            "@prefix schema: <http://schema.org/> .\n\n<a> schema:name \"x\" ;\n  schema:url .\n");

    ParsedFile parsed = reader.read(file);

    assertThat(parsed.items()).isEmpty();
    assertThat(parsed.rejected())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.iri()).isEqualTo(file.toString());
              assertThat(r.reasons())
                  .singleElement()
                  .asString()
                  .startsWith("parse error: line 4, column ");
            });
  }

  @Test
  void malformedJsonIsReportedWithItsPosition() {
    assertThatThrownBy(
            () ->
                reader.parse(
                    "{\n  \"@context\": \"https://w3id.org/baton/context/v1\",\n  \"id\": }",
                    ImportFormat.JSONLD))
        .isInstanceOfSatisfying(
            RdfSyntaxException.class,
            e -> {
              assertThat(e.line()).isEqualTo(3);
              assertThat(e.describe()).startsWith("line 3, column ").containsOnlyOnce("line 3");
            });
  }

  @Test
  void formatFollowsTheExtensionAndOtherwiseTheContent() {
    assertThat(ImportFormat.of(Path.of("a.ttl"), "{")).isEqualTo(ImportFormat.TURTLE);
    assertThat(ImportFormat.of(Path.of("a.nt"), "")).isEqualTo(ImportFormat.NTRIPLES);
    assertThat(ImportFormat.of(Path.of("a.json"), "")).isEqualTo(ImportFormat.JSONLD);
    assertThat(ImportFormat.of(Path.of("a.jsonld"), "")).isEqualTo(ImportFormat.JSONLD);
    assertThat(ImportFormat.of(Path.of("data"), "  {\"@context\": {}}"))
        .isEqualTo(ImportFormat.JSONLD);
    assertThat(ImportFormat.of(Path.of("data"), "@prefix s: <http://schema.org/> ."))
        .isEqualTo(ImportFormat.TURTLE);
  }
}
