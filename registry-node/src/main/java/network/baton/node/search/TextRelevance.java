package network.baton.node.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import network.baton.node.store.NodeDataset;
import network.baton.node.store.TextIndexLayout;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.util.QueryBuilder;

/**
 * Scores resources against free text with the node's Lucene index: every name, description and
 * keyword field in every language analysis (kuromoji, character bigrams, English stemming) is
 * searched; a resource's score is the sum over its matching literals, names weighing most.
 *
 * <p>Reads only committed index state, like the store's readers: a search never sees half a write.
 */
final class TextRelevance implements AutoCloseable {

  private record Weighted(String name, float boost) {}

  private static final List<Weighted> FIELDS =
      List.of(
          new Weighted(TextIndexLayout.FIELD_NAME, 3f),
          new Weighted(TextIndexLayout.FIELD_KEYWORDS, 2f),
          new Weighted(TextIndexLayout.FIELD_DESCRIPTION, 1f));

  // Kuromoji words are precise; bigrams catch compounds (電池 in 蓄電池) but also chance pairs.
  private static final List<Weighted> ANALYSES =
      List.of(
          new Weighted(TextIndexLayout.LANG_JA, 1f),
          new Weighted(TextIndexLayout.LANG_JA_BIGRAM, 0.6f),
          new Weighted(TextIndexLayout.LANG_EN, 1f));

  private final NodeDataset store;
  private final SearcherManager searchers;

  TextRelevance(NodeDataset store) {
    this.store = store;
    try {
      this.searchers = new SearcherManager(store.textIndex().getDirectory(), null);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the text index", e);
    }
  }

  /** Resource IRI to score for every resource whose own text matches; empty when nothing does. */
  Map<String, Double> score(String text) {
    Query query = query(text);
    try {
      searchers.maybeRefreshBlocking();
      IndexSearcher searcher = searchers.acquire();
      try {
        return searcher.search(query, new ScoreByGraph());
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("text index search failed", e);
    }
  }

  /**
   * The Lucene query for free text: each field and analysis a SHOULD clause requiring all its
   * terms.
   */
  Query query(String text) {
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    for (Weighted analysis : ANALYSES) {
      QueryBuilder builder = new QueryBuilder(store.layout().analyzer(analysis.name()));
      for (Weighted field : FIELDS) {
        Query clause =
            builder.createBooleanQuery(
                TextIndexLayout.field(field.name(), analysis.name()), text, Occur.MUST);
        if (clause != null) {
          any.add(new BoostQuery(clause, field.boost() * analysis.boost()), Occur.SHOULD);
        }
      }
    }
    return any.build();
  }

  @Override
  public void close() {
    try {
      searchers.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sums the scores of matching literals per resource, by the resource doc value each carries. */
  private static final class ScoreByGraph
      implements CollectorManager<GraphScores, Map<String, Double>> {
    @Override
    public GraphScores newCollector() {
      return new GraphScores();
    }

    @Override
    public Map<String, Double> reduce(Collection<GraphScores> collectors) throws IOException {
      Map<String, Double> total = new HashMap<>();
      for (GraphScores collector : collectors) {
        for (LeafScores leaf : collector.leaves) {
          for (int ord = 0; ord < leaf.sums.length; ord++) {
            if (leaf.sums[ord] > 0) {
              total.merge(leaf.values.lookupOrd(ord).utf8ToString(), leaf.sums[ord], Double::sum);
            }
          }
        }
      }
      return total;
    }
  }

  /** Score sums by resource ordinal within one index segment. */
  private record LeafScores(SortedDocValues values, double[] sums) {}

  private static final class GraphScores extends SimpleCollector {
    private final List<LeafScores> leaves = new ArrayList<>();
    private LeafScores leaf;
    private Scorable scorer;

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
      SortedDocValues values =
          DocValues.getSorted(context.reader(), TextIndexLayout.FIELD_RESOURCE);
      leaf = new LeafScores(values, new double[values.getValueCount()]);
      leaves.add(leaf);
    }

    @Override
    public void setScorer(Scorable scorer) {
      this.scorer = scorer;
    }

    @Override
    public void collect(int doc) throws IOException {
      // Documents without the value are text about other subjects in a graph: they do not count.
      if (leaf.values().advanceExact(doc)) {
        leaf.sums()[leaf.values().ordValue()] += scorer.score();
      }
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE;
    }
  }
}
