package network.baton.node.search;

import static java.util.Objects.requireNonNull;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;

/**
 * What search needs to know about one stored resource, read from its named graph: types, names,
 * description snippets, taught skills, levels, licences and languages.
 */
record ResourceFacts(
    String iri,
    Set<String> types,
    Map<String, String> names,
    Map<String, String> descriptions,
    Set<String> skills,
    Set<String> levels,
    Set<String> licenses,
    Set<String> languages) {

  /** Preference when a resource has several types: the kinds MODEL.md lists first. */
  private static final List<String> TYPE_PREFERENCE =
      List.of(
          "EducationalOccupationalProgram",
          "Course",
          "LearningResource",
          "CollegeOrUniversity",
          "HighSchool",
          "EducationalOrganization");

  ResourceFacts {
    requireNonNull(iri, "iri");
    types = Set.copyOf(types);
    names = Map.copyOf(names);
    descriptions = Map.copyOf(descriptions);
    skills = Set.copyOf(skills);
    levels = Set.copyOf(levels);
    licenses = Set.copyOf(licenses);
    languages = Set.copyOf(languages);
  }

  /**
   * Reads the resource stored as graph {@code iri} (call inside a transaction); null when the graph
   * does not hold a resource of a type search knows.
   */
  static ResourceFacts read(DatasetGraph dsg, String iri) {
    Node g = NodeFactory.createURI(iri);
    Builder builder = new Builder(iri);
    Iterator<Quad> quads = dsg.find(g, g, Node.ANY, Node.ANY);
    while (quads.hasNext()) {
      Quad quad = quads.next();
      builder.accept(quad.getPredicate(), quad.getObject());
    }
    return builder.build();
  }

  /** Collects the statements about one resource; descriptions are kept as snippets only. */
  static final class Builder {
    private final String iri;
    private final Set<String> types = new TreeSet<>();
    private final Map<String, String> names = new TreeMap<>();
    private final Map<String, String> descriptions = new TreeMap<>();
    private final Set<String> skills = new TreeSet<>();
    private final Set<String> levels = new TreeSet<>();
    private final Set<String> licenses = new TreeSet<>();
    private final Set<String> languages = new TreeSet<>();

    Builder(String iri) {
      this.iri = iri;
    }

    /** Takes one statement about the resource; statements search does not use are ignored. */
    void accept(Node p, Node o) {
      if (p.equals(SearchTerms.TYPE)) {
        if (o.isURI() && SearchTerms.TYPES.containsValue(o.getURI())) {
          types.add(o.getURI());
        }
      } else if (p.equals(SearchTerms.NAME)) {
        putText(names, o);
      } else if (p.equals(SearchTerms.DESCRIPTION)) {
        putText(descriptions, o);
      } else if (p.equals(SearchTerms.TEACHES)) {
        addUri(skills, o);
      } else if (p.equals(SearchTerms.EDUCATIONAL_LEVEL)) {
        addUri(levels, o);
      } else if (p.equals(SearchTerms.LICENSE)) {
        addUri(licenses, o);
      } else if (p.equals(SearchTerms.IN_LANGUAGE) && o.isLiteral()) {
        languages.add(SearchTerms.normaliseLanguage(o.getLiteralLexicalForm()));
      }
    }

    /** The facts, or null when no type search knows was seen. */
    ResourceFacts build() {
      if (types.isEmpty()) {
        return null;
      }
      Map<String, String> snippets = new TreeMap<>();
      descriptions.forEach((lang, text) -> snippets.put(lang, SearchHit.snippet(text)));
      return new ResourceFacts(iri, types, names, snippets, skills, levels, licenses, languages);
    }
  }

  /**
   * The short name of the type shown in a hit (the most specific of the kinds a node publishes).
   */
  String primaryType() {
    for (String preferred : TYPE_PREFERENCE) {
      if (types.contains(SearchTerms.SCHEMA + preferred)) {
        return preferred;
      }
    }
    return SearchTerms.shortType(types.iterator().next());
  }

  /**
   * The name to list this resource by: in the first wanted language it has, else English, Japanese,
   * any.
   */
  String sortName(List<String> wantedLanguages) {
    for (String lang : wantedLanguages) {
      if (names.containsKey(lang)) {
        return names.get(lang);
      }
    }
    if (names.containsKey("en")) {
      return names.get("en");
    }
    if (names.containsKey("ja")) {
      return names.get("ja");
    }
    return names.isEmpty() ? iri : new TreeMap<>(names).firstEntry().getValue();
  }

  /**
   * One text per language; of several, the smallest, so the choice does not depend on storage
   * order.
   */
  private static void putText(Map<String, String> texts, Node o) {
    if (!o.isLiteral()) {
      return;
    }
    String lang = SearchTerms.normaliseLanguage(o.getLiteralLanguage());
    String text = o.getLiteralLexicalForm();
    texts.merge(lang, text, (a, b) -> a.compareTo(b) <= 0 ? a : b);
  }

  private static void addUri(Set<String> values, Node o) {
    if (o.isURI()) {
      values.add(o.getURI());
    }
  }
}
