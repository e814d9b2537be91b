package network.baton.node.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Predicate;
import network.baton.node.store.NodeDataset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Search over the resources of one node (blocking: call it on a worker thread). Free text is ranked
 * by the text index; filters, facets and hit details come from an in-memory catalog kept current
 * with the store (see {@link ResourceCatalog}); results are sorted by score (or by name without
 * text) and then IRI, and paged with a cursor.
 */
public final class LocalSearch implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(LocalSearch.class);

  private final SkillHierarchy skills;
  private final TextRelevance relevance;
  private final ResourceCatalog catalog;

  /**
   * Search over {@code store}, expanding skill filters and facets with {@code skills}. Open it
   * before the node takes writes: it loads its catalog of resources now and follows commits from
   * then on.
   */
  public LocalSearch(NodeDataset store, SkillHierarchy skills) {
    this.skills = skills;
    this.relevance = new TextRelevance(store);
    this.catalog = ResourceCatalog.open(store, skills);
  }

  private record Match(ResourceCatalog.Entry entry, double score, String sortKey) {
    ResourceFacts facts() {
      return entry.facts();
    }
  }

  /** One page of results for {@code query}. */
  public SearchResult search(SearchQuery query) {
    long started = System.nanoTime();
    Set<String> wantedSkills = expandSkills(query.skills());
    Comparator<Match> order =
        query.hasText()
            ? Comparator.comparingDouble(Match::score)
                .reversed()
                .thenComparing(m -> m.facts().iri())
            : Comparator.comparing(Match::sortKey).thenComparing(m -> m.facts().iri());
    Page page = new Page(query.limit(), order, position(query));
    Predicate<ResourceFacts> filter = filter(query, wantedSkills);
    if (query.hasText()) {
      relevance
          .score(query.q())
          .forEach(
              (iri, score) -> {
                ResourceCatalog.Entry entry = catalog.get(iri);
                if (entry != null && filter.test(entry.facts())) {
                  page.add(new Match(entry, score, null));
                }
              });
    } else {
      catalog.forEach(
          entry -> {
            if (filter.test(entry.facts())) {
              page.add(new Match(entry, 0.0, entry.facts().sortName(query.languages())));
            }
          });
    }
    List<Match> best = page.best();
    String nextCursor = null;
    if (page.hasMore()) {
      Match last = best.get(best.size() - 1);
      SearchCursor cursor =
          query.hasText()
              ? SearchCursor.afterScore(last.score(), last.facts().iri(), query.fingerprint())
              : SearchCursor.afterName(last.sortKey(), last.facts().iri(), query.fingerprint());
      nextCursor = cursor.encode();
    }
    List<SearchHit> hits = best.stream().map(LocalSearch::hit).toList();
    log.debug(
        "search done [q: {}, total: {}, page: {}, ms: {}]",
        query.q(),
        page.total(),
        hits.size(),
        (System.nanoTime() - started) / 1_000_000);
    return new SearchResult(hits, page.total(), page.facets(), nextCursor);
  }

  @Override
  public void close() {
    catalog.close();
    relevance.close();
  }

  private Set<String> expandSkills(List<String> requested) {
    Set<String> wanted = new HashSet<>();
    List<String> unknown = new ArrayList<>();
    for (String skill : requested) {
      if (!skills.isEmpty() && !skills.contains(skill)) {
        unknown.add("skill '" + skill + "' is not in the skill framework");
      }
      wanted.addAll(skills.selfAndNarrower(skill));
    }
    if (!unknown.isEmpty()) {
      throw new InvalidSearchQuery(unknown);
    }
    return wanted;
  }

  private static Predicate<ResourceFacts> filter(SearchQuery query, Set<String> wantedSkills) {
    return facts ->
        (wantedSkills.isEmpty() || intersects(facts.skills(), wantedSkills))
            && (query.levels().isEmpty() || intersects(facts.levels(), query.levels()))
            && (query.types().isEmpty() || intersects(facts.types(), query.types()))
            && (query.languages().isEmpty() || intersects(facts.languages(), query.languages()))
            && (query.licenses().isEmpty() || intersects(facts.licenses(), query.licenses()));
  }

  private static boolean intersects(Set<String> values, Iterable<String> wanted) {
    for (String w : wanted) {
      if (values.contains(w)) {
        return true;
      }
    }
    return false;
  }

  /** The last hit of the previous page as a match to compare with, or null on the first page. */
  private static Match position(SearchQuery query) {
    SearchCursor cursor = query.cursor();
    if (cursor == null) {
      return null;
    }
    boolean byScore = cursor.order() == SearchCursor.Order.SCORE;
    if (byScore != query.hasText()) {
      throw new InvalidSearchQuery(
          "cursor belongs to a different query: repeat the same q and filters");
    }
    ResourceFacts last =
        new ResourceFacts(
            cursor.iri(), Set.of(), Map.of(), Map.of(), Set.of(), Set.of(), Set.of(), Set.of());
    return new Match(
        new ResourceCatalog.Entry(last, new String[0][], 0),
        byScore ? cursor.score() : 0.0,
        cursor.key());
  }

  /**
   * Takes every match once: counts it and its facets, and keeps the best {@code limit} after the
   * cursor in a bounded heap, so a page costs one pass over the matches rather than a sort of all
   * of them.
   */
  private static final class Page {
    private final int limit;
    private final Comparator<Match> order;
    private final Match after;
    private final PriorityQueue<Match> kept;
    // Counters are arrays so that counting does not box a Long per value.
    private final List<Map<String, long[]>> counts = new ArrayList<>();
    private long total;
    private long afterCursor;

    Page(int limit, Comparator<Match> order, Match after) {
      this.limit = limit;
      this.order = order;
      this.after = after;
      this.kept = new PriorityQueue<>(limit + 1, order.reversed());
      for (int i = 0; i < ResourceCatalog.Facet.values().length; i++) {
        counts.add(new HashMap<>());
      }
    }

    void add(Match m) {
      total++;
      String[][] values = m.entry().facetValues();
      for (int facet = 0; facet < values.length; facet++) {
        Map<String, long[]> facetCounts = counts.get(facet);
        for (String value : values[facet]) {
          facetCounts.computeIfAbsent(value, v -> new long[1])[0]++;
        }
      }
      if (after == null || order.compare(m, after) > 0) {
        afterCursor++;
        kept.offer(m);
        if (kept.size() > limit) {
          kept.poll();
        }
      }
    }

    List<Match> best() {
      List<Match> best = new ArrayList<>(kept);
      best.sort(order);
      return best;
    }

    boolean hasMore() {
      return afterCursor > limit;
    }

    long total() {
      return total;
    }

    SearchFacets facets() {
      return new SearchFacets(
          facet(ResourceCatalog.Facet.SKILL_AREA),
          facet(ResourceCatalog.Facet.LEVEL),
          facet(ResourceCatalog.Facet.TYPE),
          facet(ResourceCatalog.Facet.LANGUAGE),
          facet(ResourceCatalog.Facet.LICENSE));
    }

    private Map<String, Long> facet(ResourceCatalog.Facet facet) {
      Map<String, Long> result = new HashMap<>();
      counts.get(facet.ordinal()).forEach((value, n) -> result.put(value, n[0]));
      return result;
    }
  }

  private static SearchHit hit(Match m) {
    ResourceFacts f = m.facts();
    return new SearchHit(
        f.iri(),
        f.primaryType(),
        f.names(),
        f.descriptions(),
        List.copyOf(new java.util.TreeSet<>(f.skills())),
        f.levels().isEmpty() ? null : new java.util.TreeSet<>(f.levels()).first(),
        f.licenses().isEmpty() ? null : new java.util.TreeSet<>(f.licenses()).first(),
        List.copyOf(new java.util.TreeSet<>(f.languages())),
        m.score(),
        null);
  }
}
