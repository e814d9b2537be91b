package network.baton.credential.verify;

/** Which issuer DIDs the verifier trusts (later: members with the issuer role). */
@FunctionalInterface
public interface TrustList {
  /** Whether credentials from this issuer DID are trusted. */
  boolean trusts(String issuerDid);
}
