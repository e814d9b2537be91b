/**
 * Network-wide search and SPARQL: {@code GET /federation/search} and {@code POST
 * /federation/sparql}.
 *
 * <p>Pieces: {@link network.baton.node.federation.search.FederationExtension} mounts {@link
 * network.baton.node.federation.search.FederationRoutes} over {@link
 * network.baton.node.federation.search.FederatedSearch} and {@link
 * network.baton.node.federation.search.FederatedSparql}; both fan out through {@code FanOut} (at
 * most {@code maxInFlight} calls at once, an answer by the deadline whatever members do) and {@link
 * network.baton.node.federation.search.MemberClient} (one time budget per call covering connect,
 * wait and read; answers over {@code maxAnswerBytes} refused while streaming; every call carries
 * {@code BATON-Hop: 1}). Members come from a {@link network.baton.node.federation.MemberDirectory}:
 * for now the config's {@code members}. When the directory lists the node itself (by its DID or its
 * base URL), its part is answered in-process by {@code OwnNode} through the node's search, SPARQL
 * and descriptor services, with the same time budget and the same status, never over its own HTTP
 * listener; it is not cached, so it is always current.
 *
 * <p>{@code GET /federation/search}: the parameters of {@code /search} plus {@code deadline}
 * (milliseconds, default 2000, at most 10000) and {@code members} (DIDs; default every member).
 * Members whose descriptor ({@code /.well-known/baton-node}, cached 60 s) covers none of the asked
 * skills or their narrower ones, or lists none of the asked languages, are not asked ("skipped").
 * The members' ranked lists are merged by reciprocal rank fusion (k = 60): members' own scores come
 * from their own Lucene statistics and are not comparable, ranks are. A resource several members
 * return is one hit, its data from the member that ranked it best. Member answers are cached 10 s
 * per member and query. Answer:
 *
 * <pre>{@code
 * {
 *   "hits": [ { ...the /search hit..., "member": "did:web:…",  // member that ranked it best
 *               "members": ["did:web:…", …],                   // every member that had it
 *               "score": 0.0325,                                 // fused score
 *               "memberScore": 7.41 } ],                         // that member's own score
 *   "total": 42,                      // sum of members' totals (a shared resource counts per member)
 *   "facets": { … },                  // the /search facets, counts summed over members
 *   "partial": true,                  // a member timed out or failed (skipped does not count)
 *   "members": [ {"did", "name", "status": "ok|timeout|error|skipped", "latencyMs", "count",
 *                 "error"?} ],
 *   "nextCursor": "…"                 // absent on the last page
 * }
 * }</pre>
 *
 * <p>Paging: see {@link network.baton.node.federation.search.FederatedCursor} for how the opaque
 * cursor holds each member's own cursor and the fused hits already returned, and for its limits.
 *
 * <p>{@code POST /federation/sparql} ({@code application/sparql-query}, or a form with {@code
 * query=}; optional {@code members} and {@code deadline} as URL or form parameters): SELECT only
 * (anything else is a 400 problem), sent to each member's {@code /sparql} with {@code LIMIT} at
 * most 1000 per member. The answer is {@code application/sparql-results+json} whose solutions each
 * bind {@code ?member} to the DID of the member they came from (a query may not use {@code ?member}
 * itself); the member statuses travel in the document as extra top-level {@code "partial"} and
 * {@code "members"} members (same shape as above), not in a header, so they survive caching and
 * saving the file.
 *
 * <p>Failing members: a member's {@code "error"} says why in plain words (cannot connect, reset the
 * connection, the answer is not HTTP, answered HTTP 500, the answer is not JSON...), quoting what
 * it sent on one line, cut short. The node logs a failing member as one WARN line (DID, name, URL,
 * call, reason, no stack trace) through {@link network.baton.node.federation.MemberFailureLog}: the
 * first failure, then at most one line per member per minute, counting the failures left out; the
 * HTTP clients handle every connection and stream exception, so Vert.x logs none of them.
 *
 * <p>Hop limit: a request to {@code /federation/search} or {@code /federation/sparql} that carries
 * {@code BATON-Hop} is refused with 400, so a federated request never fans out twice; {@code
 * /search} and {@code /sparql} answer it locally as usual.
 */
package network.baton.node.federation.search;
