package network.baton.node.store;

import java.util.HashSet;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.query.text.TextDocProducer;
import org.apache.jena.query.text.changes.TextQuadAction;

/**
 * jena-text's change feed, passed on to its usual per-triple indexer, noting on the way which
 * graphs each thread's write transaction touched.
 */
final class ChangedGraphs implements TextDocProducer {

  private final TextDocProducer indexer;
  private final ThreadLocal<Set<Node>> changed = ThreadLocal.withInitial(HashSet::new);

  ChangedGraphs(TextDocProducer indexer) {
    this.indexer = indexer;
  }

  @Override
  public void start() {
    indexer.start();
  }

  @Override
  public void change(TextQuadAction action, Node g, Node s, Node p, Node o) {
    indexer.change(action, g, s, p, o);
    if (action == TextQuadAction.ADD || action == TextQuadAction.DELETE) {
      changed.get().add(g);
    }
  }

  @Override
  public void finish() {
    indexer.finish();
  }

  @Override
  public void reset() {
    indexer.reset();
  }

  /** Notes that this thread's transaction changed graph g (written around the indexer). */
  void noteChanged(Node g) {
    changed.get().add(g);
  }

  /** The graphs this thread changed since the last call, forgetting them. */
  Set<Node> drain() {
    Set<Node> graphs = changed.get();
    changed.remove();
    return graphs;
  }
}
