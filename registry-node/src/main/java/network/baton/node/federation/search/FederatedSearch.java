package network.baton.node.federation.search;

import static java.util.Objects.requireNonNull;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.function.Function;
import network.baton.node.federation.FailureReason;
import network.baton.node.federation.Member;
import network.baton.node.search.InvalidSearchQuery;
import network.baton.node.search.SearchFacets;
import network.baton.node.search.SearchHit;
import network.baton.node.search.SearchQuery;
import network.baton.node.search.SearchResult;

/**
 * Network-wide search: asks every member's {@code /search} in parallel (the node itself, when the
 * directory lists it, in-process through {@link OwnNode}), skips members whose descriptor cannot
 * match, fuses the ranked lists by reciprocal rank, and answers by the deadline with each member's
 * status. Never blocks the event loop; member answers are untrusted and parsed defensively.
 */
public final class FederatedSearch {

  private final Network network;
  private final RankFusion fusion = new RankFusion(RankFusion.DEFAULT_K);
  private final Function<String, Set<String>> selfAndNarrower;
  private final Cache<String, MemberDescriptor> descriptors;
  private final Cache<String, SearchResult> answers;
  private final FederationLimits limits;

  /**
   * A search over the network's members; {@code selfAndNarrower} gives a skill IRI and every
   * narrower skill of the framework (for source selection); members whose descriptor cannot be had
   * are told to the fan-out's failure log.
   */
  FederatedSearch(
      Network network, Function<String, Set<String>> selfAndNarrower, FederationLimits limits) {
    this.network = requireNonNull(network, "network");
    this.selfAndNarrower = requireNonNull(selfAndNarrower, "selfAndNarrower");
    this.limits = requireNonNull(limits, "limits");
    this.descriptors =
        Caffeine.newBuilder().maximumSize(1_000).expireAfterWrite(limits.descriptorTtl()).build();
    this.answers =
        Caffeine.newBuilder().maximumSize(1_000).expireAfterWrite(limits.answerTtl()).build();
  }

  /**
   * Parses request parameters under this search's limits; fails with {@link InvalidSearchQuery}
   * listing every problem.
   */
  public Future<FederatedSearchRequest> parse(Map<String, List<String>> params) {
    try {
      return Future.succeededFuture(FederatedSearchRequest.parse(params, limits));
    } catch (InvalidSearchQuery e) {
      return Future.failedFuture(e);
    }
  }

  /** One page of fused results; fails with {@link InvalidSearchQuery} for an unknown member. */
  public Future<FederatedSearchResult> search(FederatedSearchRequest request) {
    List<Member> chosen;
    try {
      chosen = chosen(request);
    } catch (InvalidSearchQuery e) {
      return Future.failedFuture(e);
    }
    FederatedCursor cursor = request.cursor();
    SearchQuery query = request.query();
    MemberCall<SearchResult> call =
        new MemberCall<>(
            "search",
            (member, timeoutMs) ->
                ask(member, query, cursor.memberCursors().get(member.did()), timeoutMs),
            result -> result.hits().size());
    return network
        .fanOut()
        .run(call, chosen, request.deadlineMs())
        .map(all -> page(query, cursor, all));
  }

  private List<Member> chosen(FederatedSearchRequest request) {
    List<Member> members = network.directory().members();
    Set<String> known = new HashSet<>();
    members.forEach(m -> known.add(m.did()));
    List<String> unknown = request.members().stream().filter(did -> !known.contains(did)).toList();
    if (!unknown.isEmpty()) {
      throw new InvalidSearchQuery("members are not in the network: " + String.join(", ", unknown));
    }
    FederatedCursor cursor = request.cursor();
    return members.stream()
        .filter(m -> request.members().isEmpty() || request.members().contains(m.did()))
        .filter(m -> !cursor.exhausted().contains(m.did()))
        .filter(m -> cursor.skip() == 0 || cursor.window().contains(m.did()))
        .toList();
  }

