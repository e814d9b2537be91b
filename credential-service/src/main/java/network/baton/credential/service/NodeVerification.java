package network.baton.credential.service;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import network.baton.credential.did.DidDocument;
import network.baton.credential.did.DidResolver;
import network.baton.credential.integrity.EddsaRdfc2022;
import network.baton.credential.issue.SkillLookup;
import network.baton.credential.schema.AchievementCredentialSchema;
import network.baton.credential.sdjwt.FetchedTokenStatusLists;
import network.baton.credential.sdjwt.SdJwtVerification;
import network.baton.credential.sdjwt.TokenStatusList;
import network.baton.credential.sdjwt.TokenStatusSource;
import network.baton.credential.status.BitstringStatusChecker;
import network.baton.credential.status.StatusList;
import network.baton.credential.status.StatusListFetcher;
import network.baton.credential.verify.CredentialVerifier;
import network.baton.credential.verify.KeyBinding;
import network.baton.credential.verify.TrustList;
import network.baton.credential.verify.VerificationService;

/**
 * The verification service of an issuing node, wired to what its issuance service owns: the node's
 * DID document is answered locally and its status lists are read from its store ({@link
 * IssuanceService#ownStatusLists()}); other issuers' documents and lists come through {@code
 * remoteDids} and {@code remoteLists} (lists verified and cached for the configured time); SD-JWT
 * VCs are read too, their Token Status Lists read from the node's store for its own and fetched
 * through {@code remoteLists} as status list tokens for others; the Open Badges 3.0 JSON Schema is
 * checked (not for SD-JWT VC, which is no VC Data Model document); challenges default to the node's
 * base URL. The one place that needs both services, and only to build the second from the first.
 */
public final class NodeVerification {
  private NodeVerification() {}

  /** The builder of the node's verifier; callers may change it before building. */
  public static VerificationService.Builder builder(
      IssuanceService issuance,
      DidResolver remoteDids,
      StatusListFetcher remoteLists,
      SkillLookup skills,
      EddsaRdfc2022 suite,
      TrustList trust,
      Clock clock) {
    requireNonNull(remoteDids, "remoteDids");
    CredentialConfig config = issuance.config();
    String did = issuance.issuerDid();
    DidDocument own = issuance.didDocument();
    DidResolver resolver = d -> did.equals(d) ? own : remoteDids.resolve(d);
    BitstringStatusChecker local =
        new BitstringStatusChecker(issuance.ownStatusLists(), clock, true);
    BitstringStatusChecker remote =
        new BitstringStatusChecker(
            remoteLists,
            new StatusListCredentialVerifier(resolver, suite),
            clock,
            new BitstringStatusChecker.Options(
                config.statusListCacheTtl(), true, StatusList.DEFAULT_MAX_SIZE));
    TokenStatusSource ownTokens = issuance.ownTokenStatusLists();
    TokenStatusSource remoteTokens =
        new FetchedTokenStatusLists(
            remoteLists,
            new KeyBinding(resolver),
            clock,
            config.statusListCacheTtl(),
            TokenStatusList.DEFAULT_MAX_BYTES);
    String ownTokenPrefix = config.tokenStatusListUrl(0).toString().replaceAll("0$", "");
    TokenStatusSource tokens =
        (uri, issuer) ->
            uri.toString().startsWith(ownTokenPrefix)
                ? ownTokens.list(uri, issuer)
                : remoteTokens.list(uri, issuer);
    SdJwtVerification sdJwt =
        new SdJwtVerification(
            new KeyBinding(resolver),
            tokens,
            trust,
            skills,
            clock,
            CredentialVerifier.DEFAULT_SKEW);
    return VerificationService.builder(resolver)
        .credentialFormat(sdJwt.credentialFormat())
        .presentationFormat(sdJwt.presentationFormat())
        .trust(trust)
        .status(new NodeStatusChecker(config.baseUrl(), local, remote))
        .skills(skills)
        .clock(clock)
        .dataIntegrity(suite)
        .defaultDomain(config.baseUrl().toString())
        .check(
            OpenBadgesSchemaCheck.NAME,
            new OpenBadgesSchemaCheck(AchievementCredentialSchema.bundled()));
  }
}
