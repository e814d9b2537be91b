package network.baton.vocab;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphUtil;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.graph.GraphReadOnly;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;

/**
 * What one SKOS concept says about itself in a graph, read leniently so that the integrity checks
 * of {@link SkillFramework} and {@link EducationalLevels} can report what is wrong instead of
 * failing on the first problem.
 */
record ConceptData(
    String iri,
    List<String> notations,
    Map<String, List<String>> prefLabels,
    Map<String, List<String>> altLabels,
    Map<String, List<String>> definitions,
    List<String> broader,
    List<String> narrower,
    boolean typedConcept,
    boolean inScheme,
    boolean topConceptOf) {

  /** Reads the concept {@code concept} of the scheme {@code scheme} from {@code model}. */
  static ConceptData read(Model model, Resource concept, Resource scheme) {
    Resource c = concept.inModel(model);
    return new ConceptData(
        concept.getURI(),
        lexicalForms(c, SKOS.notation),
        byLanguage(c, SKOS.prefLabel),
        byLanguage(c, SKOS.altLabel),
        byLanguage(c, SKOS.definition),
        iris(c, SKOS.broader),
        iris(c, SKOS.narrower),
        c.hasProperty(RDF.type, SKOS.Concept),
        c.hasProperty(SKOS.inScheme, scheme),
        c.hasProperty(SKOS.topConceptOf, scheme));
  }

  /** The IRIs of everything the graph says belongs to {@code scheme}, sorted. */
  static Set<String> conceptIris(Model model, Resource scheme, String namespace) {
    Set<String> iris = new TreeSet<>();
    model.listSubjectsWithProperty(SKOS.inScheme, scheme).forEach(r -> addIri(iris, r));
    model.listSubjectsWithProperty(SKOS.topConceptOf, scheme).forEach(r -> addIri(iris, r));
    model
        .listObjectsOfProperty(scheme.inModel(model), SKOS.hasTopConcept)
        .forEach(n -> addIri(iris, n));
    model
        .listSubjectsWithProperty(RDF.type, SKOS.Concept)
        .filterKeep(r -> r.isURIResource() && r.getURI().startsWith(namespace))
        .forEach(r -> addIri(iris, r));
    iris.remove(scheme.getURI());
    return iris;
  }

  /**
   * The one value of a language map entry, or null when absent; the first in order when several.
   */
  static Map<String, String> firstByLanguage(Map<String, List<String>> values) {
    Map<String, String> first = new TreeMap<>();
    values.forEach((lang, list) -> first.put(lang, list.get(0)));
    return first;
  }

  private static void addIri(Set<String> iris, RDFNode node) {
    if (node.isURIResource()) {
      iris.add(node.asResource().getURI());
    }
  }

  private static List<String> lexicalForms(Resource r, Property p) {
    List<String> values = new ArrayList<>();
    r.listProperties(p)
        .forEach(
            s ->
                values.add(
                    s.getObject().isLiteral()
                        ? s.getLiteral().getLexicalForm()
                        : s.getObject().toString()));
    values.sort(Comparator.naturalOrder());
    return List.copyOf(values);
  }

  private static List<String> iris(Resource r, Property p) {
    List<String> values = new ArrayList<>();
    r.listProperties(p)
        .filterKeep(s -> s.getObject().isURIResource())
        .forEach(s -> values.add(s.getResource().getURI()));
    values.sort(Comparator.naturalOrder());
    return List.copyOf(values);
  }

  private static Map<String, List<String>> byLanguage(Resource r, Property p) {
    Map<String, List<String>> values = new TreeMap<>();
    r.listProperties(p)
        .filterKeep(s -> s.getObject().isLiteral())
        .forEach(
            s -> {
              Literal literal = s.getLiteral();
              String lang = literal.getLanguage().toLowerCase(Locale.ROOT);
              values.computeIfAbsent(lang, k -> new ArrayList<>()).add(literal.getLexicalForm());
            });
    values.replaceAll((lang, list) -> list.stream().sorted().toList());
    return values;
  }

  /** A read-only copy of a graph holding a scheme, so later changes to the source do not show. */
  static Graph readOnlyCopy(Graph source) {
    Graph copy = GraphFactory.createDefaultGraph();
    GraphUtil.addInto(copy, source);
    return new GraphReadOnly(copy);
  }

  /** Not typed skos:Concept, or not in the scheme with namespace {@code ns}. */
  List<String> membershipProblems(String ns) {
    List<String> problems = new ArrayList<>();
    if (!typedConcept) {
      problems.add(iri + ": not typed skos:Concept");
    }
    if (!inScheme) {
      problems.add(iri + ": no skos:inScheme " + ns);
    }
    return problems;
  }

  /** Not exactly one skos:prefLabel in Japanese and in English, or no English definition. */
  List<String> labelProblems() {
    List<String> problems = new ArrayList<>();
    for (String lang : List.of("ja", "en")) {
      int count = prefLabels.getOrDefault(lang, List.of()).size();
      if (count != 1) {
        problems.add(
            iri + ": has " + count + " skos:prefLabel in '" + lang + "', needs exactly one");
      }
    }
    if (!definitions.containsKey("en")) {
      problems.add(iri + ": no skos:definition in 'en'");
    }
    return problems;
  }

  /**
   * Not exactly one notation; else the notation breaking the scheme's own rule ({@code rule} gives
   * the problem, or null), the IRI not the namespace plus the notation, or the notation already
   * used by another concept in {@code owners} (notation to IRI, filled in as concepts are checked).
   */
  List<String> notationProblems(
      String ns, Map<String, String> owners, Function<String, String> rule) {
    List<String> problems = new ArrayList<>();
    if (notations.size() != 1) {
      problems.add(iri + ": has " + notations.size() + " skos:notation, needs exactly one");
      return problems;
    }
    String notation = notations.get(0);
    String broken = rule.apply(notation);
    if (broken != null) {
      problems.add(iri + ": " + broken);
    }
    if (!iri.equals(ns + notation)) {
      problems.add(iri + ": IRI does not equal the namespace plus the notation '" + notation + "'");
    }
    String other = owners.putIfAbsent(notation, iri);
    if (other != null) {
      problems.add(iri + ": notation '" + notation + "' is also used by " + other);
    }
    return problems;
  }
}