  private FederatedSearchResult page(
      SearchQuery query, FederatedCursor cursor, List<MemberAnswer<SearchResult>> all) {
    Map<String, List<SearchHit>> ranked = new LinkedHashMap<>();
    List<MemberStatus> statuses = new ArrayList<>();
    long total = 0;
    List<SearchFacets> facets = new ArrayList<>();
    for (MemberAnswer<SearchResult> answer : all) {
      statuses.add(answer.status());
      if (answer.ok()) {
        ranked.put(answer.member().did(), answer.value().hits());
        total += answer.value().total();
        facets.add(answer.value().facets());
      }
    }
    List<FederatedHit> fused = fusion.fuse(ranked);
    int from = Math.min(cursor.skip(), fused.size());
    int to = Math.min(from + query.limit(), fused.size());
    return new FederatedSearchResult(
        fused.subList(from, to), total, sum(facets), next(cursor, all, to, fused.size()), statuses);
  }

  /** The cursor after this page, or null when no member has more. */
  private static String next(
      FederatedCursor cursor, List<MemberAnswer<SearchResult>> all, int returned, int windowSize) {
    Set<String> window = new HashSet<>();
    all.stream().filter(MemberAnswer::ok).forEach(a -> window.add(a.member().did()));
    if (returned < windowSize) {
      return new FederatedCursor(
              cursor.fingerprint(), cursor.memberCursors(), cursor.exhausted(), window, returned)
          .encode();
    }
    Map<String, String> cursors = new HashMap<>(cursor.memberCursors());
    Set<String> exhausted = new HashSet<>(cursor.exhausted());
    boolean more = false;
    for (MemberAnswer<SearchResult> answer : all) {
      if (!answer.ok()) {
        continue; // keeps its cursor: asked again in the next window
      }
      String did = answer.member().did();
      String memberNext = answer.value().nextCursor();
      if (memberNext == null) {
        exhausted.add(did);
        cursors.remove(did);
      } else {
        cursors.put(did, memberNext);
        more = true;
      }
    }
    if (!more) {
      return null;
    }
    return new FederatedCursor(cursor.fingerprint(), cursors, exhausted, Set.of(), 0).encode();
  }

  private Future<SearchResult> ask(
      Member member, SearchQuery query, String memberCursor, long timeoutMs) {
    long start = System.nanoTime();
    boolean selective = !query.skills().isEmpty() || !query.languages().isEmpty();
    Future<Optional<MemberDescriptor>> descriptor =
        selective ? descriptor(member, timeoutMs) : Future.succeededFuture(Optional.empty());
    return descriptor.compose(
        known -> {
          Optional<String> mismatch = known.flatMap(d -> d.mismatch(query, selfAndNarrower));
          if (mismatch.isPresent()) {
            return Future.failedFuture(new MemberCallFailure(MemberState.SKIPPED, mismatch.get()));
          }
          long left = timeoutMs - (System.nanoTime() - start) / 1_000_000;
          return searchMember(member, query, memberCursor, Math.max(1, left));
        });
  }

  /**
   * The member's descriptor, cached; empty when it cannot be had (then nothing is skipped, and the
   * failure goes to the log).
   */
  private Future<Optional<MemberDescriptor>> descriptor(Member member, long timeoutMs) {
    if (network.isSelf(member)) {
      return network
          .self()
          .descriptor(timeoutMs)
          .map(MemberDescriptor::fromJson)
          .onFailure(e -> network.fanOut().failures().failed(member, "descriptor", e.getMessage()))
          .map(Optional::of)
          .otherwise(Optional.empty());
    }
    String key = member.did() + ' ' + member.baseUrl();
    MemberDescriptor cached = descriptors.getIfPresent(key);
    if (cached != null) {
      return Future.succeededFuture(Optional.of(cached));
    }
    return network
        .client()
        .get(
            member.baseUrl() + "/.well-known/baton-node",
            "application/ld+json, application/json",
            timeoutMs)
        .compose(FederatedSearch::descriptorOf)
        .onSuccess(d -> descriptors.put(key, d))
        .onFailure(e -> network.fanOut().failures().failed(member, "descriptor", e.getMessage()))
        .map(Optional::of)
        .otherwise(Optional.empty());
  }

