package network.baton.credential.integrity;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import network.baton.credential.did.DidDocument;
import network.baton.credential.did.DidResolver;
import network.baton.credential.did.VerificationMethod;
import network.baton.credential.keys.KeyAlgorithm;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;

/**
 * Finds Data Integrity keys through DID documents: the verification method must be listed by its
 * DID for the proof's purpose, be an Ed25519 key, and, when an issuer is required, belong to that
 * issuer's DID. Failures are thrown with plain-words reasons, which the proof check reports.
 */
public final class DidVerificationKeys implements VerificationKeyResolver {

  private final DidResolver resolver;
  private final String requiredDid;
  private final boolean authentication;

  private DidVerificationKeys(DidResolver resolver, String requiredDid, boolean authentication) {
    this.resolver = requireNonNull(resolver, "resolver");
    this.requiredDid = requiredDid;
    this.authentication = authentication;
  }

  /** Keys listed under {@code assertionMethod} (issuers' proofs on credentials). */
  public static DidVerificationKeys assertion(DidResolver resolver) {
    return new DidVerificationKeys(resolver, null, false);
  }

  /** Keys listed under {@code authentication} (holders' proofs on presentations). */
  public static DidVerificationKeys authentication(DidResolver resolver) {
    return new DidVerificationKeys(resolver, null, true);
  }

  /**
   * The same, accepting only verification methods of {@code did} (e.g. the credential's issuer).
   */
  public DidVerificationKeys controlledBy(String did) {
    return new DidVerificationKeys(resolver, requireNonNull(did, "did"), authentication);
  }

  @Override
  public Optional<Ed25519PublicKeyParameters> resolve(String verificationMethod) {
    int hash = verificationMethod.indexOf('#');
    String did = hash < 0 ? verificationMethod : verificationMethod.substring(0, hash);
    if (requiredDid != null && !requiredDid.equals(did)) {
      throw new IllegalArgumentException(
          "verification method " + verificationMethod + " does not belong to " + requiredDid);
    }
    String methodId =
        hash < 0 && did.startsWith("did:key:")
            ? did + "#" + did.substring("did:key:".length())
            : verificationMethod;
    DidDocument document = resolver.resolve(did);
    boolean listed =
        authentication ? document.canAuthenticate(methodId) : document.canAssert(methodId);
    if (!listed) {
      throw new IllegalArgumentException(
          methodId
              + " is not listed under "
              + (authentication ? "authentication" : "assertionMethod")
              + " of "
              + did);
    }
    Optional<VerificationMethod> method = document.method(methodId);
    if (method.isEmpty()) {
      return Optional.empty();
    }
    if (method.get().key().algorithm() != KeyAlgorithm.ED25519) {
      throw new IllegalArgumentException(
          methodId + " is not an Ed25519 key (eddsa-rdfc-2022 needs one)");
    }
    return Optional.of(new Ed25519PublicKeyParameters(method.get().key().encoded(), 0));
  }
}
