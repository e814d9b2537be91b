/**
 * Publishing and reading linked data on one node: {@code POST /resources}, {@code POST
 * /resources/batch}, {@code GET /resources}, {@code GET|PUT|DELETE /resources/{id}}, {@code GET
 * /changes}.
 *
 * <p>Pieces, routes to store: {@link network.baton.node.resources.ResourceRoutes} reads the request
 * (Content-Type, If-Match, paging parameters) and answers JSON or the resource in the negotiated
 * format, rendered by {@link network.baton.node.resources.GraphRenderer} (JSON-LD compacted with
 * the BATON context by {@link network.baton.node.resources.JsonLdCompactor}, Turtle, N-Triples,
 * RDF/XML; text/html is the web pages' resource page, mounted before these routes). {@link
 * network.baton.node.resources.ResourceService} is the service the routes and the pages share (a
 * {@code NodeServices.RESOURCES}): it parses bodies with {@link
 * network.baton.node.resources.ResourceReader} (strict UTF-8, nesting and JSON-LD limits, {@code
 * https://schema.org/} normalised), validates them with a {@link
 * network.baton.node.resources.ResourceValidator} (the vocabulary's SHACL shapes) and writes
 * through {@link network.baton.node.store.ResourceStore}, writes on the node's write queue and
 * reads on its read queue.
 *
 * <p>Validators: each representation of a version has its own strong ETag ({@link
 * network.baton.node.resources.RepresentationTag}, {@code "<version>-<format>"}); {@code
 * If-None-Match} is compared weakly against the negotiated representation's tag, {@code If-Match}
 * strongly against every representation of the current version ({@link
 * network.baton.node.store.VersionMatch} is what the store checks in its write transaction).
 * JSON-LD answers link the node's copy of the BATON context ({@code /contexts/baton-v1.jsonld}).
 *
 * <p>Failures: the service throws domain exceptions ({@link
 * network.baton.node.resources.RdfSyntaxException} with line and column, {@link
 * network.baton.node.resources.ValidationFailedException} with the violations, {@link
 * network.baton.node.store.StoreException} by kind); {@link
 * network.baton.node.resources.ResourceProblems} is the one place that gives them HTTP statuses
 * (400, 422, 404, 410, 409, 412), as RFC 9457 problems.
 */
package network.baton.node.resources;
