package network.baton.credential.did;

/** Resolves {@code did:key} locally, with no network. */
public final class DidKeyResolver implements DidResolver {
  @Override
  public DidDocument resolve(String did) {
    return DidKey.document(did);
  }
}
