package network.baton.credential.verify;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** The {@code issuer trusted} check: the {@link TrustList} accepts the credential's issuer. */
public final class IssuerTrustCheck implements VerificationCheck {
  private final TrustList trust;

  /** Issuers accepted by this list. */
  public IssuerTrustCheck(TrustList trust) {
    this.trust = requireNonNull(trust, "trust");
  }

  @Override
  public List<Check> check(Evidence evidence) {
    String issuer = evidence.issuer();
    return List.of(
        trust.trusts(issuer)
            ? Check.pass(CredentialVerifier.TRUST, "issuer " + issuer + " is in the trust list")
            : Check.fail(
                CredentialVerifier.TRUST, "issuer " + issuer + " is not in the trust list"));
  }
}
