package network.baton.credential.sdjwt;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import network.baton.credential.status.StatusListException;
import network.baton.credential.verify.Check;
import network.baton.credential.verify.Evidence;
import network.baton.credential.verify.VerificationCheck;

/**
 * The {@code token status} check: the credential's {@code status.status_list} ({@code idx}, {@code
 * uri}) is looked up in the issuer's Token Status List through the {@link TokenStatusSource}; 0x00
 * VALID passes, 0x01 INVALID (revoked) and 0x02 SUSPENDED fail, and so does any other value or a
 * list that cannot be had (a status that cannot be checked is not a good one). A credential without
 * a {@code status} claim cannot be revoked and passes, as in the other formats.
 */
final class TokenStatusCheck implements VerificationCheck {
  static final String NAME = "token status";

  private final TokenStatusSource lists;

  TokenStatusCheck(TokenStatusSource lists) {
    this.lists = requireNonNull(lists, "lists");
  }

  @Override
  public List<Check> check(Evidence evidence) {
    JsonNode status = evidence.document().get("status");
    if (status == null) {
      return List.of(Check.pass(NAME, "the SD-JWT VC has no status claim; it cannot be revoked"));
    }
    JsonNode reference = status.path("status_list");
    JsonNode idx = reference.get("idx");
    JsonNode uri = reference.get("uri");
    if (idx == null
        || !idx.canConvertToInt()
        || idx.asInt() < 0
        || uri == null
        || !uri.isTextual()) {
      return List.of(Check.fail(NAME, "status.status_list needs a non-negative idx and a uri"));
    }
    URI at;
    try {
      at = URI.create(uri.asText());
    } catch (IllegalArgumentException e) {
      return List.of(Check.fail(NAME, "status.status_list.uri is not a URI"));
    }
    if (!at.isAbsolute())
      return List.of(Check.fail(NAME, "status.status_list.uri is not absolute"));
    TokenStatusList list;
    try {
      list = lists.list(at, evidence.issuer());
    } catch (IOException | StatusListException | RuntimeException e) {
      return List.of(
          Check.fail(NAME, "the status list " + at + " cannot be had: " + e.getMessage()));
    }
    if (idx.asInt() >= list.size()) {
      return List.of(
          Check.fail(NAME, "idx " + idx.asInt() + " is outside the list of " + list.size()));
    }
    int value = list.get(idx.asInt());
    TokenStatus named = TokenStatus.of(value);
    String where = " (" + at + ", idx " + idx.asInt() + ")";
    if (named == TokenStatus.VALID) return List.of(Check.pass(NAME, "valid" + where));
    if (named == TokenStatus.INVALID)
      return List.of(Check.fail(NAME, "revoked by its issuer" + where));
    if (named == TokenStatus.SUSPENDED)
      return List.of(Check.fail(NAME, "suspended by its issuer" + where));
    return List.of(
        Check.fail(NAME, "status 0x" + Integer.toHexString(value) + " is not valid" + where));
  }
}
