package network.baton.node.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.GraphView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The text-indexed dataset, telling {@link CommitListener}s which graphs each committed write
 * changed.
 */
final class CommitNotifyingDatasetGraph extends DatasetGraphWrapper {

  private static final Logger log = LoggerFactory.getLogger(CommitNotifyingDatasetGraph.class);

  private final ChangedGraphs changes;
  private final List<CommitListener> listeners = new CopyOnWriteArrayList<>();

  CommitNotifyingDatasetGraph(DatasetGraph indexed, ChangedGraphs changes) {
    super(indexed);
    this.changes = changes;
  }

  void addListener(CommitListener listener) {
    listeners.add(listener);
  }

  void removeListener(CommitListener listener) {
    listeners.remove(listener);
  }

  // Graph views over this wrapper, so that a graph's own transaction handler commits through it
  // too.
  @Override
  public Graph getDefaultGraph() {
    return GraphView.createDefaultGraph(this);
  }

  @Override
  public Graph getGraph(Node graphNode) {
    return GraphView.createNamedGraph(this, graphNode);
  }

  @Override
  public void commit() {
    Set<Node> graphs = changes.drain();
    List<Runnable> afterCommit = new ArrayList<>();
    if (!graphs.isEmpty()) {
      for (CommitListener listener : listeners) {
        try {
          afterCommit.add(listener.beforeCommit(Set.copyOf(graphs)));
        } catch (RuntimeException e) {
          // A listener's bug must not block writes; the listener misses this change.
          log.error("commit listener failed before commit [graphs: {}]", graphs.size(), e);
        }
      }
    }
    super.commit();
    for (Runnable action : afterCommit) {
      try {
        action.run();
      } catch (RuntimeException e) {
        log.error("commit listener failed after commit [graphs: {}]", graphs.size(), e);
      }
    }
  }

  @Override
  public void abort() {
    changes.drain();
    super.abort();
  }

  @Override
  public void end() {
    changes.drain();
    super.end();
  }
}
