package network.baton.node.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import network.baton.node.store.NodeDataset;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Search over the resources of one node (blocking: call it on a worker thread). Free text is ranked by the
 * text index; filters, facets and hit details come from the store; results are sorted by score (or by name
 * without text) and then IRI, and paged with a cursor.
 */
public final class LocalSearch implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(LocalSearch.class);

  private final NodeDataset store;
  private final SkillHierarchy skills;
  private final TextRelevance relevance;

  /** Search over {@code store}, expanding skill filters and facets with {@code skills}. */
  public LocalSearch(NodeDataset store, SkillHierarchy skills) {
    this.store = store;
    this.skills = skills;
    this.relevance = new TextRelevance(store);
  }

  private record Match(ResourceFacts facts, double score, String sortKey) {}

  /** One page of results for {@code query}. */
  public SearchResult search(SearchQuery query) {
    long started = System.nanoTime();
    Set<String> wantedSkills = expandSkills(query.skills());
    Map<String, Double> scores = query.hasText() ? relevance.score(query.q()) : null;
    DatasetGraph dsg = store.datasetGraph();
    List<Match> matches =
        Txn.calculateRead(
            dsg,
            () -> {
              Iterable<String> candidates = scores != null ? scores.keySet() : resourceGraphs(dsg);
              Predicate<ResourceFacts> filter = filter(query, wantedSkills);
              List<Match> found = new ArrayList<>();
              for (String iri : candidates) {
                ResourceFacts facts = ResourceFacts.read(dsg, iri);
                if (facts != null && filter.test(facts)) {
                  double score = scores != null ? scores.get(iri) : 0.0;
                  String sortKey = scores != null ? Double.toString(score) : facts.sortName(query.languages());
                  found.add(new Match(facts, score, sortKey));
                }
              }
              return found;
            });
    Comparator<Match> order =
        query.hasText()
            ? Comparator.comparingDouble(Match::score).reversed().thenComparing(m -> m.facts().iri())
            : Comparator.comparing(Match::sortKey).thenComparing(m -> m.facts().iri());
    matches.sort(order);
    SearchFacets facets = facets(matches);

    List<Match> rest = query.cursor() == null ? matches : after(matches, query, order);
    List<Match> page = rest.subList(0, Math.min(query.limit(), rest.size()));
    String nextCursor = null;
    if (rest.size() > page.size()) {
      Match last = page.get(page.size() - 1);
      SearchCursor cursor =
          query.hasText()
              ? SearchCursor.afterScore(last.score(), last.facts().iri(), query.fingerprint())
              : SearchCursor.afterName(last.sortKey(), last.facts().iri(), query.fingerprint());
      nextCursor = cursor.encode();
    }
    List<SearchHit> hits = page.stream().map(LocalSearch::hit).toList();
    log.debug(
        "search done [q: {}, total: {}, page: {}, ms: {}]",
        query.q(),
        matches.size(),
        hits.size(),
        (System.nanoTime() - started) / 1_000_000);
    return new SearchResult(hits, matches.size(), facets, nextCursor);
  }

  @Override
  public void close() {
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

  /** Every graph that is named after a resource of a known type (call in a read transaction). */
  private static Iterable<String> resourceGraphs(DatasetGraph dsg) {
    Set<String> graphs = new HashSet<>();
    for (String type : SearchTerms.TYPES.values()) {
      Node typeNode = NodeFactory.createURI(type);
      Iterator<Quad> quads = dsg.find(Node.ANY, Node.ANY, SearchTerms.TYPE, typeNode);
      while (quads.hasNext()) {
        Quad quad = quads.next();
        if (quad.getGraph().isURI() && quad.getGraph().equals(quad.getSubject())) {
          graphs.add(quad.getGraph().getURI());
        }
      }
    }
    return graphs;
  }

  private static List<Match> after(List<Match> sorted, SearchQuery query, Comparator<Match> order) {
    SearchCursor cursor = query.cursor();
    boolean byScore = cursor.order() == SearchCursor.Order.SCORE;
    if (byScore != query.hasText()) {
      throw new InvalidSearchQuery("cursor belongs to a different query: repeat the same q and filters");
    }
    ResourceFacts position = new ResourceFacts(cursor.iri(), Set.of(), Map.of(), Map.of(), Set.of(), Set.of(), Set.of(), Set.of());
    Match last = new Match(position, byScore ? cursor.score() : 0.0, cursor.key());
    int from = 0;
    while (from < sorted.size() && order.compare(sorted.get(from), last) <= 0) {
      from++;
    }
    return sorted.subList(from, sorted.size());
  }

  private SearchFacets facets(List<Match> matches) {
    Map<String, Long> area = new HashMap<>();
    Map<String, Long> level = new HashMap<>();
    Map<String, Long> type = new HashMap<>();
    Map<String, Long> language = new HashMap<>();
    Map<String, Long> license = new HashMap<>();
    for (Match m : matches) {
      ResourceFacts f = m.facts();
      Set<String> areas = new HashSet<>();
      f.skills().forEach(s -> areas.addAll(skills.areasOf(s)));
      count(area, areas, Function.identity());
      count(level, f.levels(), Function.identity());
      count(type, f.types(), SearchTerms::shortType);
      count(language, f.languages(), Function.identity());
      count(license, f.licenses(), Function.identity());
    }
    return new SearchFacets(area, level, type, language, license);
  }

  private static void count(Map<String, Long> counts, Set<String> values, Function<String, String> key) {
    Set<String> keys = new HashSet<>();
    values.forEach(v -> keys.add(key.apply(v)));
    keys.forEach(k -> counts.merge(k, 1L, Long::sum));
  }

  private static SearchHit hit(Match m) {
    ResourceFacts f = m.facts();
    Map<String, String> snippets = new LinkedHashMap<>();
    f.descriptions().forEach((lang, text) -> snippets.put(lang, SearchHit.snippet(text)));
    return new SearchHit(
        f.iri(),
        f.primaryType(),
        f.names(),
        snippets,
        List.copyOf(new java.util.TreeSet<>(f.skills())),
        f.levels().isEmpty() ? null : new java.util.TreeSet<>(f.levels()).first(),
        f.licenses().isEmpty() ? null : new java.util.TreeSet<>(f.licenses()).first(),
        List.copyOf(new java.util.TreeSet<>(f.languages())),
        m.score(),
        null);
  }
}
