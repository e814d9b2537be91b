package network.baton.node.federation;

import java.util.Locale;

/** What a member may do in the network, as the signed membership list says. */
public enum Role {
  /** Publishes teaching content that federated search and SPARQL reach. */
  PUBLISHER,
  /** Issues skill credentials that other members and employers trust. */
  ISSUER;

  /** The name used in the membership list JSON ("publisher", "issuer"). */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The role for a JSON name; fails with a message naming the unknown value. */
  public static Role fromJson(String name) {
    for (Role role : values()) {
      if (role.jsonName().equals(name)) {
        return role;
      }
    }
    throw new IllegalArgumentException("unknown member role: " + name);
  }
}
