package network.baton.node.federation.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import network.baton.node.search.SearchHit;

/**
 * Reciprocal rank fusion (Cormack et al., 2009): a hit scores the sum over members of 1 / (k +
 * rank). Members' own scores are not used: each member's Lucene scores depend on its own index
 * statistics, so raw scores from two members are not comparable, while ranks are. Hits with the
 * same IRI are one hit: its data is taken from the member that ranked it best, every member that
 * had it is listed.
 */
public final class RankFusion {

  /** The usual constant; dampens the weight of the very top ranks. */
  public static final int DEFAULT_K = 60;

  private final int k;

  /** Fusion with constant {@code k} (must be positive). */
  public RankFusion(int k) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be positive: " + k);
    }
    this.k = k;
  }

  /**
   * Fuses ranked lists (member DID to its hits in rank order); the result is sorted by fused score
   * descending, then IRI, so the same inputs always give the same order.
   */
  public List<FederatedHit> fuse(Map<String, List<SearchHit>> rankedByMember) {
    Map<String, Entry> byIri = new LinkedHashMap<>();
    rankedByMember.forEach(
        (did, hits) -> {
          for (int rank = 1; rank <= hits.size(); rank++) {
            SearchHit hit = hits.get(rank - 1);
            Entry entry = byIri.computeIfAbsent(hit.iri(), iri -> new Entry());
            if (entry.members.contains(did)) {
              continue; // a member listing one IRI twice counts once
            }
            entry.score += 1.0 / (k + rank);
            entry.members.add(did);
            if (entry.best == null || rank < entry.bestRank) {
              entry.best = hit.withMember(did);
              entry.bestRank = rank;
            }
          }
        });
    List<FederatedHit> fused = new ArrayList<>();
    byIri.values().forEach(e -> fused.add(new FederatedHit(e.best, e.members, e.score)));
    fused.sort(
        Comparator.comparingDouble(FederatedHit::fusedScore)
            .reversed()
            .thenComparing(h -> h.hit().iri()));
    return fused;
  }

  private static final class Entry {
    private SearchHit best;
    private int bestRank;
    private double score;
    private final List<String> members = new ArrayList<>();
  }
}
