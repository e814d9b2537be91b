package network.baton.node.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import network.baton.credential.did.Multikey;
import network.baton.credential.keys.PublicKeyMaterial;
import network.baton.node.config.ConfigException;
import network.baton.node.federation.Member;
import network.baton.node.federation.Role;
import network.baton.node.federation.membership.InvalidMembershipList;
import network.baton.node.federation.membership.MembershipVerifier;
import network.baton.node.federation.membership.SignedMembershipList;

/**
 * A signed membership list saved for verifying without a node (an employer's copy of {@code GET
 * /federation/membership}): checked against the coordinator's public keys exactly as a node checks
 * it, its members with the issuer role being the issuers trusted.
 */
record SavedMembership(SignedMembershipList signed) {

  /** The issuer DIDs the list trusts: its members with the issuer role. */
  Set<String> issuers() {
    return signed.list().members().stream()
        .filter(member -> member.has(Role.ISSUER))
        .map(Member::did)
        .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
  }

  /** One line for people: which list, how many issuers it trusts, until when it holds. */
  String summary() {
    return "membership list: "
        + signed.list().network()
        + " version "
        + signed.version()
        + ", "
        + issuers().size()
        + " issuer(s) trusted, expires "
        + signed.list().expiresAt();
  }

  /**
   * Reads and checks the saved list; a usage error (one line) when the text is not a list signed by
   * one of the keys, was changed, or has expired at the clock.
   */
  static SavedMembership read(java.nio.file.Path file, List<String> coordinatorKeys, Clock clock) {
    List<PublicKeyMaterial> anchors = coordinatorKeys(coordinatorKeys);
    if (anchors.isEmpty()) {
      throw new ConfigException(
          "--membership needs --coordinator-key KEY (the coordinator's public key, z6Mk... or JWK)");
    }
    String text = CredentialFiles.text(file);
    try {
      return new SavedMembership(new MembershipVerifier(anchors, clock).verify(text));
    } catch (InvalidMembershipList e) {
      throw new ConfigException("membership list " + file + " refused: " + e.getMessage());
    }
  }

  /** Public keys given as multibase text ({@code z6Mk...}) or public JWK JSON. */
  static List<PublicKeyMaterial> coordinatorKeys(List<String> values) {
    List<PublicKeyMaterial> keys = new ArrayList<>();
    for (String value : values) {
      String trimmed = value.strip();
      try {
        keys.add(
            trimmed.startsWith("{")
                ? PublicKeyMaterial.fromJwk(readJwk(trimmed))
                : Multikey.decode(trimmed));
      } catch (IOException | RuntimeException e) {
        throw new ConfigException("--coordinator-key is not a public key: " + e.getMessage());
      }
    }
    return keys;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> readJwk(String text) throws IOException {
    return new ObjectMapper().readValue(text, Map.class);
  }
}
