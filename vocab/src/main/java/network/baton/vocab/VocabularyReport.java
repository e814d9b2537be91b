package network.baton.vocab;

import static java.util.Objects.requireNonNull;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import network.baton.vocab.SampleContent.Institution;
import org.apache.jena.graph.Graph;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.RDFS;

/**
 * Command-line summary of the vocabulary module: the skill areas, the levels, and per sample
 * institution what it publishes and whether it conforms to the shapes. Exits non-zero when
 * something does not conform.
 */
public final class VocabularyReport {

  /** Base URLs the sample institutions are loaded under, one node each as in the demo network. */
  public static final Map<Institution, String> SAMPLE_BASES =
      Map.of(
          Institution.KOSEN, "https://kosen.baton.example/",
          Institution.UNIVERSITY, "https://university.baton.example/",
          Institution.HIGH_SCHOOL, "https://highschool.baton.example/");

  private static final int MAX_VIOLATIONS_SHOWN = 10;

  private final SampleContent samples;
  private final ShapeValidator validator;
  private final SkillFramework framework;
  private final EducationalLevels levels;
  private final Model ontology;

  /** A report over the given sample content, checked with the given validator. */
  public VocabularyReport(SampleContent samples, ShapeValidator validator) {
    this.samples = requireNonNull(samples, "samples");
    this.validator = requireNonNull(validator, "validator");
    // from() rather than load(): a broken framework is reported, not thrown.
    this.framework = SkillFramework.from(VocabResources.skills());
    this.levels = EducationalLevels.from(VocabResources.levels());
    this.ontology = ModelFactory.createModelForGraph(VocabResources.ontology());
  }

  /** A report over the bundled vocabulary and sample content. */
  public static VocabularyReport create() {
    return new VocabularyReport(SampleContent.create(), ShapeValidator.create());
  }

