package network.baton.credential.issue;

import static java.util.Objects.requireNonNull;

/** The issuing node as an Open Badges Profile: its DID and display name. */
public record IssuerProfile(String did, String name) {
  public IssuerProfile {
    requireNonNull(did, "did");
    requireNonNull(name, "name");
    if (!did.startsWith("did:")) throw new IllegalArgumentException("issuer must be a DID: " + did);
    if (name.isBlank()) throw new IllegalArgumentException("issuer name must not be blank");
  }
}
