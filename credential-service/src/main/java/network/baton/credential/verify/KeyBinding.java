package network.baton.credential.verify;

import com.nimbusds.jose.JWSAlgorithm;
import network.baton.credential.did.DidDocument;
import network.baton.credential.did.DidResolutionException;
import network.baton.credential.did.DidResolver;
import network.baton.credential.did.VerificationMethod;

/**
 * Finds the key a JWS names in its {@code kid}: it must be a DID URL of the expected DID (the
 * issuer, or the holder for presentations), listed in that DID's document for the right purpose,
 * and of the algorithm the header claims.
 */
final class KeyBinding {
  /** What the key is used for, which decides the DID document list it must appear in. */
  enum Purpose {
    ASSERTION("assertionMethod"),
    AUTHENTICATION("authentication");

    final String property;

    Purpose(String property) {
      this.property = property;
    }
  }

  private final DidResolver resolver;

  KeyBinding(DidResolver resolver) {
    this.resolver = resolver;
  }

  DidResolver resolver() {
    return resolver;
  }

  /** The verification method for the kid, or a {@link KeyException} saying why there is none. */
  VerificationMethod find(String kid, String expectedDid, Purpose purpose, JWSAlgorithm alg) {
    String absolute = kid.startsWith("#") ? expectedDid + kid : kid;
    int hash = absolute.indexOf('#');
    if (!absolute.startsWith("did:") || hash < 0) {
      throw new KeyException("kid " + kid + " is not a DID URL");
    }
    String kidDid = absolute.substring(0, hash);
    if (!kidDid.equals(expectedDid)) {
      throw new KeyException("kid " + kid + " is a key of " + kidDid + ", not of " + expectedDid);
    }
    DidDocument document;
    try {
      document = resolver.resolve(expectedDid);
    } catch (DidResolutionException e) {
      throw new KeyException("cannot resolve " + expectedDid + ": " + e.getMessage());
    }
    VerificationMethod method =
        document
            .method(absolute)
            .orElseThrow(
                () ->
                    new KeyException(
                        "the DID document of " + expectedDid + " has no key " + absolute));
    boolean listed =
        purpose == Purpose.ASSERTION
            ? document.canAssert(absolute)
            : document.canAuthenticate(absolute);
    if (!listed) {
      throw new KeyException(
          "key " + absolute + " is not listed under " + purpose.property + " of " + expectedDid);
    }
    if (!method.key().algorithm().jwsAlgorithm().equals(alg)) {
      throw new KeyException(
          "key "
              + absolute
              + " is a "
              + method.key().algorithm()
              + " key, but the header says "
              + alg);
    }
    return method;
  }

  /** The kid does not lead to a usable key. */
  static final class KeyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    KeyException(String message) {
      super(message);
    }
  }
}
