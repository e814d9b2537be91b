package network.baton.node.federation.search;

import static java.util.Objects.requireNonNull;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import network.baton.node.federation.Member;
import network.baton.node.sparql.QueryPolicy;
import network.baton.node.sparql.QueryRefused;
import org.apache.jena.query.Query;

/**
 * Network-wide SELECT: the query goes to every member's {@code /sparql} (or the named ones; the
 * node itself is asked in-process through {@link OwnNode}) with a LIMIT per member, and the
 * solutions are unioned with the member's DID bound to {@code ?member}. Blank node labels are
 * prefixed per member so two members' blank nodes never merge.
 */
public final class FederatedSparql {

  /** The variable naming the member a solution came from; a query may not use it itself. */
  public static final String MEMBER_VAR = "member";

  private static final Set<String> TERM_TYPES =
      Set.of("uri", "literal", "bnode", "triple", "typed-literal");

  private final Network network;
  private final WorkerExecutor jenaPool;
  private final int rowsPerMember;

  /**
   * Federated SPARQL over the network's members, at most rowsPerMember solutions from each; queries
   * are parsed on {@code jenaPool}.
   */
  FederatedSparql(Network network, WorkerExecutor jenaPool, int rowsPerMember) {
    this.network = requireNonNull(network, "network");
    this.jenaPool = requireNonNull(jenaPool, "jenaPool");
    this.rowsPerMember = rowsPerMember;
  }

  /**
   * Runs a SELECT on the members named (all when empty) within {@code deadlineMs}; fails with a
   * {@link QueryRefused} for a query that does not parse, uses what {@link QueryPolicy} refuses
   * (such as SERVICE), is not a SELECT, or binds {@code ?member}.
   */
  public Future<FederatedSparqlResult> select(
      String queryText, List<String> members, long deadlineMs) {
    List<Member> chosen;
    try {
      chosen = chosen(members);
    } catch (QueryRefused e) {
      return Future.failedFuture(e);
    }
    return jenaPool
        .executeBlocking(() -> prepare(queryText), false)
        .compose(
            query -> {
              Buffer text = Buffer.buffer(query.serialize());
              List<String> vars = new ArrayList<>(query.getResultVars());
              MemberCall<MemberRows> call =
                  new MemberCall<>(
                      "sparql",
                      (member, timeoutMs) -> ask(member, text, timeoutMs),
                      rows -> rows.bindings().size());
              return network.fanOut().run(call, chosen, deadlineMs).map(all -> union(vars, all));
            });
  }

  private List<Member> chosen(List<String> dids) {
    List<Member> all = network.directory().members();
    List<String> unknown =
        dids.stream().filter(d -> all.stream().noneMatch(m -> m.did().equals(d))).toList();
    if (!unknown.isEmpty()) {
      throw new QueryRefused(
          QueryRefused.Reason.UNKNOWN_MEMBERS,
          "members are not in the network: " + String.join(", ", unknown));
    }
    return all.stream().filter(m -> dids.isEmpty() || dids.contains(m.did())).toList();
  }

  private Query prepare(String text) {
    if (text == null || text.isBlank()) {
      throw new QueryRefused(
          QueryRefused.Reason.NO_QUERY,
          "send a SPARQL SELECT query (application/sparql-query or form query=)");
    }
    // The members' own rules, checked here first: SPARQL 1.1, no SERVICE, allowed functions only
    // (a member refuses the rest anyway, and a refusal here costs no call).
    Query query = QueryPolicy.parseAndCheck(text);
    if (!query.isSelectType()) {
      throw new QueryRefused(
          QueryRefused.Reason.SELECT_ONLY, "federated SPARQL runs SELECT queries only");
    }
    if (query.getResultVars().contains(MEMBER_VAR)) {
      throw new QueryRefused(
          QueryRefused.Reason.RESERVED_VARIABLE,
          "?" + MEMBER_VAR + " is reserved: it names the member each solution comes from");
    }
    if (!query.hasLimit() || query.getLimit() > rowsPerMember) {
      query.setLimit(rowsPerMember);
    }
    return query;
  }

  private Future<MemberRows> ask(Member member, Buffer query, long timeoutMs) {
    if (network.isSelf(member)) {
      return network.self().select(query.toString(), timeoutMs).compose(this::parse);
    }
    return network
        .client()
        .post(
            member.baseUrl() + "/sparql",
            "application/sparql-results+json",
            "application/sparql-query",
            query,
            timeoutMs)
        .compose(body -> parse(body));
  }

  /** Reads an untrusted SPARQL JSON results document; anything malformed is an error. */
  private Future<MemberRows> parse(Buffer body) {
    try {
      JsonObject json = FederatedSearch.json(body);
      List<String> vars = new ArrayList<>();
      for (Object v : json.getJsonObject("head").getJsonArray("vars")) {
        vars.add((String) v);
      }
      List<JsonObject> bindings = new ArrayList<>();
      for (Object row : json.getJsonObject("results").getJsonArray("bindings")) {
        if (bindings.size() >= rowsPerMember) {
          break;
        }
        JsonObject binding = (JsonObject) row;
        binding.forEach(
            e -> {
              JsonObject term = (JsonObject) e.getValue();
              if (!TERM_TYPES.contains(term.getString("type")) || term.getValue("value") == null) {
                throw new IllegalArgumentException(
                    "binding of ?" + e.getKey() + " is not an RDF term");
              }
            });
        bindings.add(binding);
      }
      return Future.succeededFuture(new MemberRows(vars, bindings));
    } catch (RuntimeException e) {
      return Future.failedFuture(
          new MemberCallFailure(
              MemberState.ERROR,
              "answer is not SPARQL JSON results: " + FederatedSearch.reason(e)));
    }
  }

  private static FederatedSparqlResult union(
      List<String> queryVars, List<MemberAnswer<MemberRows>> all) {
    Set<String> vars = new LinkedHashSet<>(queryVars);
    List<JsonObject> bindings = new ArrayList<>();
    List<MemberStatus> statuses = new ArrayList<>();
    int index = 0;
    for (MemberAnswer<MemberRows> answer : all) {
      index++;
      statuses.add(answer.status());
      if (!answer.ok()) {
        continue;
      }
      String prefix = "m" + index + "_";
      JsonObject member = new JsonObject().put("type", "uri").put("value", answer.member().did());
      for (JsonObject row : answer.value().bindings()) {
        JsonObject copy = new JsonObject();
        row.forEach(
            e -> {
              if (MEMBER_VAR.equals(e.getKey())) {
                return;
              }
              JsonObject term = ((JsonObject) e.getValue()).copy();
              if ("bnode".equals(term.getString("type"))) {
                term.put("value", prefix + term.getValue("value"));
              }
              copy.put(e.getKey(), term);
            });
        copy.put(MEMBER_VAR, member.copy());
        bindings.add(copy);
      }
    }
    vars.add(MEMBER_VAR);
    return new FederatedSparqlResult(List.copyOf(vars), bindings, statuses);
  }

  /** One member's solutions. */
  private record MemberRows(List<String> vars, List<JsonObject> bindings) {}
}
