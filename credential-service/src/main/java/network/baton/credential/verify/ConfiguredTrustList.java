package network.baton.credential.verify;

import java.util.Set;

/** A trust list given as a fixed set of issuer DIDs (from configuration or a file). */
public record ConfiguredTrustList(Set<String> issuers) implements TrustList {
  public ConfiguredTrustList {
    issuers = Set.copyOf(issuers);
  }

  @Override
  public boolean trusts(String issuerDid) {
    return issuers.contains(issuerDid);
  }
}
