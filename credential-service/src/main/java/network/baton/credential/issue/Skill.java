package network.baton.credential.issue;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Optional;

/** A concept of the skill framework as credentials use it: IRI, notation and labels by language. */
public record Skill(String iri, String notation, Map<String, String> labels) {
  public Skill {
    requireNonNull(iri, "iri");
    requireNonNull(notation, "notation");
    labels = Map.copyOf(labels);
  }

  /** The label in this language, else English, else any. */
  public String label(String language) {
    return Optional.ofNullable(labels.get(language))
        .or(() -> Optional.ofNullable(labels.get("en")))
        .or(() -> labels.values().stream().findFirst())
        .orElse(notation);
  }
}
