package network.baton.credential.issue;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * What to attest: the holder's DID, the course or curriculum (IRI on the issuing node, name,
 * description, criteria), the framework skills it aligns to, and the validity period ({@code
 * validUntil} may be null for no end).
 */
public record IssueRequest(
    String holderDid,
    String achievementIri,
    String achievementName,
    String achievementDescription,
    String criteriaNarrative,
    List<String> skillIris,
    Instant validFrom,
    Instant validUntil) {
  public IssueRequest {
    requireNonNull(holderDid, "holderDid");
    requireNonNull(achievementIri, "achievementIri");
    requireNonNull(achievementName, "achievementName");
    requireNonNull(achievementDescription, "achievementDescription");
    requireNonNull(criteriaNarrative, "criteriaNarrative");
    requireNonNull(validFrom, "validFrom");
    if (!holderDid.startsWith("did:")) {
      throw new IllegalArgumentException("holder must be a DID: " + holderDid);
    }
    URI iri;
    try {
      iri = URI.create(achievementIri);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "achievement IRI is not a valid IRI: " + achievementIri, e);
    }
    if (!iri.isAbsolute()) {
      throw new IllegalArgumentException("achievement IRI must be absolute: " + achievementIri);
    }
    if (achievementName.isBlank()) throw new IllegalArgumentException("achievement name is blank");
    skillIris = List.copyOf(skillIris);
    if (skillIris.isEmpty()) {
      throw new IllegalArgumentException("a credential must align to at least one skill");
    }
    if (validUntil != null && !validUntil.isAfter(validFrom)) {
      throw new IllegalArgumentException("validUntil must be after validFrom");
    }
  }
}
