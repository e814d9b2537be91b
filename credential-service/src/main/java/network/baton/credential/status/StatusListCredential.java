package network.baton.credential.status;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * A {@code BitstringStatusListCredential}: the issuer's status list for one purpose, published as a
 * credential that the issuer signs (the signing is the caller's, e.g. eddsa-rdfc-2022 or vc+jwt).
 * {@link #toJson()} encodes the list as it is at that moment.
 */
public record StatusListCredential(
    URI id,
    String issuer,
    StatusPurpose purpose,
    StatusList list,
    Instant validFrom,
    Instant validUntil) {

  /** The VC Data Model 2.0 context, which defines every Bitstring Status List term. */
  public static final String VC_V2_CONTEXT = "https://www.w3.org/ns/credentials/v2";

  /** The credential type. */
  public static final String TYPE = "BitstringStatusListCredential";

  /** The credential subject type. */
  public static final String SUBJECT_TYPE = "BitstringStatusList";

  public StatusListCredential {
    requireNonNull(id, "id");
    requireNonNull(issuer, "issuer");
    requireNonNull(purpose, "purpose");
    requireNonNull(list, "list");
    if (!id.isAbsolute()) {
      throw new IllegalArgumentException(
          "status list credential id must be an absolute URL: " + id);
    }
    if (validUntil != null && validFrom != null && validUntil.isBefore(validFrom)) {
      throw new IllegalArgumentException("validUntil is before validFrom");
    }
  }

  /** The unsigned credential JSON with the current {@code encodedList}. */
  public ObjectNode toJson() {
    JsonNodeFactory json = JsonNodeFactory.instance;
    ObjectNode vc = json.objectNode();
    vc.putArray("@context").add(VC_V2_CONTEXT);
    vc.put("id", id.toString());
    vc.putArray("type").add("VerifiableCredential").add(TYPE);
    vc.put("issuer", issuer);
    if (validFrom != null) {
      vc.put("validFrom", validFrom.truncatedTo(ChronoUnit.SECONDS).toString());
    }
    if (validUntil != null) {
      vc.put("validUntil", validUntil.truncatedTo(ChronoUnit.SECONDS).toString());
    }
    ObjectNode subject = vc.putObject("credentialSubject");
    subject.put("id", id + "#list");
    subject.put("type", SUBJECT_TYPE);
    subject.put("statusPurpose", purpose.value());
    subject.put("encodedList", list.encode());
    return vc;
  }

  /**
   * Reads a (verified) status list credential, refusing wrong types, a statusSize other than 1, and
   * encodedLists over {@code maxSize} entries or malformed.
   */
  public static StatusListCredential fromJson(JsonNode vc, int maxSize) throws StatusListException {
    if (vc == null || !vc.isObject()) {
      throw new StatusListException("status list credential must be a JSON object");
    }
    if (!hasType(vc.path("type"), TYPE)) {
      throw new StatusListException("status list credential is not of type " + TYPE);
    }
    JsonNode subject = vc.path("credentialSubject");
    if (!subject.isObject()) {
      throw new StatusListException("status list credential has no credentialSubject object");
    }
    if (!hasType(subject.path("type"), SUBJECT_TYPE)) {
      throw new StatusListException("credentialSubject is not of type " + SUBJECT_TYPE);
    }
    if (subject.has("statusSize") && subject.path("statusSize").asInt(-1) != 1) {
      throw new StatusListException(
          "statusSize " + subject.get("statusSize") + " is not supported (only 1)");
    }
    StatusPurpose purpose;
    try {
      purpose = StatusPurpose.parse(subject.path("statusPurpose").asText(null));
    } catch (IllegalArgumentException e) {
      throw new StatusListException(e.getMessage(), e);
    }
    StatusList list = StatusList.decode(subject.path("encodedList").asText(null), maxSize);
    String issuer =
        vc.path("issuer").isObject()
            ? vc.path("issuer").path("id").asText("")
            : vc.path("issuer").asText("");
    URI id;
    try {
      id = URI.create(vc.path("id").asText(""));
    } catch (IllegalArgumentException e) {
      throw new StatusListException("status list credential id is not a URL", e);
    }
    if (!id.isAbsolute() || issuer.isEmpty()) {
      throw new StatusListException("status list credential needs an absolute id and an issuer");
    }
    return new StatusListCredential(
        id,
        issuer,
        purpose,
        list,
        instant(vc, "validFrom").orElse(null),
        instant(vc, "validUntil").orElse(null));
  }

  private static Optional<Instant> instant(JsonNode vc, String name) throws StatusListException {
    if (!vc.hasNonNull(name)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(vc.get(name).asText()));
    } catch (DateTimeParseException e) {
      throw new StatusListException(name + " of the status list credential is not a date-time", e);
    }
  }

  private static boolean hasType(JsonNode type, String wanted) {
    if (type.isTextual()) {
      return wanted.equals(type.asText());
    }
    for (JsonNode each : type) {
      if (wanted.equals(each.asText())) {
        return true;
      }
    }
    return false;
  }
}
