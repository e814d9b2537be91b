package network.baton.credential.did;

import static java.util.Objects.requireNonNull;

/** Resolves {@code did:key} locally and {@code did:web} with the given resolver; others fail. */
public final class DidMethodResolver implements DidResolver {
  private final DidResolver keyResolver = new DidKeyResolver();
  private final DidResolver webResolver;

  /** A resolver that sends did:web to this resolver. */
  public DidMethodResolver(DidResolver webResolver) {
    this.webResolver = requireNonNull(webResolver, "webResolver");
  }

  @Override
  public DidDocument resolve(String did) {
    if (did == null) throw new DidResolutionException("no DID given");
    if (did.startsWith("did:key:")) return keyResolver.resolve(did);
    if (did.startsWith("did:web:")) return webResolver.resolve(did);
    throw new DidResolutionException("unsupported DID method: " + did);
  }
}
