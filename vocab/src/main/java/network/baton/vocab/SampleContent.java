package network.baton.vocab;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bundled sample content of three fictional member institutions (baton/sample/), written with
 * IRIs relative to a node's base URL so the same files load into any node.
 */
public final class SampleContent {

  /** Classpath folder of the sample files. */
  public static final String FOLDER = "baton/sample/";

  /** Path of each institution's own resource, relative to the node base. */
  public static final String INSTITUTION_PATH = "resources/institution";

  private static final Logger log = LoggerFactory.getLogger(SampleContent.class);

  private static final Set<Node> INSTITUTION_CLASSES =
      Set.of(
          Schema.EducationalOrganization.asNode(),
          Schema.CollegeOrUniversity.asNode(),
          Schema.HighSchool.asNode());

  /** A sample institution: its key, its file on the classpath and the file's RDF syntax. */
  public enum Institution {
    KOSEN("kosen", FOLDER + "kosen.jsonld", Lang.JSONLD),
    UNIVERSITY("university", FOLDER + "university.jsonld", Lang.JSONLD),
    HIGH_SCHOOL("highschool", FOLDER + "highschool.ttl", Lang.TURTLE);

    private final String key;
    private final String resource;
    private final Lang lang;

    Institution(String key, String resource, Lang lang) {
      this.key = key;
      this.resource = resource;
      this.lang = lang;
    }

    /** Short key used on the command line and in reports: kosen, university, highschool. */
    public String key() {
      return key;
    }

    /** Classpath location of the sample file. */
    public String resource() {
      return resource;
    }

    /** RDF syntax of the file ({@link Lang#JSONLD} or {@link Lang#TURTLE}). */
    public Lang lang() {
      return lang;
    }

    /** Media type of the file, as a client would send it to a node. */
    public String mediaType() {
      return lang.getHeaderString();
    }

    private static final WireNames<Institution> KEYS =
        WireNames.of("institution", Institution.class, Institution::key);

    /** The institution with this key, if any. */
    public static Optional<Institution> byKey(String key) {
      return KEYS.find(key);
    }
  }

  private final ContextLoader contexts;

  private SampleContent(ContextLoader contexts) {
    this.contexts = contexts;
  }

  /** Sample content read with the bundled JSON-LD contexts. */
  public static SampleContent create() {
    return new SampleContent(ContextLoader.bundled());
  }

  /** Sample content read with the given context loader (share one loader across a node). */
  public static SampleContent create(ContextLoader contexts) {
    return new SampleContent(requireNonNull(contexts, "contexts"));
  }

  /** The institutions in a stable order. */
  public List<Institution> institutions() {
    return List.of(Institution.values());
  }

  /** The raw text of an institution's sample file (UTF-8), e.g. to POST it to a node. */
  public String text(Institution institution) {
    requireNonNull(institution, "institution");
    try (InputStream in =
        SampleContent.class.getClassLoader().getResourceAsStream(institution.resource())) {
      if (in == null) {
        throw new IllegalStateException(
            "sample file missing from classpath: " + institution.resource());
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read sample file " + institution.resource(), e);
    }
  }

  /**
   * Parses an institution's sample file into a new graph, relative IRIs resolved against the base
   * URL (a trailing slash is added when missing, so {@code resources/x} lands under the base).
   */
  public Graph load(Institution institution, String baseUrl) {
    requireNonNull(institution, "institution");
    String base = normalizeBase(baseUrl);
    String text = text(institution);
    Graph graph;
    try {
      if (institution.lang() == Lang.JSONLD) {
        graph = contexts.parseJsonLd(text, base);
      } else {
        graph = GraphFactory.createDefaultGraph();
        RDFParser.fromString(text, institution.lang()).base(base).parse(graph);
      }
    } catch (RiotException | JsonLdInputException e) {
      // Bundled files are checked by the tests; failing here means the build shipped a broken file.
      throw new IllegalStateException("sample file does not parse: " + institution.resource(), e);
    }
    log.debug(
        "sample content loaded [institution: {}, base: {}, triples: {}]",
        institution.key(),
        base,
        graph.size());
    return graph;
  }

  /** The IRI of an institution's own resource under a base URL. */
  public static String institutionIri(String baseUrl) {
    return normalizeBase(baseUrl) + INSTITUTION_PATH;
  }

  /**
   * The IRIs of the resources a node publishes from a graph: subjects typed as an institution,
   * curriculum, course (modules included) or learning resource. Sorted.
   */
  public static List<String> resourceIris(Graph graph) {
    Set<String> iris = new TreeSet<>();
    for (List<String> kind : resourcesByKind(graph).values()) {
      iris.addAll(kind);
    }
    return List.copyOf(iris);
  }

  /**
   * The resource IRIs of a graph by kind, each list sorted; a course with {@code schema:isPartOf}
   * is a module (vocab/MODEL.md). Every kind is present, possibly with an empty list.
   */
  public static Map<ResourceKind, List<String>> resourcesByKind(Graph graph) {
    requireNonNull(graph, "graph");
    Map<ResourceKind, Set<String>> sets = new EnumMap<>(ResourceKind.class);
    for (ResourceKind kind : ResourceKind.values()) {
      sets.put(kind, new TreeSet<>());
    }
    List<Triple> typed = graph.find(Node.ANY, RDF.type.asNode(), Node.ANY).toList();
    for (Triple t : typed) {
      Node subject = t.getSubject();
      if (!subject.isURI()) {
        continue;
      }
      kindOf(graph, subject, t.getObject()).ifPresent(k -> sets.get(k).add(subject.getURI()));
    }
    Map<ResourceKind, List<String>> kinds = new EnumMap<>(ResourceKind.class);
    sets.forEach((kind, iris) -> kinds.put(kind, List.copyOf(iris)));
    return kinds;
  }

  private static Optional<ResourceKind> kindOf(Graph graph, Node subject, Node type) {
    if (INSTITUTION_CLASSES.contains(type)) {
      return Optional.of(ResourceKind.INSTITUTION);
    }
    if (type.equals(Schema.EducationalOccupationalProgram.asNode())) {
      return Optional.of(ResourceKind.CURRICULUM);
    }
    if (type.equals(Schema.Course.asNode())) {
      boolean module = graph.contains(subject, Schema.isPartOf.asNode(), Node.ANY);
      return Optional.of(module ? ResourceKind.MODULE : ResourceKind.COURSE);
    }
    if (type.equals(Schema.LearningResource.asNode())) {
      return Optional.of(ResourceKind.LEARNING_RESOURCE);
    }
    return Optional.empty();
  }

  /** The base URL as an absolute http(s) IRI ending in a slash. */
  static String normalizeBase(String baseUrl) {
    requireNonNull(baseUrl, "baseUrl");
    URI uri;
    try {
      uri = new URI(baseUrl);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("base URL is not a valid IRI: " + baseUrl, e);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!uri.isAbsolute()
        || !(scheme.equals("http") || scheme.equals("https"))
        || uri.getHost() == null) {
      throw new IllegalArgumentException("base URL must be an absolute http(s) URL: " + baseUrl);
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new IllegalArgumentException("base URL must not have a query or fragment: " + baseUrl);
    }
    return baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
  }
}