  /** Prints the report to standard output; the exit code is 1 when something does not conform. */
  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    System.exit(create().run(out));
  }

  /**
   * Loads all sample content, prints the report and returns the exit code (0 when all conforms).
   */
  public int run(PrintStream out) {
    Map<String, Graph> content = new LinkedHashMap<>();
    for (Institution institution : samples.institutions()) {
      content.put(institution.key(), samples.load(institution, SAMPLE_BASES.get(institution)));
    }
    return report(out, content);
  }

  /** Prints the report for named content graphs; 0 when every graph conforms, else 1. */
  int report(PrintStream out, Map<String, Graph> content) {
    out.println("BATON vocabulary report");
    out.println();
    Map<String, Model> models = new LinkedHashMap<>();
    content.forEach((name, graph) -> models.put(name, ModelFactory.createModelForGraph(graph)));
    int problems = printSkills(out, models.values()) + printLevels(out, models.values());
    out.println();
    int violations = printContent(out, models);
    out.println();
    if (problems > 0) {
      out.println(problems + " problem(s) in the skill framework or levels.");
    }
    if (violations > 0) {
      out.println(violations + " shape violation(s): the sample content does not conform.");
    }
    if (problems + violations > 0) {
      return 1;
    }
    out.println("All sample content conforms to the shapes.");
    return 0;
  }

  private int printSkills(PrintStream out, Iterable<Model> content) {
    Map<String, Integer> taught = countByArea(content);
    out.printf(
        "Skill framework: %d concepts in %d areas%n",
        framework.all().size(), framework.topConcepts().size());
    out.printf(
        "  %-5s %8s %7s  %-36s %s%n", "area", "concepts", "taught", "label (en)", "label (ja)");
    for (Skill area : framework.topConcepts()) {
      out.printf(
          "  %-5s %8d %7d  %-36s %s%n",
          area.notation(),
          framework.descendants(area).size() + 1,
          taught.getOrDefault(area.iri(), 0),
          area.label("en"),
          area.label("ja"));
    }
    out.println("  (taught: sample resources teaching a skill of the area)");
    return printProblems(out, "skill framework", framework.integrityProblems());
  }

  private int printLevels(PrintStream out, Iterable<Model> content) {
    Map<String, Integer> used = new TreeMap<>();
    for (Model model : content) {
      model
          .listStatements(null, Schema.educationalLevel, (RDFNode) null)
          .forEach(
              s -> {
                RDFNode level = s.getObject();
                used.merge(
                    level.isURIResource() ? level.asResource().getURI() : "", 1, Integer::sum);
              });
    }
    out.println();
    out.printf("Educational levels: %d%n", levels.all().size());
    out.printf("  %-22s %5s  %-30s %s%n", "level", "used", "label (en)", "label (ja)");
    for (Level level : levels.all()) {
      out.printf(
          "  %-22s %5d  %-30s %s%n",
          level.notation(),
          used.getOrDefault(level.iri(), 0),
          level.label("en"),
          level.label("ja"));
    }
    return printProblems(out, "educational levels", levels.integrityProblems());
  }

  private static int printProblems(PrintStream out, String what, List<String> problems) {
    if (!problems.isEmpty()) {
      out.printf("Problems in the %s:%n", what);
      problems.forEach(p -> out.println("  " + p));
    }
    return problems.size();
  }

  private int printContent(PrintStream out, Map<String, Model> content) {
    out.println("Sample content");
    out.printf(
        "  %-12s %9s %7s %7s %9s %7s  %s%n",
        "institution", "curricula", "courses", "modules", "resources", "triples", "conforms");
    int[] totals = new int[4];
    Map<String, List<Violation>> failures = new LinkedHashMap<>();
    List<String> details = new ArrayList<>();
    for (Map.Entry<String, Model> entry : content.entrySet()) {
      Graph graph = entry.getValue().getGraph();
      Map<ResourceKind, List<String>> kinds = SampleContent.resourcesByKind(graph);
      int[] counts = {
        kinds.get(ResourceKind.CURRICULUM).size(),
        kinds.get(ResourceKind.COURSE).size(),
        kinds.get(ResourceKind.MODULE).size(),
        kinds.get(ResourceKind.LEARNING_RESOURCE).size()
      };
      for (int i = 0; i < counts.length; i++) {
        totals[i] += counts[i];
      }
      List<Violation> violations = validator.validate(graph);
      if (!violations.isEmpty()) {
        failures.put(entry.getKey(), violations);
      }
      out.printf(
          "  %-12s %9d %7d %7d %9d %7d  %s%n",
          entry.getKey(),
          counts[0],
          counts[1],
          counts[2],
          counts[3],
          graph.size(),
          violations.isEmpty() ? "yes" : "NO (" + violations.size() + ")");
      details.add(
          String.format(
              "  %-12s licences: %s; languages: %s",
              entry.getKey(),
              tally(entry.getValue(), Schema.license, this::licenceLabel),
              tally(entry.getValue(), Schema.inLanguage, n -> n.asLiteral().getLexicalForm())));
    }
    out.printf("  %-12s %9d %7d %7d %9d%n", "total", totals[0], totals[1], totals[2], totals[3]);
    out.println();
    details.forEach(out::println);
    int count = 0;
    for (Map.Entry<String, List<Violation>> failure : failures.entrySet()) {
      out.println();
      out.printf("Violations in %s:%n", failure.getKey());
      List<Violation> violations = failure.getValue();
      violations.stream()
          .limit(MAX_VIOLATIONS_SHOWN)
          .forEach(
              v ->
                  out.printf(
                      "  %s %s%n    %s%n",
                      v.focusNode(), v.path() == null ? "" : v.path(), v.message()));
      if (violations.size() > MAX_VIOLATIONS_SHOWN) {
        out.printf("  ... and %d more%n", violations.size() - MAX_VIOLATIONS_SHOWN);
      }
      count += violations.size();
    }
    return count;
  }

  // Resources teaching at least one skill of each area, keyed by the area's IRI.
  private Map<String, Integer> countByArea(Iterable<Model> content) {
    Map<String, Integer> counts = new TreeMap<>();
    for (Model model : content) {
      for (Resource subject : model.listSubjectsWithProperty(Schema.teaches).toList()) {
        Set<String> areas = new TreeSet<>();
        for (Statement s : subject.listProperties(Schema.teaches).toList()) {
          if (s.getObject().isURIResource()) {
            framework
                .byIri(s.getResource().getURI())
                .ifPresent(skill -> areas.add(framework.topConceptOf(skill).iri()));
          }
        }
        areas.forEach(a -> counts.merge(a, 1, Integer::sum));
      }
    }
    return counts;
  }

  private static String tally(Model model, Property property, Function<RDFNode, String> name) {
    Map<String, Long> counts =
        model.listStatements(null, property, (RDFNode) null).toList().stream()
            .map(Statement::getObject)
            .collect(Collectors.groupingBy(name, TreeMap::new, Collectors.counting()));
    if (counts.isEmpty()) {
      return "none";
    }
    return counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .map(e -> e.getKey() + " " + e.getValue())
        .collect(Collectors.joining(", "));
  }

  private String licenceLabel(RDFNode licence) {
    if (!licence.isURIResource()) {
      return "not an IRI: " + licence;
    }
    String label = label(licence.asResource().inModel(ontology), RDFS.label, "en");
    return label.isEmpty() ? licence.asResource().getURI() : label;
  }

  private static String label(Resource resource, Property property, String lang) {
    return resource.listProperties(property).toList().stream()
        .map(Statement::getObject)
        .filter(RDFNode::isLiteral)
        .map(RDFNode::asLiteral)
        .filter(l -> l.getLanguage().equalsIgnoreCase(lang))
        .map(Literal::getLexicalForm)
        .findFirst()
        .orElse("");
  }
}
