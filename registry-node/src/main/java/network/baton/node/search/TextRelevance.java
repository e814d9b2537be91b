package network.baton.node.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import network.baton.node.store.NodeDataset;
import network.baton.node.store.TextIndexLayout;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
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
 *
 * <p>Matches are summed per resource by the segment's own number for the resource (the ordinal of
 * its doc value) and handed out as catalog slots: each segment's ordinals are turned into slots
 * once and kept while the segment lives, so a query neither builds an IRI string nor hashes one per
 * matching resource.
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

  /** Receives the summed score of one matching resource. */
  @FunctionalInterface
  interface ScoreConsumer {
    /** {@code score} (positive) of the resource in {@code slot}. */
    void accept(ResourceCatalog.Slot slot, double score);
  }

  private final NodeDataset store;
  private final ResourceCatalog catalog;
  private final SearcherManager searchers;
  // Segment core (immutable, shared by reopened readers) to the slot of each resource ordinal.
  private final Map<IndexReader.CacheKey, ResourceCatalog.Slot[]> slotsBySegment =
      new ConcurrentHashMap<>();

  TextRelevance(NodeDataset store, ResourceCatalog catalog) {
    this.store = store;
    this.catalog = catalog;
    try {
      this.searchers = new SearcherManager(store.textIndex().getDirectory(), null);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the text index", e);
    }
  }

  /**
   * Hands {@code action} the slot and score of every resource whose own text matches, each once, in
   * no particular order.
   */
  void score(String text, ScoreConsumer action) {
    Query query = query(text);
    try {
      searchers.maybeRefreshBlocking();
      IndexSearcher searcher = searchers.acquire();
      try {
        searcher.search(query, new ScoreByGraph(action));
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

  /**
   * The slot of each resource ordinal of a segment, worked out on the segment's first search and
   * dropped when Lucene closes the segment.
   */
  private ResourceCatalog.Slot[] slots(LeafReader reader) throws IOException {
    IndexReader.CacheHelper helper = reader.getCoreCacheHelper();
    if (helper == null) {
      return readSlots(reader);
    }
    try {
      return slotsBySegment.computeIfAbsent(
          helper.getKey(),
          key -> {
            helper.addClosedListener(slotsBySegment::remove);
            try {
              return readSlots(reader);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private ResourceCatalog.Slot[] readSlots(LeafReader reader) throws IOException {
    SortedDocValues values = DocValues.getSorted(reader, TextIndexLayout.FIELD_RESOURCE);
    ResourceCatalog.Slot[] slots = new ResourceCatalog.Slot[values.getValueCount()];
    for (int ord = 0; ord < slots.length; ord++) {
      slots[ord] = catalog.slot(values.lookupOrd(ord).utf8ToString());
    }
    return slots;
  }

  /**
   * Sums the scores of matching literals per resource, by the resource doc value each carries, and
   * hands the sums to a consumer.
   */
  private final class ScoreByGraph implements CollectorManager<GraphScores, Void> {
    private final ScoreConsumer action;

    ScoreByGraph(ScoreConsumer action) {
      this.action = action;
    }

    @Override
    public GraphScores newCollector() {
      return new GraphScores();
    }

    @Override
    public Void reduce(Collection<GraphScores> collectors) {
      // Every slot a collector saw was made before this count is read.
      double[] total = new double[catalog.slotCount()];
      ResourceCatalog.Slot[] matched = new ResourceCatalog.Slot[total.length];
      int count = 0;
      for (GraphScores collector : collectors) {
        for (LeafScores leaf : collector.leaves) {
          for (int ord = 0; ord < leaf.sums.length; ord++) {
            if (leaf.sums[ord] > 0) {
              ResourceCatalog.Slot slot = leaf.slots[ord];
              if (total[slot.id()] == 0) {
                matched[count++] = slot;
              }
              total[slot.id()] += leaf.sums[ord];
            }
          }
        }
      }
      for (int i = 0; i < count; i++) {
        action.accept(matched[i], total[matched[i].id()]);
      }
      return null;
    }
  }

  /** Score sums by resource ordinal within one index segment, with the slot of each ordinal. */
  private record LeafScores(SortedDocValues values, ResourceCatalog.Slot[] slots, double[] sums) {}

  private final class GraphScores extends SimpleCollector {
    private final List<LeafScores> leaves = new ArrayList<>();
    private LeafScores leaf;
    private Scorable scorer;

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
      SortedDocValues values =
          DocValues.getSorted(context.reader(), TextIndexLayout.FIELD_RESOURCE);
      ResourceCatalog.Slot[] slots = slots(context.reader());
      leaf = new LeafScores(values, slots, new double[slots.length]);
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
