/**
 * The one fetch policy for outbound calls that input can steer: did:web documents ({@code
 * did.DidWebResolver}), other issuers' status lists (the node's {@code HttpStatusListFetcher}, also
 * used by {@code baton verify --save}), and member nodes (the node's {@code MemberRequests}).
 *
 * <h2>Rule</h2>
 *
 * <ul>
 *   <li>https only, to public addresses ({@link
 *       network.baton.credential.fetch.AddressKind#PUBLIC});
 *   <li>loopback addresses, over plain http or https, only with {@code allowLoopbackHttp} (config
 *       key, {@code baton verify --allow-loopback-http}; tests and the local demo); plain http only
 *       to a host named {@code localhost} or a loopback literal;
 *   <li>loopback addresses over https only (plain http still refused) with {@code
 *       allowLoopbackHttps} (config key, {@code baton verify --allow-loopback-https}; the local
 *       https demo);
 *   <li>https trusts the JDK's certificate authorities plus those of {@link
 *       network.baton.credential.fetch.TrustedCertificates} ({@code trustedCertificates}, {@code
 *       --ca-cert}), host names verified;
 *   <li>never: private (RFC 1918, fc00::/7, fec0::/10), link-local (169.254/16, fe80::/10),
 *       multicast, unspecified (0.0.0.0/8, ::), CGNAT (100.64/10), documentation, benchmarking and
 *       other reserved blocks, and the IPv4-mapped, -compatible, NAT64 and 6to4 forms of these; a
 *       name with any such address among its answers is refused whole;
 *   <li>no user info in URLs, no redirects followed, no proxy, no cookies, no compression.
 * </ul>
 *
 * <h2>Where it is checked</h2>
 *
 * On the addresses a host resolves to, by the code that connects to exactly those addresses ({@link
 * network.baton.credential.fetch.HttpFetcher}: HttpClient's resolver and the socket's connect; the
 * node's member calls: Vert.x is given the checked address), so DNS rebinding cannot get around it.
 * Names are resolved by a {@link network.baton.credential.fetch.HostResolver}: the system's, or a
 * test's.
 *
 * <h2>Limits</h2>
 *
 * Each {@link network.baton.credential.fetch.HttpFetcher} has a deadline for the whole fetch
 * (lookup, connect, TLS, headers, body), a body-size limit and at most {@link
 * network.baton.credential.fetch.HttpFetcher#MAX_IN_FLIGHT} fetches at once. Refusals and failures
 * are {@link network.baton.credential.fetch.FetchException}s with a reason a person can act on,
 * e.g. "did:web:127.0.0.1%3A9 resolves to a loopback address (127.0.0.1), which this node does not
 * fetch from"; verification reports carry them as a failed check, never as a 5xx.
 *
 * <h2>Never fetched at all</h2>
 *
 * JSON-LD {@code @context} documents (only the bundled ones load), JWS {@code jku}/{@code x5u}
 * headers (keys come from the issuer's DID document), {@code credentialSchema} ids (the Open Badges
 * schema is bundled).
 */
package network.baton.credential.fetch;
