/**
 * SD-JWT VC (RFC 9901 SD-JWT, draft-ietf-oauth-sd-jwt-vc) and Token Status Lists
 * (draft-ietf-oauth-status-list) for the BATON skill credential.
 *
 * <h2>Issuing</h2>
 *
 * {@link network.baton.credential.sdjwt.SdJwtVcIssuer}: header {@code typ: dc+sd-jwt}, {@code kid}
 * the node's JsonWebKey method; claims {@code iss}, {@code jti}, {@code iat}, {@code nbf}?, {@code
 * exp}?, {@code vct} ({@link network.baton.credential.sdjwt.SkillCredentialType}), {@code cnf.jwk},
 * {@code status.status_list {idx, uri}}, {@code achievement {id, name}}, {@code skills} (each
 * element its own disclosure), {@code _sd_alg: sha-256}. Called by {@code
 * IssuanceService.issueSdJwtVc}.
 *
 * <h2>Status</h2>
 *
 * The node's lists are {@code {baseUrl}/statuslists/token/{n}}, 2 bits per credential, derived from
 * the recorded states (see {@code service.NodeStatusLists}); served as {@link
 * network.baton.credential.sdjwt.StatusListToken} ({@code statuslist+jwt}, {@code sub}, {@code
 * iat}, {@code exp}, {@code ttl}). Other issuers' tokens: {@link
 * network.baton.credential.sdjwt.FetchedTokenStatusLists}.
 *
 * <h2>Verifying</h2>
 *
 * {@link network.baton.credential.sdjwt.SdJwtVerification} gives the verifier a format for
 * credentials and one for presentations (KB-JWT required). Steps: format, header, credential, key,
 * signature, disclosures | key binding (nonce, audience), dates, token status, issuer trusted,
 * skills. The report's {@code disclosed} lists the disclosed claim paths. Inputs are strings in the
 * compact form only: the VC API's enveloped forms are for W3C VCs ({@code vc+jwt}), which an SD-JWT
 * VC is not.
 *
 * <h2>Presenting</h2>
 *
 * {@link network.baton.credential.sdjwt.SdJwtPresenter}: the disclosures of chosen skills and a
 * KB-JWT ({@code iat}, {@code nonce}, {@code aud}, {@code sd_hash}) by the holder's key.
 */
package network.baton.credential.sdjwt;
