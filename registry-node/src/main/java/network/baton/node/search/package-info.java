/**
 * Local search on one node: {@code GET
 * /search?q=&skill=&level=&type=&lang=&license=&limit=&cursor=}.
 *
 * <p>Pieces, routes to store: {@link network.baton.node.search.SearchRoutes} parses query
 * parameters into a {@link network.baton.node.search.SearchQuery} and answers a {@link
 * network.baton.node.search.SearchResult} as JSON; {@link network.baton.node.search.SearchService}
 * runs {@link network.baton.node.search.LocalSearch} on a worker executor. LocalSearch ranks free
 * text with the jena-text Lucene index of {@link network.baton.node.store.NodeDataset} (kuromoji,
 * character bigrams so that 電池 finds 蓄電池, English stemming) and filters, counts and shows resources
 * from an in-memory catalog that follows every commit.
 *
 * <p>Semantics: several values of one filter (repeated or comma-separated) are alternatives,
 * different filters all apply; {@code skill} matches the skill and every narrower skill of the
 * framework; {@code lang} filters on {@code schema:inLanguage}; {@code type} takes the JSON-LD
 * context's short names ({@code Course}) or schema.org IRIs; {@code skill} and {@code level} take
 * IRIs, CURIEs ({@code skill:MFG-COAT}) or bare codes. With text, hits are ranked by score
 * (descending) then IRI; without, by name then IRI. {@code limit} is 1 to 100 (default 20). Facets
 * count all matching resources, not only the page. Bad parameters are a 400 problem whose {@code
 * problems} member lists each one.
 *
 * <p>The JSON shape, shared with federated search ({@code SearchResult.toJson/fromJson}):
 *
 * <pre>{@code
 * {
 *   "hits": [
 *     { "iri": "https://node.example/resources/kosen-ec101",
 *       "type": "Course",
 *       "name": {"ja": "電気化学基礎", "en": "Fundamentals of Electrochemistry"},
 *       "description": {"ja": "…", "en": "…"},            // snippets, at most 200 characters each
 *       "skills": ["https://w3id.org/baton/skill/ECH-THERMO"],
 *       "level": "https://w3id.org/baton/level/kosen",    // absent when none
 *       "license": "https://creativecommons.org/licenses/by/4.0/",
 *       "languages": ["en", "ja"],
 *       "score": 7.41,                                     // 0 without q
 *       "member": "did:web:…" }                            // set by federated search only
 *   ],
 *   "total": 12,
 *   "facets": {
 *     "skillArea": {"https://w3id.org/baton/skill/ECH": 9},   // top concept of each taught skill
 *     "level": {"https://w3id.org/baton/level/kosen": 12},
 *     "type": {"Course": 10, "LearningResource": 2},
 *     "language": {"en": 5, "ja": 12},
 *     "license": {"https://creativecommons.org/licenses/by/4.0/": 12}
 *   },
 *   "nextCursor": "eyJvIjoiU0NPUkUi…"                      // absent on the last page
 * }
 * }</pre>
 *
 * <p>The cursor is opaque (base64url): the sort key and IRI of the page's last hit plus a
 * fingerprint of q and the filters; the next page starts strictly after it, so paging neither
 * repeats nor skips a hit, and a cursor sent with a different query is refused.
 */
package network.baton.node.search;
