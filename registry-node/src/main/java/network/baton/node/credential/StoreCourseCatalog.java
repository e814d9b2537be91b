package network.baton.node.credential;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import network.baton.credential.service.CatalogCourse;
import network.baton.credential.service.CourseCatalog;
import network.baton.node.store.ResourceStore;
import network.baton.node.store.StoreException;
import network.baton.node.store.StoredResource;
import network.baton.vocab.Schema;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.RDF;

/**
 * The courses and curricula of this node's store, as the credential service needs them: a live
 * {@code schema:Course} or {@code schema:EducationalOccupationalProgram} under this node's base
 * URL, with its name (English, else Japanese), description and {@code schema:teaches} skills.
 * Blocking (one read transaction): the credential routes call it on their worker.
 */
public final class StoreCourseCatalog implements CourseCatalog {
  private static final Node COURSE = Schema.Course.asNode();
  private static final Node PROGRAM = Schema.EducationalOccupationalProgram.asNode();

  private final ResourceStore store;

  /** A catalog over the node's store. */
  public StoreCourseCatalog(ResourceStore store) {
    this.store = requireNonNull(store, "store");
  }

  @Override
  public Optional<CatalogCourse> find(String achievementIri) {
    Optional<String> id = store.ids().idOf(achievementIri);
    if (id.isEmpty()) return Optional.empty();
    StoredResource resource;
    try {
      resource = store.get(id.get());
    } catch (StoreException e) {
      return Optional.empty(); // not found or deleted: not an achievement of this node
    }
    Graph graph = resource.graph();
    Node subject = NodeFactory.createURI(resource.iri());
    if (!graph.contains(subject, RDF.type.asNode(), COURSE)
        && !graph.contains(subject, RDF.type.asNode(), PROGRAM)) {
      return Optional.empty();
    }
    Optional<String> name = text(graph, subject, Schema.name.asNode());
    if (name.isEmpty()) return Optional.empty();
    List<String> skills = new ArrayList<>();
    graph
        .find(subject, Schema.teaches.asNode(), Node.ANY)
        .forEachRemaining(
            t -> {
              if (t.getObject().isURI()) skills.add(t.getObject().getURI());
            });
    skills.sort(null);
    return Optional.of(
        new CatalogCourse(
            resource.iri(),
            name.get(),
            text(graph, subject, Schema.description.asNode()).orElse(""),
            skills));
  }

  // English first (Open Badges names are read across the network), else Japanese, else any.
  private static Optional<String> text(Graph graph, Node subject, Node property) {
    String english = null;
    String japanese = null;
    String other = null;
    for (var it = graph.find(subject, property, Node.ANY); it.hasNext(); ) {
      Node value = it.next().getObject();
      if (!value.isLiteral()) continue;
      String lang = value.getLiteralLanguage();
      if (lang.equalsIgnoreCase("en")) english = value.getLiteralLexicalForm();
      else if (lang.equalsIgnoreCase("ja")) japanese = value.getLiteralLexicalForm();
      else if (other == null) other = value.getLiteralLexicalForm();
    }
    return Optional.ofNullable(english != null ? english : japanese != null ? japanese : other);
  }
}
