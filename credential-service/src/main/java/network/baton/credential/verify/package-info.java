/**
 * Verifying credentials and presentations into reports, offline-capable and without Vert.x.
 *
 * <h2>Parts</h2>
 *
 * <ul>
 *   <li>{@link network.baton.credential.verify.VerificationService}: what callers use (the node's
 *       routes, the CLI); built alone from a DID resolver with {@code builder(...)}, it needs no
 *       key, folder or catalogue. It holds the challenges it hands out and the nonces it accepted.
 *   <li>{@link network.baton.credential.verify.CredentialVerifier} and {@link
 *       network.baton.credential.verify.PresentationVerifier}: a {@link
 *       network.baton.credential.verify.FormatDispatch} from securing format to pipeline.
 *   <li>{@link network.baton.credential.verify.VerificationPipeline}: named steps ({@link
 *       network.baton.credential.verify.VerificationCheck}) over one {@link
 *       network.baton.credential.verify.Evidence}; gates stop at their first failure, the other
 *       checks all run.
 *   <li>Strategies with safe defaults: {@link network.baton.credential.verify.KeySelector} (kid a
 *       DID URL of the issuer or holder, listed for the purpose, of the header's alg), {@link
 *       network.baton.credential.verify.JwsHeaderPolicy} (EdDSA and ES256 only: {@code none}, HMAC
 *       and unknown algorithms refused by name; the expected {@code typ}; no {@code crit}), {@link
 *       network.baton.credential.verify.StatusChecker} (default: fails), {@link
 *       network.baton.credential.verify.TrustList} (default: nobody), skill lookup (default: none).
 * </ul>
 *
 * <h2>Steps, in report order</h2>
 *
 * <ul>
 *   <li>vc+jwt: format, header, credential, key, signature | dates, status, issuer trusted, skills,
 *       extra checks (the node adds {@code schema}).
 *   <li>eddsa-rdfc-2022 credential: format, credential, proof (reports key and signature) | the
 *       same claims checks.
 *   <li>vp+jwt: format, header, presentation, key, signature | nonce, audience, then per held
 *       credential a {@code holder binding} check (or a {@code credentials} failure) and its own
 *       report under {@code credentials}.
 *   <li>eddsa-rdfc-2022 presentation: format, presentation, proof | nonce (the proof's challenge),
 *       audience (its domain), held credentials as above, in any credential format.
 *   <li>presentation without a proof, only when the caller asks for no challenge, domain or holder
 *       binding ({@link network.baton.credential.verify.PresentationRequirements#allowsUnsecured}):
 *       format, presentation | credentials, then a {@code proof} step that passes only when every
 *       held credential verified on its own.
 * </ul>
 *
 * <p>What the caller asks of a presentation is a {@link
 * network.baton.credential.verify.PresentationOptions}: its own challenge and domain (each
 * challenge accepted once) or one this verifier issued, and whether credentials must be about the
 * holder ({@code holder binding} checks; without it, one {@code credentials} check per credential).
 * The holder is optional: the controller of the key that secured the presentation.
 *
 * <p>Steps before the bar are gates. A report is ok only when every check passed, every held
 * credential's report is ok, and a step verified a signature or proof: a pipeline without one
 * reports a failed {@code signature} check.
 *
 * <h2>Adding a format</h2>
 *
 * A new securing format (SD-JWT VC, an OpenID4VP response) is a {@link
 * network.baton.credential.verify.FormatDispatch.Format}: which inputs it reads and its pipeline,
 * new gates followed by the same claims checks; a step is changed with {@code replacing(name,
 * check)}, never by a branch in an existing step.
 */
package network.baton.credential.verify;
