package network.baton.credential.verify;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/**
 * The {@code format} gate of a JWS pipeline: the input is a compact JWS, given as a JSON string or
 * as an enveloped object whose {@code id} is the JWS behind a {@code data:} prefix; its size, parts
 * and JSON are checked before any cryptography ({@link CompactJws}).
 */
public final class JwsFormatCheck implements VerificationCheck {
  private final String prefix;
  private final String envelopeProblem;
  private final ObjectMapper json = CompactJws.strictJson();

  /**
   * Reads JWSs given as strings or enveloped behind {@code prefix}; an object without it fails with
   * {@code envelopeProblem}.
   */
  public JwsFormatCheck(String prefix, String envelopeProblem) {
    this.prefix = requireNonNull(prefix, "prefix");
    this.envelopeProblem = requireNonNull(envelopeProblem, "envelopeProblem");
  }

  @Override
  public List<Check> check(Evidence evidence) {
    JsonNode input = evidence.input();
    String text;
    if (input.isTextual()) {
      text = input.asText();
    } else {
      String id = input.path("id").asText("");
      if (!id.startsWith(prefix)) {
        return List.of(Check.fail(CredentialVerifier.FORMAT, envelopeProblem));
      }
      text = id.substring(prefix.length());
    }
    try {
      CompactJws jws = CompactJws.parse(text, json);
      evidence.jws(jws);
      return List.of(
          Check.pass(
              CredentialVerifier.FORMAT, "compact JWS, " + jws.text().length() + " characters"));
    } catch (CompactJws.FormatException e) {
      return List.of(Check.fail(CredentialVerifier.FORMAT, e.getMessage()));
    }
  }
}
