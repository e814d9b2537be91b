package network.baton.node.sparql;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.graph.GraphWrapper;

/**
 * The in-memory graph a CONSTRUCT or DESCRIBE answer is built in, charging each triple to the
 * query's memory budget as it is added (the graph is whole before it is written).
 */
final class HeldGraph extends GraphWrapper {

  /** Estimated bytes of a stored triple besides its nodes' text (triple, three nodes, indexes). */
  private static final int TRIPLE_BYTES = 200;

  private final QueryBudget budget;

  HeldGraph(QueryBudget budget) {
    this(GraphFactory.createDefaultGraph(), budget);
  }

  private HeldGraph(Graph graph, QueryBudget budget) {
    super(graph);
    this.budget = budget;
  }

  @Override
  public void add(Triple t) {
    budget.hold(
        TRIPLE_BYTES + 2 * (text(t.getSubject()) + text(t.getPredicate()) + text(t.getObject())));
    super.add(t);
  }

  private static long text(Node node) {
    return QueryBudget.textLength(node);
  }
}
