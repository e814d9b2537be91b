package network.baton.node.resources;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import network.baton.node.store.GraphRewrite;
import network.baton.node.store.ResourceDraft;
import network.baton.node.store.ResourceIds;
import network.baton.node.store.StoreException;
import network.baton.vocab.JsonLimits;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;

/**
 * Turns a request body (Turtle, N-Triples or JSON-LD) into a {@link ResourceDraft}: parses with
 * positions in errors, rewrites https://schema.org/ to http://schema.org/, and finds the one
 * resource the document describes.
 */
public final class ResourceReader {

  private static final String SCHEMA_HTTPS = "https://schema.org/";
  private static final String SCHEMA_HTTP = "http://schema.org/";
  private static final Node SCHEMA_NAME = NodeFactory.createURI(SCHEMA_HTTP + "name");

  private final ResourceIds ids;
  private final RdfParsing jsonLd;
  private final JsonLimits limits;
  private final ObjectMapper json =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /** A reader for a node's ids, parsing JSON-LD with the given (offline) parser. */
  public ResourceReader(ResourceIds ids, RdfParsing jsonLd) {
    this(ids, jsonLd, JsonLimits.defaults());
  }

  /**
   * A reader refusing, before it parses them, bodies nested deeper than the limits' depth and
   * JSON-LD over their counts (fails with InputLimitException).
   */
  public ResourceReader(ResourceIds ids, RdfParsing jsonLd, JsonLimits limits) {
    this.ids = ids;
    this.jsonLd = jsonLd;
    this.limits = limits;
  }

  /** Whether the reader accepts this RDF language as input. */
  public static boolean accepts(Lang lang) {
    return RDFLanguages.TURTLE.equals(lang)
        || RDFLanguages.NTRIPLES.equals(lang)
        || RDFLanguages.JSONLD.equals(lang);
  }

  /** Parses a body into a draft; fails with RdfSyntaxException or StoreException(INVALID). */
  public ResourceDraft read(String body, Lang lang) {
    return draft(parse(body, lang));
  }

  /**
   * Whether the reader accepts this RDF dataset language for a batch (one resource per named
   * graph).
   */
  public static boolean acceptsBatch(Lang lang) {
    return RDFLanguages.NQUADS.equals(lang) || RDFLanguages.TRIG.equals(lang);
  }

  /**
   * Parses an N-Quads or TriG body of several resources, one per named graph, into their graphs by
   * graph name in the order the names first appear; fails with RdfSyntaxException, or
   * StoreException(INVALID) for triples outside a named graph or a blank graph name.
   */
  public Map<String, Graph> readBatch(String body, Lang lang) {
    Map<String, Graph> graphs = new LinkedHashMap<>();
    StreamRDF collect =
        new StreamRDFBase() {
          @Override
          public void triple(Triple triple) {
            throw new StoreException(
                StoreException.Kind.INVALID,
                "put each resource in a named graph named after its IRI; this triple is in the"
                    + " default graph: "
                    + triple);
          }

          @Override
          public void quad(Quad quad) {
            if (quad.isDefaultGraph()) {
              triple(quad.asTriple());
            }
            if (!quad.getGraph().isURI()) {
              throw new StoreException(
                  StoreException.Kind.INVALID,
                  "a resource's graph must be named by its IRI, not " + quad.getGraph());
            }
            graphs
                .computeIfAbsent(quad.getGraph().getURI(), k -> GraphFactory.createDefaultGraph())
                .add(quad.asTriple());
          }
        };
    RdfNesting.check(body, limits.maxDepth());
    try {
      RDFParser.create()
          .source(new StringReader(body))
          .lang(lang)
          .base(ids.base() + "/")
          .errorHandler(RdfSyntaxException.errorHandler())
          .parse(collect);
    } catch (RdfSyntaxException | StoreException e) {
      throw e;
    } catch (RiotException e) {
      throw new RdfSyntaxException(e.getMessage(), -1, -1);
    }
    return graphs;
  }