  /** Reads an untrusted descriptor. */
  private static Future<MemberDescriptor> descriptorOf(Buffer body) {
    try {
      return Future.succeededFuture(MemberDescriptor.fromJson(json(body)));
    } catch (RuntimeException e) {
      return Future.failedFuture(
          new MemberCallFailure(
              MemberState.ERROR, "answer is not a node descriptor: " + reason(e)));
    }
  }

  private Future<SearchResult> searchMember(
      Member member, SearchQuery query, String memberCursor, long timeoutMs) {
    Map<String, List<String>> params = query.toParams();
    if (memberCursor != null) {
      params.put("cursor", List.of(memberCursor));
    }
    if (network.isSelf(member)) {
      return network.self().search(params, timeoutMs).map(result -> limited(result, query.limit()));
    }
    String url = member.baseUrl() + "/search?" + queryString(params);
    String key = member.did() + ' ' + url;
    SearchResult cached = answers.getIfPresent(key);
    if (cached != null) {
      return Future.succeededFuture(cached);
    }
    return network
        .client()
        .get(url, "application/json", timeoutMs)
        .compose(body -> parse(body, query.limit()))
        .onSuccess(result -> answers.put(key, result));
  }

  /** Reads an untrusted answer: anything but a well-formed search result is an error. */
  private static Future<SearchResult> parse(Buffer body, int limit) {
    try {
      return Future.succeededFuture(limited(SearchResult.fromJson(json(body)), limit));
    } catch (RuntimeException e) {
      return Future.failedFuture(
          new MemberCallFailure(MemberState.ERROR, "answer is not a search result: " + reason(e)));
    }
  }

  private static SearchResult limited(SearchResult result, int limit) {
    return result.hits().size() <= limit
        ? result
        : new SearchResult(
            result.hits().subList(0, limit), result.total(), result.facets(), result.nextCursor());
  }

  /** The body as a JSON object; fails saying "it is not a JSON object" when it is none. */
  static JsonObject json(Buffer body) {
    try {
      return new JsonObject(body);
    } catch (DecodeException | ClassCastException e) {
      throw new IllegalArgumentException("it is not a JSON object", e);
    }
  }

  /** What was wrong with an answer, in one safe line. */
  static String reason(RuntimeException e) {
    return e.getMessage() == null
        ? e.getClass().getSimpleName()
        : FailureReason.quote(e.getMessage());
  }

  private static SearchFacets sum(List<SearchFacets> all) {
    List<Map<String, Long>> skillArea = new ArrayList<>();
    List<Map<String, Long>> level = new ArrayList<>();
    List<Map<String, Long>> type = new ArrayList<>();
    List<Map<String, Long>> language = new ArrayList<>();
    List<Map<String, Long>> license = new ArrayList<>();
    for (SearchFacets f : all) {
      skillArea.add(f.skillArea());
      level.add(f.level());
      type.add(f.type());
      language.add(f.language());
      license.add(f.license());
    }
    return new SearchFacets(
        summed(skillArea), summed(level), summed(type), summed(language), summed(license));
  }

  private static Map<String, Long> summed(List<Map<String, Long>> counts) {
    Map<String, Long> sum = new TreeMap<>();
    counts.forEach(map -> map.forEach((key, n) -> sum.merge(key, n, Long::sum)));
    return sum;
  }

  private static String queryString(Map<String, List<String>> params) {
    StringJoiner joiner = new StringJoiner("&");
    params.forEach(
        (name, values) -> values.forEach(value -> joiner.add(encode(name) + "=" + encode(value))));
    return joiner.toString();
  }

  static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
