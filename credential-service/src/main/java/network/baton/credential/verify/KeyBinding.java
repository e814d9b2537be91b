package network.baton.credential.verify;

import static java.util.Objects.requireNonNull;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import network.baton.credential.did.DidDocument;
import network.baton.credential.did.DidResolutionException;
import network.baton.credential.did.DidResolver;
import network.baton.credential.did.VerificationMethod;

/**
 * The default {@link KeySelector}: the key a JWS names in its {@code kid} must be a DID URL of the
 * expected DID (the issuer, or the holder for presentations), listed in that DID's document for the
 * right purpose, and of the algorithm the header claims.
 */
public final class KeyBinding implements KeySelector {
  private final DidResolver resolver;

  /** Keys found in the DID documents this resolver returns. */
  public KeyBinding(DidResolver resolver) {
    this.resolver = requireNonNull(resolver, "resolver");
  }

  @Override
  public VerificationMethod select(JWSHeader header, String did, KeyPurpose purpose) {
    String kid = header.getKeyID();
    if (kid == null) throw new Refused("header has no kid naming the signing key");
    return find(kid, did, purpose, header.getAlgorithm());
  }

  /** The verification method for the kid, or a {@link Refused} saying why there is none. */
  VerificationMethod find(String kid, String expectedDid, KeyPurpose purpose, JWSAlgorithm alg) {
    String absolute = kid.startsWith("#") ? expectedDid + kid : kid;
    int hash = absolute.indexOf('#');
    if (!absolute.startsWith("did:") || hash < 0) {
      throw new Refused("kid " + kid + " is not a DID URL");
    }
    String kidDid = absolute.substring(0, hash);
    if (!kidDid.equals(expectedDid)) {
      throw new Refused("kid " + kid + " is a key of " + kidDid + ", not of " + expectedDid);
    }
    DidDocument document;
    try {
      document = resolver.resolve(expectedDid);
    } catch (DidResolutionException e) {
      throw new Refused("cannot resolve " + expectedDid + ": " + e.getMessage());
    }
    VerificationMethod method =
        document
            .method(absolute)
            .orElseThrow(
                () ->
                    new Refused("the DID document of " + expectedDid + " has no key " + absolute));
    boolean listed =
        purpose == KeyPurpose.ASSERTION
            ? document.canAssert(absolute)
            : document.canAuthenticate(absolute);
    if (!listed) {
      throw new Refused(
          "key " + absolute + " is not listed under " + purpose.property() + " of " + expectedDid);
    }
    if (!method.key().algorithm().jwsAlgorithm().equals(alg)) {
      throw new Refused(
          "key "
              + absolute
              + " is a "
              + method.key().algorithm()
              + " key, but the header says "
              + alg);
    }
    return method;
  }
}
