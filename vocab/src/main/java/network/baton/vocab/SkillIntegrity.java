package network.baton.vocab;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;

/** The integrity rules of the skills framework, kept apart from the lookups they protect. */
final class SkillIntegrity {

  private SkillIntegrity() {}

  static List<String> check(Model model, List<ConceptData> concepts, List<Skill> skills) {
    List<String> problems = new ArrayList<>();
    if (!model.contains(Skills.SCHEME, RDF.type, SKOS.ConceptScheme)) {
      problems.add(Skills.NS + ": scheme is not typed skos:ConceptScheme");
    }
    Set<String> listedTops = new HashSet<>();
    model
        .listObjectsOfProperty(Skills.SCHEME.inModel(model), SKOS.hasTopConcept)
        .filterKeep(n -> n.isURIResource())
        .forEach(n -> listedTops.add(n.asResource().getURI()));
    Map<String, String> notationOwner = new HashMap<>();
    Map<String, ConceptData> byIri = new HashMap<>();
    concepts.forEach(c -> byIri.put(c.iri(), c));

    for (ConceptData c : concepts) {
      String iri = c.iri();
      problems.addAll(c.membershipProblems(Skills.NS));
      problems.addAll(c.labelProblems());
      problems.addAll(
          c.notationProblems(
              Skills.NS,
              notationOwner,
              notation ->
                  Skills.NOTATION.matcher(notation).matches()
                      ? null
                      : "notation '" + notation + "' is not upper-case codes joined by hyphens"));
      boolean top = c.topConceptOf() || listedTops.contains(iri);
      if (c.topConceptOf() != listedTops.contains(iri)) {
        problems.add(iri + ": skos:topConceptOf and the scheme's skos:hasTopConcept disagree");
      }
      if (top && !c.broader().isEmpty()) {
        problems.add(iri + ": top concept has a skos:broader concept");
      }
      if (!top && c.broader().isEmpty()) {
        problems.add(iri + ": neither a top concept nor has a skos:broader concept");
      }
      if (c.broader().size() > 1) {
        problems.add(
            iri + ": has " + c.broader().size() + " skos:broader concepts, needs at most one");
      }
      for (String parent : c.broader()) {
        ConceptData p = byIri.get(parent);
        if (p == null) {
          problems.add(iri + ": skos:broader " + parent + " is not a concept of the scheme");
          continue;
        }
        if (!p.narrower().contains(iri)) {
          problems.add(iri + ": skos:broader " + parent + " without the inverse skos:narrower");
        }
        if (c.notations().size() == 1
            && p.notations().size() == 1
            && !c.notations().get(0).startsWith(p.notations().get(0) + "-")) {
          problems.add(
              iri
                  + ": notation does not start with the broader notation '"
                  + p.notations().get(0)
                  + "-'");
        }
      }
      for (String child : c.narrower()) {
        ConceptData n = byIri.get(child);
        if (n == null) {
          problems.add(iri + ": skos:narrower " + child + " is not a concept of the scheme");
        } else if (!n.broader().contains(iri)) {
          problems.add(iri + ": skos:narrower " + child + " without the inverse skos:broader");
        }
      }
    }
    problems.addAll(hierarchyProblems(skills));
    return problems;
  }

  /** Cycles in skos:broader and concepts from which no top concept is reached. */
  private static List<String> hierarchyProblems(List<Skill> skills) {
    List<String> problems = new ArrayList<>();
    Map<String, Skill> byIri = new HashMap<>();
    skills.forEach(s -> byIri.put(s.iri(), s));
    for (Skill skill : skills) {
      Set<String> seen = new HashSet<>();
      Skill current = skill;
      while (true) {
        if (!seen.add(current.iri())) {
          problems.add(skill.iri() + ": skos:broader cycle through " + current.iri());
          break;
        }
        if (current.broader().isEmpty()) {
          break;
        }
        Skill parent = byIri.get(current.broader().get());
        if (parent == null) {
          problems.add(
              skill.iri()
                  + ": no top concept is reached (broader chain ends at "
                  + current.broader().get()
                  + ")");
          break;
        }
        current = parent;
      }
    }
    return problems;
  }
}
