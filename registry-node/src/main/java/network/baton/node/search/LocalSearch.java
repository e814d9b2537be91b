package network.baton.node.search;

import java.util.ArrayList;
import java.util.Arrays;
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
    this.catalog = ResourceCatalog.open(store, skills);
    this.relevance = new TextRelevance(store, catalog);
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
    Page page = new Page(query.limit(), order, position(query), catalog);
    Predicate<ResourceFacts> filter = filter(query, wantedSkills);
    if (query.hasText()) {
      relevance.score(
          query.q(),
          (slot, score) -> {
            ResourceCatalog.Entry entry = slot.entry();
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
    if (wantedSkills.isEmpty()
        && query.levels().isEmpty()
        && query.types().isEmpty()
        && query.languages().isEmpty()
        && query.licenses().isEmpty()) {
      // Nothing to filter: do not even read the facts of each match.
      return facts -> true;
    }
    return facts ->
        (wantedSkills.isEmpty() || intersects(facts.skills(), wantedSkills))
            && (query.levels().isEmpty() || intersects(facts.levels(), query.levels()))
            && (query.types().isEmpty() || intersects(facts.types(), query.types()))
            && (query.languages().isEmpty() || intersects(facts.languages(), query.languages()))
            && (query.licenses().isEmpty() || intersects(facts.licenses(), query.licenses()));
  }

  private static boolean intersects(Set<String> values, Iterable<String> wanted) {
    // A skill filter expands to every narrower skill: probe that set with the resource's few
    // values.
    if (wanted instanceof Set<String> set && set.size() > values.size()) {
      for (String v : values) {
        if (set.contains(v)) {
          return true;
        }
      }
      return false;
    }
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
        new ResourceCatalog.Entry(last, new int[0], 0),
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
    private final ResourceCatalog catalog;
    // Matches per facet value number of the catalog.
    private long[] counts;
    private long total;
    private long afterCursor;

    Page(int limit, Comparator<Match> order, Match after, ResourceCatalog catalog) {
      this.limit = limit;
      this.order = order;
      this.after = after;
      this.kept = new PriorityQueue<>(limit + 1, order.reversed());
      this.catalog = catalog;
      this.counts = new long[catalog.facetValueCount()];
    }

    void add(Match m) {
      total++;
      for (int id : m.entry().facetIds()) {
        if (id >= counts.length) {
          // A commit numbered a new value during this search.
          counts = Arrays.copyOf(counts, Math.max(id + 1, catalog.facetValueCount()));
        }
        counts[id]++;
      }
      if (after == null || order.compare(m, after) > 0) {
        afterCursor++;
        // The head is the worst kept: a match not better than it would only be offered and polled.
        if (kept.size() < limit) {
          kept.offer(m);
        } else if (order.compare(m, kept.peek()) < 0) {
          kept.poll();
          kept.offer(m);
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
      List<Map<String, Long>> byFacet = new ArrayList<>();
      for (int i = 0; i < ResourceCatalog.Facet.values().length; i++) {
        byFacet.add(new HashMap<>());
      }
      for (int id = 0; id < counts.length; id++) {
        if (counts[id] > 0) {
          ResourceCatalog.FacetValue value = catalog.facetValue(id);
          byFacet.get(value.facet().ordinal()).put(value.value(), counts[id]);
        }
      }
      return new SearchFacets(
          byFacet.get(ResourceCatalog.Facet.SKILL_AREA.ordinal()),
          byFacet.get(ResourceCatalog.Facet.LEVEL.ordinal()),
          byFacet.get(ResourceCatalog.Facet.TYPE.ordinal()),
          byFacet.get(ResourceCatalog.Facet.LANGUAGE.ordinal()),
          byFacet.get(ResourceCatalog.Facet.LICENSE.ordinal()));
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