  /**
   * The draft of one parsed resource: schema.org normalised, its one top-level subject found; fails
   * with StoreException(INVALID).
   */
  public ResourceDraft draft(Graph graph) {
    Graph parsed = normaliseSchemaOrg(graph);
    if (parsed.isEmpty()) {
      throw new StoreException(StoreException.Kind.INVALID, "the document has no triples");
    }
    Node subject = mainSubject(parsed);
    String requestedId = null;
    if (subject.isURI()) {
      String iri = subject.getURI();
      if (!iri.equals(ids.base()) && !iri.equals(ids.base() + "/")) {
        requestedId =
            ids.idOf(iri)
                .orElseThrow(
                    () ->
                        new StoreException(
                            StoreException.Kind.INVALID,
                            "the resource's IRI must be under "
                                + ids.iri("")
                                + " (or relative, e.g. \"resources/my-course\"): "
                                + iri));
      }
    }
    return new ResourceDraft(parsed, subject, requestedId, nameOf(parsed, subject));
  }

  /** Parses without normalising or choosing a subject. */
  public Graph parse(String body, Lang lang) {
    String base = ids.base() + "/";
    if (RDFLanguages.JSONLD.equals(lang)) {
      // The counts first: expanding 10,000 values of one array took minutes, refusing them takes
      // one streaming pass.
      limits.check(body);
      checkJson(body);
      return jsonLd.parseJsonLd(body, base);
    }
    RdfNesting.check(body, limits.maxDepth());
    Graph graph = GraphFactory.createDefaultGraph();
    try {
      RDFParser.create()
          .source(new StringReader(body))
          .lang(lang)
          .base(base)
          .errorHandler(RdfSyntaxException.errorHandler())
          .parse(graph);
    } catch (RdfSyntaxException e) {
      throw e;
    } catch (RiotException e) {
      throw new RdfSyntaxException(e.getMessage(), -1, -1);
    }
    return graph;
  }

  private void checkJson(String body) {
    try {
      json.readTree(body);
    } catch (JsonProcessingException e) {
      var where = e.getLocation();
      throw new RdfSyntaxException(
          "malformed JSON: " + e.getOriginalMessage(),
          where == null ? -1 : where.getLineNr(),
          where == null ? -1 : where.getColumnNr());
    }
  }

  /** A copy with every https://schema.org/ IRI rewritten to http://schema.org/ (MODEL.md). */
  public static Graph normaliseSchemaOrg(Graph graph) {
    return GraphRewrite.of(
        graph,
        t ->
            Triple.create(
                normalise(t.getSubject()), normalise(t.getPredicate()), normalise(t.getObject())));
  }

  private static Node normalise(Node node) {
    if (node.isURI() && node.getURI().startsWith(SCHEMA_HTTPS)) {
      return NodeFactory.createURI(SCHEMA_HTTP + node.getURI().substring(SCHEMA_HTTPS.length()));
    }
    return node;
  }

  /**
   * The resource the document is about: the typed subject that nothing else in the document points
   * at; when references go both ways (hasPart/isPartOf), the one typed IRI subject.
   */
  private static Node mainSubject(Graph graph) {
    Set<Node> typed = new HashSet<>();
    graph
        .find(Node.ANY, RDF.type.asNode(), Node.ANY)
        .forEachRemaining(t -> typed.add(t.getSubject()));
    if (typed.isEmpty()) {
      throw new StoreException(
          StoreException.Kind.INVALID,
          "the document has no typed subject (\"type\": \"Course\", ...)");
    }
    List<Node> roots = new ArrayList<>();
    for (Node node : typed) {
      if (!graph.find(Node.ANY, Node.ANY, node).hasNext()) {
        roots.add(node);
      }
    }
    if (roots.isEmpty()) {
      roots = typed.stream().filter(Node::isURI).toList();
    }
    if (roots.size() != 1) {
      List<String> names =
          roots.stream().map(Node::toString).sorted(Comparator.naturalOrder()).limit(5).toList();
      throw new StoreException(
          StoreException.Kind.INVALID,
          "one resource per request; the document describes "
              + roots.size()
              + " top-level subjects"
              + (names.isEmpty() ? "" : ": " + names));
    }
    return roots.get(0);
  }

  private static String nameOf(Graph graph, Node subject) {
    String any = "";
    for (Triple t : graph.find(subject, SCHEMA_NAME, Node.ANY).toList()) {
      if (t.getObject().isLiteral()) {
        String lang = t.getObject().getLiteralLanguage();
        if (lang.toLowerCase(java.util.Locale.ROOT).startsWith("en")) {
          return t.getObject().getLiteralLexicalForm();
        }
        any = t.getObject().getLiteralLexicalForm();
      }
    }
    return any;
  }
}
