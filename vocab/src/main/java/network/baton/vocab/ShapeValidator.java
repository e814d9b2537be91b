package network.baton.vocab;

import static java.util.Objects.requireNonNull;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.graph.compose.Union;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.Severity;
import org.apache.jena.sparql.graph.GraphReadOnly;
import org.apache.jena.sparql.path.P_Link;
import org.apache.jena.sparql.path.Path;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Validates resource graphs against the BATON shapes (vocab/MODEL.md). Thread-safe: the shapes are
 * parsed once and the reference graph (skills, levels, ontology) is only read.
 */
public final class ShapeValidator {

  /** The source of violations for statements that would forge skills, levels or licences. */
  public static final String REFERENCE_DATA_UNCHANGED =
      "https://w3id.org/baton/shapes#ReferenceDataUnchanged";

  private static final Logger log = LoggerFactory.getLogger(ShapeValidator.class);

  private static final Comparator<Violation> ORDER =
      Comparator.comparing(Violation::focusNode)
          .thenComparing(Violation::path, Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(Violation::sourceShape)
          .thenComparing(Violation::value, Comparator.nullsFirst(Comparator.naturalOrder()));

  private final Shapes shapes;
  private final Graph reference;

  private ShapeValidator(Shapes shapes, Graph reference) {
    this.shapes = shapes;
    this.reference = reference;
  }

  /** Loads the shapes and the skill framework, levels and ontology from the classpath. */
  public static ShapeValidator create() {
    Shapes shapes = Shapes.parse(VocabResources.load(VocabResources.SHAPES));
    Graph reference = VocabResources.vocabulary();
    log.info(
        "shapes loaded [shapes: {}, reference triples: {}]",
        shapes.getShapeMap().size(),
        reference.size());
    return new ShapeValidator(shapes, reference);
  }

  /**
   * Validates a resource graph; an empty list means it conforms. The graph is read together with
   * the reference graphs (a read-only union), never copied into them. https schema.org IRIs are
   * checked as their http form (so they cannot slip past the shapes' targets); store the graph
   * through {@link SchemaNormalizer#normalize(Graph)}. A graph with no BATON resource conforms
   * vacuously: use {@link #kinds(Graph)} to refuse it.
   */
  public List<Violation> validate(Graph data) {
    requireNonNull(data, "data");
    Graph normalized = SchemaNormalizer.normalize(data);
    // Union reads both graphs and writes only to the left one; SHACL validation never writes.
    Graph union = new Union(normalized, reference);
    Stream<Violation> shapeResults =
        ShaclValidator.get().validate(shapes, union).getEntries().stream()
            .map(ShapeValidator::toViolation);
    return Stream.concat(shapeResults, forgedReferenceData(normalized)).sorted(ORDER).toList();
  }

  // The skill, level and licence checks read the reference graphs through the union, so a
  // resource that itself declared "skill:FAKE skos:inScheme skill:" or "<x> a baton:OpenLicense"
  // would pass them. SHACL cannot tell data from reference triples in a union, hence this check.
  private static Stream<Violation> forgedReferenceData(Graph data) {
    return data.stream()
        .filter(ShapeValidator::touchesReferenceData)
        .map(
            t ->
                new Violation(
                    str(t.getSubject()),
                    t.getPredicate().getURI(),
                    str(t.getObject()),
                    "A resource cannot add to or change the BATON skills framework, the levels or"
                        + " the list of accepted open licences; remove this statement.",
                    Violation.Severity.VIOLATION,
                    REFERENCE_DATA_UNCHANGED,
                    REFERENCE_DATA_UNCHANGED));
  }

  private static boolean touchesReferenceData(Triple t) {
    Node s = t.getSubject();
    Node o = t.getObject();
    if (s.isURI() && (s.getURI().startsWith(Skills.NS) || s.getURI().startsWith(Levels.NS))) {
      return true;
    }
    boolean schemeObject = o.equals(Skills.SCHEME.asNode()) || o.equals(Levels.SCHEME.asNode());
    if (schemeObject && t.getPredicate().getURI().startsWith(SKOS.getURI())) {
      return true;
    }
    return t.getPredicate().equals(RDF.type.asNode()) && o.equals(Baton.OpenLicense.asNode());
  }

  /**
   * The kinds of resource the graph contains, to tell an empty or unknown payload from a valid one.
   */
  public Set<ResourceKind> kinds(Graph data) {
    return ResourceKind.in(SchemaNormalizer.normalize(data));
  }

  /** The skill framework, levels and ontology the data is validated with (read-only view). */
  public Graph referenceGraph() {
    return new GraphReadOnly(reference);
  }

  private static Violation toViolation(ReportEntry entry) {
    return new Violation(
        str(entry.focusNode()),
        path(entry.resultPath()),
        entry.value() == null ? null : str(entry.value()),
        entry.message() == null ? "Constraint not met." : entry.message(),
        severity(entry.severity()),
        str(entry.sourceConstraintComponent()),
        str(entry.source()));
  }

  private static String path(Path path) {
    if (path == null) {
      return null;
    }
    return path instanceof P_Link link ? link.getNode().getURI() : path.toString();
  }

  private static String str(Node node) {
    if (node == null) {
      return "";
    }
    if (node.isURI()) {
      return node.getURI();
    }
    if (node.isBlank()) {
      return "_:" + node.getBlankNodeLabel();
    }
    return NodeFmtLib.strNT(node);
  }

  private static Violation.Severity severity(Severity severity) {
    if (Severity.Warning.equals(severity)) {
      return Violation.Severity.WARNING;
    }
    if (Severity.Info.equals(severity)) {
      return Violation.Severity.INFO;
    }
    return Violation.Severity.VIOLATION;
  }
}
