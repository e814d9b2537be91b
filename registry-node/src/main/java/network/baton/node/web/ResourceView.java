package network.baton.node.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import network.baton.node.resources.ResourceFormat;
import network.baton.node.web.SearchView.Link;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.vocabulary.RDF;

/**
 * A resource's linked data in human form: name and description in the page language, skills as
 * framework labels linked to their pages, level, licence, languages, parts and wholes, every
 * statement, and links to every RDF format.
 */
public record ResourceView(
    String iri,
    String title,
    List<String> otherNames,
    String description,
    List<String> types,
    List<Link> teaches,
    List<Link> assesses,
    List<String> levels,
    List<Link> licenses,
    List<String> languages,
    List<Link> parts,
    List<Link> partOf,
    List<Link> providers,
    List<Link> formats,
    List<Statement> statements) {

  /** One statement about the resource: property (short name and IRI) and value (maybe a link). */
  public record Statement(String property, String propertyIri, String value, String href) {}

  private static final String SCHEMA = "http://schema.org/";

  public ResourceView {
    otherNames = List.copyOf(otherNames);
  }

  /**
   * The view of iri as described in graph; {@code names} gives the name of another resource (a
   * part, the provider) in the page language when the node holds it.
   */
  public static ResourceView of(
      Graph graph,
      String iri,
      Labels labels,
      PageLanguage language,
      Function<String, Optional<String>> names,
      PrefixMapping prefixes) {
    Node subject = NodeFactory.createURI(iri);
    Map<String, String> nameByLang = texts(graph, subject, "name");
    String title = pick(nameByLang, language).orElse(iri);
    List<String> otherNames =
        nameByLang.values().stream().filter(n -> !n.equals(title)).distinct().toList();
    String description = pick(texts(graph, subject, "description"), language).orElse("");
    List<String> types =
        iris(graph, subject, RDF.type.asNode()).stream()
            .map(t -> labels.type(t, language))
            .toList();
    Function<String, Link> skill = s -> new Link(labels.skill(s, language), labels.skillHref(s));
    Function<String, Link> named = r -> new Link(names.apply(r).orElse(r), Links.safeHref(r));
    List<Link> formats = new ArrayList<>();
    for (ResourceFormat format : ResourceFormat.values()) {
      if (format != ResourceFormat.HTML) {
        formats.add(new Link(format.mediaType(), "?format=" + format.shortName()));
      }
    }
    List<Statement> statements = new ArrayList<>();
    graph
        .find(subject, Node.ANY, Node.ANY)
        .forEachRemaining(t -> statements.add(statement(t, prefixes)));
    statements.sort(Comparator.comparing(Statement::property).thenComparing(Statement::value));
    return new ResourceView(
        iri,
        title,
        otherNames,
        description,
        types,
        schema(graph, subject, "teaches").stream().map(skill).toList(),
        schema(graph, subject, "assesses").stream().map(skill).toList(),
        schema(graph, subject, "educationalLevel").stream()
            .map(l -> labels.level(l, language))
            .toList(),
        schema(graph, subject, "license").stream()
            .map(l -> new Link(labels.license(l), Links.safeHref(l)))
            .toList(),
        literalsAndIris(graph, subject, "inLanguage").stream()
            .map(tag -> labels.language(tag, language))
            .toList(),
        concat(schema(graph, subject, "hasPart"), schema(graph, subject, "hasCourse"), named),
        schema(graph, subject, "isPartOf").stream().map(named).toList(),
        concat(schema(graph, subject, "provider"), schema(graph, subject, "publisher"), named),
        formats,
        statements);
  }

  /** The IRIs this resource links to whose names the page shows (parts, wholes, providers). */
  public static List<String> linkedIris(Graph graph, String iri) {
    Node subject = NodeFactory.createURI(iri);
    List<String> linked = new ArrayList<>();
    for (String property : List.of("hasPart", "hasCourse", "isPartOf", "provider", "publisher")) {
      linked.addAll(schema(graph, subject, property));
    }
    return linked;
  }

  private static List<Link> concat(List<String> a, List<String> b, Function<String, Link> link) {
    List<String> all = new ArrayList<>(a);
    b.stream().filter(x -> !all.contains(x)).forEach(all::add);
    return all.stream().map(link).toList();
  }

  private static Statement statement(Triple t, PrefixMapping prefixes) {
    String shortName = prefixes.shortForm(t.getPredicate().getURI());
    String property = Links.safeHref(t.getPredicate().getURI());
    Node object = t.getObject();
    if (object.isURI()) {
      return new Statement(
          shortName,
          property,
          prefixes.shortForm(object.getURI()),
          Links.safeHref(object.getURI()));
    }
    if (object.isLiteral()) {
      String lang = object.getLiteralLanguage();
      String value = object.getLiteralLexicalForm() + (lang.isEmpty() ? "" : " @" + lang);
      return new Statement(shortName, property, value, null);
    }
    return new Statement(shortName, property, "_:" + object.getBlankNodeLabel(), null);
  }

  static Optional<String> pick(Map<String, String> texts, PageLanguage language) {
    String text = texts.get(language.tag());
    if (text == null) {
      text = texts.get(language.other().tag());
    }
    if (text == null) {
      text = texts.get("");
    }
    if (text == null && !texts.isEmpty()) {
      text = texts.values().iterator().next();
    }
    return Optional.ofNullable(text);
  }

  private static Map<String, String> texts(Graph graph, Node subject, String property) {
    Map<String, String> texts = new java.util.LinkedHashMap<>();
    graph
        .find(subject, NodeFactory.createURI(SCHEMA + property), Node.ANY)
        .forEachRemaining(
            t -> {
              if (t.getObject().isLiteral()) {
                String lang = t.getObject().getLiteralLanguage().toLowerCase(java.util.Locale.ROOT);
                texts.putIfAbsent(lang.split("-", 2)[0], t.getObject().getLiteralLexicalForm());
              }
            });
    return texts;
  }

  private static List<String> schema(Graph graph, Node subject, String property) {
    return iris(graph, subject, NodeFactory.createURI(SCHEMA + property));
  }

  private static List<String> iris(Graph graph, Node subject, Node property) {
    List<String> values = new ArrayList<>();
    graph
        .find(subject, property, Node.ANY)
        .forEachRemaining(
            t -> {
              if (t.getObject().isURI()) {
                values.add(t.getObject().getURI());
              }
            });
    values.sort(String::compareTo);
    return values;
  }

  private static List<String> literalsAndIris(Graph graph, Node subject, String property) {
    List<String> values = new ArrayList<>();
    graph
        .find(subject, NodeFactory.createURI(SCHEMA + property), Node.ANY)
        .forEachRemaining(
            t ->
                values.add(
                    t.getObject().isLiteral()
                        ? t.getObject().getLiteralLexicalForm()
                        : t.getObject().toString()));
    values.sort(String::compareTo);
    return values;
  }
}
