package network.baton.node.search;

import static java.util.Objects.requireNonNull;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import network.baton.vocab.SampleContent;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;

/**
 * Any number of resources made from the sample content, for benchmarks (50,000 for local search):
 * copy {@code i} takes sample resource {@code i mod k} with a new IRI, a numbered name, and the
 * keywords of another sample resource added, so that text, skills, levels and licences keep the
 * sample's mix while no two copies are identical. Deterministic: the same count gives the same
 * resources.
 */
public final class BenchmarkResources {

  private static final Node KEYWORDS = SearchTerms.schema("keywords");

  /** One generated resource: its IRI (also its graph name) and its triples. */
  public record Generated(String iri, Graph graph) {
    public Generated {
      requireNonNull(iri, "iri");
      requireNonNull(graph, "graph");
    }
  }

  private record Template(
      String localName, Node subject, List<Triple> triples, List<Node> keywords) {}

  private final String baseUrl;
  private final List<Template> templates;

  private BenchmarkResources(String baseUrl, List<Template> templates) {
    this.baseUrl = baseUrl;
    this.templates = templates;
  }

  /** Templates from every resource of every sample institution, with IRIs under {@code baseUrl}. */
  public static BenchmarkResources fromSample(SampleContent sample, String baseUrl) {
    String base = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
    List<Template> templates = new ArrayList<>();
    for (SampleContent.Institution institution : sample.institutions()) {
      Graph graph = sample.load(institution, base);
      for (String iri : SampleContent.resourceIris(graph)) {
        Node subject = NodeFactory.createURI(iri);
        List<Triple> triples = describe(graph, subject);
        List<Node> keywords =
            triples.stream()
                .filter(t -> t.getPredicate().equals(KEYWORDS))
                .map(Triple::getObject)
                .toList();
        String localName = institution.key() + "-" + iri.substring(iri.lastIndexOf('/') + 1);
        templates.add(new Template(localName, subject, triples, keywords));
      }
    }
    if (templates.isEmpty()) {
      throw new IllegalStateException("sample content has no resources");
    }
    return new BenchmarkResources(base, List.copyOf(templates));
  }

  /** How many distinct sample resources the copies cycle through. */
  public int templateCount() {
    return templates.size();
  }

  /** Resources 0 to {@code count - 1}, made lazily. */
  public Stream<Generated> generate(int count) {
    return IntStream.range(0, count).mapToObj(this::resource);
  }

  /** Resource number {@code i}. */
  public Generated resource(int i) {
    Template template = templates.get(i % templates.size());
    Template donor = templates.get((i * 7 + 3) % templates.size());
    Node subject =
        NodeFactory.createURI(baseUrl + "resources/gen-" + i + "-" + template.localName());
    Graph graph = GraphFactory.createDefaultGraph();
    for (Triple t : template.triples()) {
      Node s = t.getSubject().equals(template.subject()) ? subject : t.getSubject();
      Node o = t.getObject();
      if (s == subject && t.getPredicate().equals(SearchTerms.NAME) && o.isLiteral()) {
        o =
            NodeFactory.createLiteralLang(
                o.getLiteralLexicalForm() + " " + i, o.getLiteralLanguage());
      }
      graph.add(Triple.create(s, t.getPredicate(), o));
    }
    donor.keywords().forEach(k -> graph.add(Triple.create(subject, KEYWORDS, k)));
    return new Generated(subject.getURI(), graph);
  }

  /** Writes resources 0 to {@code count - 1} into {@code dsg}, one named graph each, in batches. */
  public void writeTo(DatasetGraph dsg, int count, int batchSize) {
    for (int from = 0; from < count; from += batchSize) {
      int to = Math.min(count, from + batchSize);
      int start = from;
      Txn.executeWrite(
          dsg,
          () ->
              IntStream.range(start, to)
                  .mapToObj(this::resource)
                  .forEach(r -> dsg.addGraph(NodeFactory.createURI(r.iri()), r.graph())));
    }
  }

  /** The triples about {@code subject} and, recursively, about the blank nodes it points to. */
  private static List<Triple> describe(Graph graph, Node subject) {
    List<Triple> triples = new ArrayList<>();
    Set<Node> seen = new HashSet<>();
    Deque<Node> todo = new ArrayDeque<>();
    todo.add(subject);
    while (!todo.isEmpty()) {
      Node node = todo.poll();
      if (!seen.add(node)) {
        continue;
      }
      graph
          .find(node, Node.ANY, Node.ANY)
          .forEachRemaining(
              t -> {
                triples.add(t);
                if (t.getObject().isBlank()) {
                  todo.add(t.getObject());
                }
              });
    }
    return triples;
  }
}
