package network.baton.vocab;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;

/**
 * The BATON educational levels ({@code https://w3id.org/baton/level/}) with their ISCED 2011
 * mappings. Immutable and thread-safe; build it once and share it.
 */
public final class EducationalLevels extends ConceptScheme<Level> {

  private EducationalLevels(Graph graph, List<Level> all, List<String> problems) {
    super("educational levels", graph, all, problems);
  }

  /** The levels bundled in this module ({@code baton/levels.ttl}); fails if they are broken. */
  public static EducationalLevels load() {
    return bundled(from(VocabResources.levels()));
  }

  /**
   * Levels read from any graph holding the scheme; broken data is listed in {@link
   * #integrityProblems()}.
   */
  public static EducationalLevels from(Graph source) {
    Graph readOnly = ConceptData.readOnlyCopy(source);
    Model model = ModelFactory.createModelForGraph(readOnly);

    List<String> problems = new ArrayList<>();
    if (!model.contains(Levels.SCHEME, RDF.type, SKOS.ConceptScheme)) {
      problems.add(Levels.NS + ": scheme is not typed skos:ConceptScheme");
    }
    List<Level> levels = new ArrayList<>();
    Map<String, String> notationOwner = new HashMap<>();
    for (String iri : ConceptData.conceptIris(model, Levels.SCHEME, Levels.NS)) {
      ConceptData c = ConceptData.read(model, model.createResource(iri), Levels.SCHEME);
      String notation = c.notations().isEmpty() ? iri : c.notations().get(0);
      problems.addAll(problemsOf(c, notationOwner));
      List<IscedMatch> matches = new ArrayList<>();
      for (MappingRelation relation : MappingRelation.values()) {
        Resource concept = model.createResource(iri);
        model
            .listObjectsOfProperty(concept, relation.property())
            .filterKeep(
                n -> n.isURIResource() && n.asResource().getURI().startsWith(Levels.ISCED_2011_NS))
            .forEach(
                n -> {
                  String target = n.asResource().getURI();
                  if (IscedMatch.isIscedLevel(target)) {
                    matches.add(new IscedMatch(relation, target));
                  } else {
                    problems.add(iri + ": " + target + " is not an ISCED 2011 level IRI");
                  }
                });
      }
      matches.sort((a, b) -> a.target().compareTo(b.target()));
      levels.add(
          new Level(
              iri,
              notation,
              ConceptData.firstByLanguage(c.prefLabels()),
              ConceptData.firstByLanguage(c.definitions()),
              matches));
    }
    levels.sort((a, b) -> a.notation().compareTo(b.notation()));
    return new EducationalLevels(readOnly, levels, problems);
  }

  private static List<String> problemsOf(ConceptData c, Map<String, String> notationOwner) {
    List<String> problems = c.membershipProblems(Levels.NS);
    if (!c.topConceptOf()) {
      problems.add(c.iri() + ": no skos:topConceptOf " + Levels.NS + " (the scheme is flat)");
    }
    problems.addAll(c.labelProblems());
    problems.addAll(c.notationProblems(Levels.NS, notationOwner, notation -> null));
    return problems;
  }
}
