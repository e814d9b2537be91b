package network.baton.credential.verify;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * A skill a credential aligns to: its IRI and code, labels by language (from the framework when it
 * knows the skill, else the credential's own {@code targetName} under {@code "und"}), and whether
 * the framework knows it.
 */
public record AttestedSkill(
    String iri, String code, Map<String, String> labels, boolean inFramework) {
  public AttestedSkill {
    requireNonNull(iri, "iri");
    labels = Map.copyOf(labels);
  }
}
