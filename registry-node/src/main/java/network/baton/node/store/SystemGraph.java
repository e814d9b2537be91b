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
  // The change-log counter and the live count as this write has them; written once, by
  // saveCounters(), rather than replaced in the store at every resource of a batch.
  private long lastSequence = -1;
  private long liveCount = -1;
  private boolean countersChanged;

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

  /**
   * Appends an entry to the change log and returns it; the counter itself is stored by {@link
   * #saveCounters()}.
   */
  Change append(String iri, ChangeAction action, Instant at) {
    long sequence = lastSequence() + 1;
    Node entry = changeNode(sequence);
    graph.add(Triple.create(entry, SEQUENCE, number(sequence)));
    graph.add(Triple.create(entry, RESOURCE, NodeFactory.createURI(iri)));
    graph.add(Triple.create(entry, ACTION, NodeFactory.createLiteralString(action.word())));
    graph.add(Triple.create(entry, AT, dateTime(at)));
    lastSequence = sequence;
    countersChanged = true;
    return new Change(sequence, iri, action, at);
  }

  /** The sequence number of the newest change-log entry, 0 when there is none. */
  long lastSequence() {
    if (lastSequence < 0) {
      lastSequence = longValue(LOG, LAST_SEQUENCE);
    }
    return lastSequence;
  }

  /** How many resources are live. */
  long liveCount() {
    if (liveCount < 0) {
      liveCount = longValue(LOG, LIVE_COUNT);
    }
    return liveCount;
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

  /** Changes the live count; stored by {@link #saveCounters()}. */
  void addToLiveCount(long delta) {
    liveCount = liveCount() + delta;
    countersChanged = true;
  }

  /** Stores the change-log counter and the live count if this write changed them. */
  void saveCounters() {
    if (countersChanged) {
      set(LOG, LAST_SEQUENCE, number(lastSequence()));
      set(LOG, LIVE_COUNT, number(liveCount()));
      countersChanged = false;
    }
  }
}
