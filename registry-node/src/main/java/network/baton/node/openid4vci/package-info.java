/**
 * Credentials into wallets: the node as an OpenID for Verifiable Credential Issuance 1.0 issuer and
 * its own OAuth 2.0 authorization server, pre-authorized code flow only.
 *
 * <p>The parts:
 *
 * <ul>
 *   <li>{@link network.baton.node.openid4vci.Openid4vciExtension}: starts after the credential
 *       extension, over its {@link network.baton.credential.service.IssuanceService}; off when
 *       credentials are off.
 *   <li>{@link network.baton.node.openid4vci.OfferService}: offers (made by staff, redeemed at the
 *       token endpoint), kept in {@link network.baton.node.openid4vci.OfferStore} ({@code
 *       {dataDir}/openid4vci/offers.json}, written atomically, hashes only).
 *   <li>{@link network.baton.node.openid4vci.CredentialEndpoint}: the nonce and credential
 *       endpoints; {@link network.baton.node.openid4vci.KeyProof} checks the key proof; {@link
 *       network.baton.node.openid4vci.AccessTokens} holds the tokens in memory.
 *   <li>{@link network.baton.node.openid4vci.CredentialConfigurations}: the one map from {@code
 *       credential_configuration_id} to format: {@code BatonCourseCredential_jwt_vc_json}, {@code
 *       BatonCourseCredential_ldp_vc} and {@code BatonSkillCredential_dc_sd_jwt} (SD-JWT VC,
 *       OpenID4VCI 1.0 Appendix A.3: its {@code vct} the node's {@code
 *       {base}/vct/skill-credential}, binding method {@code jwk}, claims metadata for {@code
 *       achievement} and {@code skills}).
 *   <li>{@link network.baton.node.openid4vci.Openid4vciRoutes}: the HTTP side; the page {@code GET
 *       /offers/{id}} is the web package's, over {@link
 *       network.baton.node.NodeServices#CREDENTIAL_OFFERS}.
 * </ul>
 *
 * <p>The flow and its rules:
 *
 * <ol>
 *   <li>{@code POST /admin/credential-offers} (admin token) {@code {course, txCode?,
 *       expiresInSeconds?, credentialConfigurationIds?}} -> 201 {@code {id, credentialOffer,
 *       offerUri, pageUrl, txCode?, expires}}. The course is an IRI or an id of a course or
 *       curriculum the node publishes (else 422). The offer lists every configuration unless told
 *       otherwise, lasts ten minutes unless told otherwise (a week at most), and is one of at most
 *       a thousand open (409 beyond). The pre-authorized code is 256 random bits, the transaction
 *       code six digits; the node stores the SHA-256 of the code and of code and transaction code
 *       together, never either in clear, and nothing about the graduate. {@code offerUri} is {@code
 *       openid-credential-offer://?credential_offer=...} with the offer by value (a {@code
 *       credential_offer_uri} would have to be https, which a node on loopback is not).
 *   <li>{@code GET /offers/{id}?code=...}: the graduate's page (ja/en) with the link, its QR code,
 *       the course and the expiry (Japan time on the Japanese page, UTC on the English); 404 for an
 *       unknown offer or a wrong code, 410 once used or expired; {@code Cache-Control: no-store}.
 *       The code travels in the query, which the access log does not write.
 *   <li>{@code GET /.well-known/openid-credential-issuer} and {@code
 *       /.well-known/oauth-authorization-server}: the metadata ({@code credential_issuer} is the
 *       node's base URL, display names ja and en, the authorization server takes the pre-authorized
 *       grant anonymously).
 *   <li>{@code POST /openid4vci/token} ({@code application/x-www-form-urlencoded}, at most 8 KiB):
 *       {@code grant_type=urn:ietf:params:oauth:grant-type:pre-authorized_code}, {@code
 *       pre-authorized_code}, {@code tx_code} -> 200 {@code {access_token, token_type: Bearer,
 *       expires_in: 300}}. invalid_request: a parameter missing, repeated or malformed, a {@code
 *       tx_code} missing or not asked for; invalid_grant: the code unknown, used or expired, the
 *       transaction code wrong (five wrong void the offer); unsupported_grant_type. The offer is
 *       redeemed, on disk, before the token is answered; two requests with one code get one token.
 *   <li>{@code POST /openid4vci/nonce} -> 200 {@code {c_nonce}}: 256 random bits, single use, five
 *       minutes, at most ten thousand outstanding.
 *   <li>{@code POST /openid4vci/credential} ({@code Authorization: Bearer}, {@code
 *       application/json}, at most 64 KiB) {@code {credential_configuration_id, proofs: {jwt:
 *       [proof]}}} -> 200 {@code {credentials: [{credential}]}}: a JWT string for {@code
 *       jwt_vc_json}, an object for {@code ldp_vc}, its {@code credentialSubject.id} the proof's
 *       key (its did:key when the proof sends a jwk, else the did:key or did:jwk of its kid); the
 *       SD-JWT string (issuer JWT and every skill disclosure, no key binding) for {@code
 *       dc+sd-jwt}, its {@code cnf.jwk} the proof's key (the jwk, or the key of its kid), its
 *       status a Token Status List entry that revoking and suspending set like the others. The
 *       token gives one credential of each configuration the offer listed and goes after five
 *       refused requests or five minutes. invalid_token (401, with {@code WWW-Authenticate:
 *       Bearer}), invalid_credential_request, unknown_credential_configuration, invalid_proof,
 *       invalid_nonce, credential_request_denied.
 * </ol>
 *
 * <p>Every refusal of the wallet endpoints is {@code application/json} {@code {error,
 * error_description}} with {@code Cache-Control: no-store}; a full queue or a client over its share
 * is 503 temporarily_unavailable with {@code Retry-After}; nothing a client sends makes a 5xx.
 * Tokens and nonces live in memory: a restart forgets them (offers it does not).
 */
package network.baton.node.openid4vci;
