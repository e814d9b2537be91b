package network.baton.node.store;

import java.time.Instant;
import java.util.Optional;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;

/**
 * The node's own bookkeeping, kept in the store's default graph (never part of the SPARQL union of
 * resource graphs): per resource its state, version and times; the change log and its counter.
 */
final class SystemGraph {

  static final String NS = "urn:baton:sys:";
  static final Node STATE = NodeFactory.createURI(NS + "state");
  static final Node VERSION = NodeFactory.createURI(NS + "version");
  static final Node CREATED = NodeFactory.createURI(NS + "created");
  static final Node MODIFIED = NodeFactory.createURI(NS + "modified");
  static final Node LOG = NodeFactory.createURI(NS + "log");
  static final Node LAST_SEQUENCE = NodeFactory.createURI(NS + "lastSequence");
  static final Node LIVE_COUNT = NodeFactory.createURI(NS + "liveCount");
  static final Node SEQUENCE = NodeFactory.createURI(NS + "sequence");
  static final Node RESOURCE = NodeFactory.createURI(NS + "resource");
  static final Node ACTION = NodeFactory.createURI(NS + "action");
  static final Node AT = NodeFactory.createURI(NS + "at");
  static final Node LIVE = NodeFactory.createLiteralString("live");
  static final Node DELETED = NodeFactory.createLiteralString("deleted");

  private final Graph graph;

  SystemGraph(Graph graph) {
    this.graph = graph;
  }

  static Node changeNode(long sequence) {
    return NodeFactory.createURI("urn:baton:change:" + sequence);
  }

  static Node dateTime(Instant instant) {
    return NodeFactory.createLiteralDT(instant.toString(), XSDDatatype.XSDdateTime);
  }

  static Node number(long value) {
    return NodeFactory.createLiteralDT(Long.toString(value), XSDDatatype.XSDlong);
  }

  Optional<Node> value(Node subject, Node property) {
    var it = graph.find(subject, property, Node.ANY);
    try {
      return it.hasNext() ? Optional.of(it.next().getObject()) : Optional.empty();
    } finally {
      it.close();
    }
  }

  long longValue(Node subject, Node property) {
    return value(subject, property).map(n -> Long.parseLong(n.getLiteralLexicalForm())).orElse(0L);
  }

  Optional<Instant> instant(Node subject, Node property) {
    return value(subject, property).map(n -> Instant.parse(n.getLiteralLexicalForm()));
  }

  void set(Node subject, Node property, Node value) {
    graph.remove(subject, property, Node.ANY);
    graph.add(Triple.create(subject, property, value));
  }

  /** Adds a value to a property that has none yet (set() without looking for old values). */
  void put(Node subject, Node property, Node value) {
    graph.add(Triple.create(subject, property, value));
  }

  /** Appends an entry to the change log and returns it. */
  Change append(String iri, ChangeAction action, Instant at) {
    long sequence = longValue(LOG, LAST_SEQUENCE) + 1;
    Node entry = changeNode(sequence);
    graph.add(Triple.create(entry, SEQUENCE, number(sequence)));
    graph.add(Triple.create(entry, RESOURCE, NodeFactory.createURI(iri)));
    graph.add(Triple.create(entry, ACTION, NodeFactory.createLiteralString(action.word())));
    graph.add(Triple.create(entry, AT, dateTime(at)));
    set(LOG, LAST_SEQUENCE, number(sequence));
    return new Change(sequence, iri, action, at);
  }

  Optional<Change> change(long sequence) {
    Node entry = changeNode(sequence);
    Optional<Node> resource = value(entry, RESOURCE);
    if (resource.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Change(
            sequence,
            resource.get().getURI(),
            ChangeAction.ofWord(value(entry, ACTION).orElseThrow().getLiteralLexicalForm()),
            instant(entry, AT).orElseThrow()));
  }

  void addToLiveCount(long delta) {
    set(LOG, LIVE_COUNT, number(longValue(LOG, LIVE_COUNT) + delta));
  }
}
