package network.baton.credential.did;

/** Resolves a DID to its DID document. */
public interface DidResolver {
  /** The DID document for this DID; fails with {@link DidResolutionException} in plain words. */
  DidDocument resolve(String did);
}
