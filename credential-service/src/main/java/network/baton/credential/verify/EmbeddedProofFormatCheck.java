package network.baton.credential.verify;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/**
 * The {@code format} gate of a pipeline for documents with an embedded proof (Data Integrity): the
 * input is a JSON object (with one proof object, for presentations), kept with its text for the
 * proof check.
 */
public final class EmbeddedProofFormatCheck implements VerificationCheck {
  private final String what;
  private final boolean proofObject;
  private final ObjectMapper json = new ObjectMapper();

  private EmbeddedProofFormatCheck(String what, boolean proofObject) {
    this.what = requireNonNull(what, "what");
    this.proofObject = proofObject;
  }

  /** For credentials: "JSON-LD credential with an embedded proof". */
  public static EmbeddedProofFormatCheck credential() {
    return new EmbeddedProofFormatCheck("credential", false);
  }

  /** For presentations, whose proof must be one object. */
  public static EmbeddedProofFormatCheck presentation() {
    return new EmbeddedProofFormatCheck("presentation", true);
  }

  @Override
  public List<Check> check(Evidence evidence) {
    JsonNode input = evidence.input();
    String name = CredentialVerifier.FORMAT;
    if (proofObject && (!input.isObject() || !input.path("proof").isObject())) {
      return List.of(
          Check.fail(name, "a Data Integrity presentation is a JSON object with one proof object"));
    }
    try {
      evidence.embedded(input, json.writeValueAsString(input));
    } catch (JsonProcessingException e) {
      return List.of(
          Check.fail(name, "the " + what + " cannot be serialised: " + e.getOriginalMessage()));
    }
    return List.of(Check.pass(name, "JSON-LD " + what + " with an embedded proof"));
  }
}
