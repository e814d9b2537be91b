/**
 * SPARQL for the public: {@code GET|POST /sparql} (SPARQL 1.1 Protocol, queries only) over the
 * union of the node's resource graphs, and the checks {@code /federation/sparql} shares. A request
 * may name its RDF dataset ({@link network.baton.node.sparql.QueryDataset}: {@code
 * default-graph-uri} and {@code named-graph-uri}, which win over the query's {@code FROM} and
 * {@code FROM NAMED}); it is made of the node's graphs, never fetched, and a name that is not an
 * absolute IRI is 400.
 *
 * <p>Pieces, routes to store: {@link network.baton.node.sparql.SparqlRoutes} reads the query (413
 * or 414 past {@code sparqlMaxQueryBytes}, 403 for an update, 415 for another body) and tells a
 * {@link network.baton.node.sparql.QueryRun} when its client goes; {@link
 * network.baton.node.sparql.SparqlService} runs it on the SPARQL work queue in a read transaction
 * and answers once the whole answer is written. {@link network.baton.node.sparql.QueryPolicy}
 * refuses what a public query may not use (SERVICE, functions outside {@code PublicFunctions},
 * custom aggregates) before anything runs. {@code QueryContexts} sets the Jena context symbols that
 * bound one execution to its {@code QueryBudget}: the cancel signal, an optimizer step that swaps
 * unbounded built-ins for {@code BoundedExpressions}, the operator executor {@code
 * BoundedOpExecutor} that charges kept solutions, the allowed function registries, SERVICE off.
 *
 * <p>Answers: 200 with results or RDF; 400 {@code malformed-query} (with {@code line}, {@code
 * column}), {@code query-not-allowed} (with {@code refused}) or {@code query-too-complex}; 406;
 * 413/414 {@code query-too-long}; 422 {@code query-too-large} with {@code limit} (the config key:
 * {@code sparqlMaxStringLength}, {@code sparqlMemoryBytes}, {@code sparqlMaxAnswerBytes}, or the
 * fixed {@code numberDigits}) and {@code value}; 503 {@code query-timeout} (with {@code timeoutMs})
 * or {@code busy} (queue full, with Retry-After). A client that closed its connection gets nothing:
 * its query is aborted, or never started if it was still queued.
 *
 * <p>What stays as Jena does it: results of every query within the limits (the bounded built-ins
 * compute the same values; the executor builds the same iterators), Jena's optimizer (constant
 * folding aside, which would evaluate outside any budget), its timeout and cancel signal, its
 * result writers.
 */
package network.baton.node.sparql;
