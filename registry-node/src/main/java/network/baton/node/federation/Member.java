package network.baton.node.federation;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.util.Set;

/** One member of the network as the signed membership list names it. */
public record Member(String did, URI baseUrl, String name, Set<Role> roles) {
  public Member {
    requireNonNull(did, "did");
    if (!did.startsWith("did:")) {
      throw new IllegalArgumentException("member DID must start with 'did:': " + did);
    }
    requireNonNull(baseUrl, "baseUrl");
    if (!baseUrl.isAbsolute()
        || !("https".equals(baseUrl.getScheme()) || "http".equals(baseUrl.getScheme()))) {
      throw new IllegalArgumentException("member URL must be an absolute http(s) URL: " + baseUrl);
    }
    name = name == null ? "" : name.strip();
    roles = Set.copyOf(roles);
  }

  /** Whether the list gives this member the role. */
  public boolean has(Role role) {
    return roles.contains(role);
  }
}
