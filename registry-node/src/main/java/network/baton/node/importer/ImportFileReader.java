package network.baton.node.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import network.baton.node.resources.RdfNesting;
import network.baton.node.resources.RdfSyntaxException;
import network.baton.vocab.ContextLoader;
import network.baton.vocab.InputLimitException;
import network.baton.vocab.JsonLdInputException;
import network.baton.vocab.JsonLimits;
import network.baton.vocab.NotUtf8Exception;
import network.baton.vocab.ResourceKind;
import network.baton.vocab.SampleContent;
import network.baton.vocab.Schema;
import network.baton.vocab.SchemaNormalizer;
import network.baton.vocab.StrictUtf8;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;

/**
 * Reads an import file (Turtle, N-Triples or JSON-LD with the bundled contexts), resolving relative
 * IRIs against the node's base URL, and cuts it into one {@link ImportItem} per resource: each
 * subject typed with a BATON class ({@link SampleContent#resourcesByKind}) with the triples about
 * it and the blank nodes reachable from it.
 */
public final class ImportFileReader {

  private static final Set<Node> RESOURCE_CLASSES =
      Set.of(
          Schema.EducationalOrganization.asNode(),
          Schema.CollegeOrUniversity.asNode(),
          Schema.HighSchool.asNode(),
          Schema.EducationalOccupationalProgram.asNode(),
          Schema.Course.asNode(),
          Schema.LearningResource.asNode());

  private final ContextLoader contexts;
  private final String base;
  private final int maxNestingDepth;

  /**
   * A reader resolving relative IRIs against baseUrl (a slash is added when missing), with the
   * default nesting limit.
   */
  public ImportFileReader(ContextLoader contexts, String baseUrl) {
    this(contexts, baseUrl, JsonLimits.DEFAULT_MAX_DEPTH);
  }

  /**
   * A reader as above refusing a file nested deeper than maxNestingDepth (brackets, objects and
   * arrays), which would overflow the parser's stack. The file's size is the operator's: no other
   * limit applies.
   */
  public ImportFileReader(ContextLoader contexts, String baseUrl, int maxNestingDepth) {
    this.contexts = contexts;
    this.base = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
    this.maxNestingDepth = maxNestingDepth;
  }

  /**
   * Reads and splits one file; parse errors become a rejection of the file with line and column.
   */
  public ParsedFile read(Path file) {
    String source = file.toString();
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    Graph graph;
    try {
      String text = StrictUtf8.decode(bytes);
      graph = parse(text, ImportFormat.of(file, text));
    } catch (NotUtf8Exception | InputLimitException e) {
      return ParsedFile.unreadable(source, e.getMessage());
    } catch (RdfSyntaxException e) {
      return ParsedFile.unreadable(source, "parse error: " + e.describe());
    }
    return split(source, graph);
  }

  /**
   * Parses text in a format; fails with RdfSyntaxException carrying line and column when known, or
   * InputLimitException for text nested deeper than the reader's limit.
   */
  public Graph parse(String text, ImportFormat format) {
    if (format == ImportFormat.JSONLD) {
      JsonLimits.depthOnly(maxNestingDepth).check(text);
      try {
        return contexts.parseJsonLd(text, base);
      } catch (JsonLdInputException e) {
        // The vocabulary's message repeats the position that describe() puts first.
        String message =
            e.getMessage()
                .replaceFirst(
                    "^malformed JSON at line -?\\d+, column -?\\d+: ", "malformed JSON: ");
        throw new RdfSyntaxException(message, e.line(), e.column());
      }
    }
    RdfNesting.check(text, maxNestingDepth);
    Graph graph = GraphFactory.createDefaultGraph();
    try {
      RDFParser.fromString(text, format.lang())
          .base(base)
          .errorHandler(RdfSyntaxException.errorHandler())
          .parse(graph);
    } catch (RiotException e) {
      throw new RdfSyntaxException(e.getMessage(), -1, -1);
    }
    return SchemaNormalizer.normalize(graph);
  }

  /**
   * Cuts a graph into resources; typed blank-node resources are rejected (a resource needs an IRI).
   */
  public ParsedFile split(String source, Graph graph) {
    List<ImportItem> items = new ArrayList<>();
    Set<Triple> covered = new HashSet<>();
    for (String iri : SampleContent.resourceIris(graph)) {
      Graph resource = closure(graph, NodeFactory.createURI(iri));
      resource.find().forEachRemaining(covered::add);
      items.add(new ImportItem(source, iri, resource));
    }
    List<Rejection> rejected = new ArrayList<>();
    for (Triple typed : graph.find(Node.ANY, RDF.type.asNode(), Node.ANY).toList()) {
      if (typed.getSubject().isBlank()
          && RESOURCE_CLASSES.contains(typed.getObject())
          && !covered.contains(typed)) {
        Graph resource = closure(graph, typed.getSubject());
        resource.find().forEachRemaining(covered::add);
        rejected.add(
            Rejection.of(
                source,
                "_:" + typed.getSubject().getBlankNodeLabel() + " " + ResourceKind.in(resource),
                "a resource needs an IRI of its own (\"id\": \"resources/...\"), not a blank node"));
      }
    }
    return new ParsedFile(source, items, rejected, graph.size() - covered.size());
  }

  private static Graph closure(Graph graph, Node subject) {
    Graph result = GraphFactory.createDefaultGraph();
    Deque<Node> todo = new ArrayDeque<>();
    Set<Node> seen = new HashSet<>();
    todo.add(subject);
    seen.add(subject);
    while (!todo.isEmpty()) {
      Node node = todo.poll();
      for (Triple t : graph.find(node, Node.ANY, Node.ANY).toList()) {
        result.add(t);
        if (t.getObject().isBlank() && seen.add(t.getObject())) {
          todo.add(t.getObject());
        }
      }
    }
    return result;
  }
}
