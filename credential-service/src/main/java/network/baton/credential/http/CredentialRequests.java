package network.baton.credential.http;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import network.baton.credential.issue.CredentialConformance;
import network.baton.credential.service.CredentialFormat;
import network.baton.credential.service.CredentialOrder;
import network.baton.credential.service.StatusAction;
import network.baton.credential.service.SuppliedCredential;
import network.baton.credential.status.StatusEntry;
import network.baton.credential.status.StatusPurpose;
import network.baton.credential.verify.PresentationOptions;
import network.baton.vocab.JsonLimits;
import network.baton.vocab.StrictUtf8;
import network.baton.vocab.UntrustedText;

/**
 * The request bodies of the credential endpoints read into what the services take: size, strict
 * UTF-8 and JSON shape limits first, then the members each request needs, every problem an {@link
 * Problem} naming the member (400), or 413 over a limit, 422 for an unsupported status type.
 */
final class CredentialRequests {
  /** A presentation to verify and what the caller asks of it. */
  record PresentationRequest(JsonNode presentation, PresentationOptions options) {}

  /** Status changes for one credential, in the order asked. */
  record StatusRequest(String credentialId, List<StatusAction> actions) {}

  private final int maxBodyBytes;
  private final JsonLimits limits;
  private final ObjectMapper json =
      JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  CredentialRequests(int maxBodyBytes, JsonLimits limits) {
    if (maxBodyBytes < 1) throw new IllegalArgumentException("body limit must be positive");
    this.maxBodyBytes = maxBodyBytes;
    this.limits = requireNonNull(limits, "limits");
  }

  /** The body as a JSON object. */
  JsonNode object(Buffer buffer) {
    if (buffer == null || buffer.length() == 0) throw Problem.badRequest("the request has no body");
    if (buffer.length() > maxBodyBytes) {
      throw new Problem(
          "payload-too-large",
          413,
          "Payload too large",
          "the body has " + buffer.length() + " bytes, more than the limit of " + maxBodyBytes);
    }
    byte[] bytes = buffer.getBytes();
    // Strict UTF-8 first (the problem names the byte), then the shape, before any tree is built
    // or a JSON-LD credential is expanded.
    StrictUtf8.decode(bytes);
    limits.check(bytes);
    JsonNode node;
    try {
      node = json.readTree(bytes);
    } catch (JsonProcessingException e) {
      JsonObject where = new JsonObject();
      if (e.getLocation() != null) {
        where.put("line", e.getLocation().getLineNr()).put("column", e.getLocation().getColumnNr());
      }
      throw new Problem(
          "malformed-json",
          400,
          "Malformed JSON",
          "the body is not valid JSON: " + e.getOriginalMessage(),
          where);
    } catch (IOException e) {
      throw Problem.badRequest("the body cannot be read: " + e.getMessage());
    }
    if (node == null || !node.isObject())
      throw Problem.badRequest("the body must be a JSON object");
    return node;
  }

  /**
   * The order in a {@code POST /credentials/issue} body; {@code options.credentialStatus} (a
   * purpose, a list of purposes, or entries as for a caller's credential) names its status entries,
   * {@link CredentialOrder#DEFAULT_STATUS revocation alone} when absent; none ({@code false}, an
   * empty list) is refused, as a course credential always carries a status entry.
   */
  static CredentialOrder order(JsonNode request) {
    JsonNode credential = member(request, "credential", "credential", "an object");
    if (!credential.isObject()) throw missing("credential", "an object");
    JsonNode subject =
        member(credential, "credentialSubject", "credential.credentialSubject", "an object");
    if (!subject.isObject()) throw missing("credential.credentialSubject", "an object");
    String holder = text(subject, "id", "credential.credentialSubject.id");
    JsonNode achievement =
        member(
            subject,
            "achievement",
            "credential.credentialSubject.achievement",
            "an object with an id");
    String course =
        achievement.isTextual()
            ? achievement.asText()
            : text(achievement, "id", "credential.credentialSubject.achievement.id");
    Instant validFrom = instant(credential, "validFrom");
    Instant validUntil = instant(credential, "validUntil");
    JsonNode options = request.path("options");
    JsonNode asked = options.get("credentialStatus");
    Set<StatusPurpose> status = statusAsked(asked, "options.credentialStatus");
    if (status.isEmpty() && asked != null && !asked.isNull()) {
      throw Problem.badRequest(
          "options.credentialStatus: a course credential always carries a status entry"
              + " (revocation, suspension or both); it cannot have none");
    }
    return new CredentialOrder(
        holder,
        course,
        validFrom,
        validUntil,
        format(options),
        status.isEmpty() ? CredentialOrder.DEFAULT_STATUS : status);
  }

  /**
   * Whether a {@code POST /credentials/issue} body carries the caller's own credential (it names a
   * {@code @context} or a {@code type}, or is not the course order {@code {credentialSubject: {id,
   * achievement}}}) rather than an order for a course credential.
   */
  static boolean suppliesCredential(JsonNode request) {
    JsonNode credential = request.get("credential");
    if (credential == null || !credential.isObject()) return false;
    if (credential.has("@context") || credential.has("type")) return true;
    JsonNode subject = credential.get("credentialSubject");
    return subject != null && subject.isObject() && !subject.has("achievement");
  }

  /**
   * The caller's own credential in a {@code POST /credentials/issue} body, refused with 400 and
   * every reason ({@code reasons}) when it does not conform to the data model; {@code
   * options.format} as for a course, {@code options.credentialStatus} ({@code true}, a purpose, or
   * {@code {type: BitstringStatusListEntry, statusPurpose}} or a list of them) asks for status
   * entries, as does an entry of that shape without a list in the credential itself; {@code
   * options.credentialId} names it.
   */
  static SuppliedCredential supplied(JsonNode request) {
    JsonNode credential = member(request, "credential", "credential", "an object");
    List<String> reasons = CredentialConformance.problems(credential);
    if (!reasons.isEmpty()) {
      throw new Problem(
          "invalid-credential",
          400,
          "Credential does not conform to the VC Data Model 2.0",
          String.join("; ", reasons),
          new JsonObject().put("reasons", new io.vertx.core.json.JsonArray(reasons)));
    }
    ObjectNode copy = ((ObjectNode) credential).deepCopy();
    JsonNode options = request.path("options");
    Set<StatusPurpose> status = EnumSet.noneOf(StatusPurpose.class);
    status.addAll(statusAsked(options.get("credentialStatus"), "options.credentialStatus"));
    if (copy.has("credentialStatus") && isStatusTemplate(copy.get("credentialStatus"))) {
      status.addAll(statusAsked(copy.remove("credentialStatus"), "credential.credentialStatus"));
    }
    JsonNode credentialId = options.get("credentialId");
    if (credentialId != null && (!credentialId.isTextual() || credentialId.asText().isBlank())) {
      throw missing("options.credentialId", "a non-empty string");
    }
    return new SuppliedCredential(
        copy, format(options), status, credentialId == null ? null : credentialId.asText());
  }

  // Entries naming a purpose but no list: the caller asks the node for its own status entry.
  private static boolean isStatusTemplate(JsonNode status) {
    for (JsonNode entry : status.isArray() ? status : List.of(status)) {
      if (!entry.path("type").asText().equals(StatusEntry.TYPE)
          || entry.has("statusListCredential")) {
        return false;
      }
    }
    return true;
  }

  private static Set<StatusPurpose> statusAsked(JsonNode asked, String path) {
    Set<StatusPurpose> purposes = EnumSet.noneOf(StatusPurpose.class);
    if (asked == null || asked.isNull() || asked.isBoolean() && !asked.asBoolean()) {
      return purposes;
    }
    if (asked.isBoolean()) return EnumSet.allOf(StatusPurpose.class);
    for (JsonNode entry : asked.isArray() ? asked : List.of(asked)) {
      if (entry.isObject()
          && entry.has("type")
          && !entry.path("type").asText().equals(StatusEntry.TYPE)) {
        throw Problem.badRequest(path + ": only " + StatusEntry.TYPE + " entries are made here");
      }
      JsonNode purpose = entry.isObject() ? entry.get("statusPurpose") : entry;
      if (purpose == null) {
        purposes.addAll(EnumSet.allOf(StatusPurpose.class));
        continue;
      }
      try {
        purposes.add(StatusPurpose.parse(purpose.asText()));
      } catch (IllegalArgumentException e) {
        throw Problem.badRequest(path + ": " + e.getMessage());
      }
    }
    return purposes;
  }

  private static CredentialFormat format(JsonNode options) {
    JsonNode format = options.path("format");
    if (format.isMissingNode() || format.isNull()) return CredentialFormat.JWT;
    try {
      return CredentialFormat.parse(format.asText());
    } catch (IllegalArgumentException e) {
      throw Problem.badRequest("options.format: " + e.getMessage());
    }
  }

  /** The credential in a {@code POST /credentials/verify} body. */
  static JsonNode credentialInput(JsonNode request) {
    JsonNode credential =
        member(
            request,
            "verifiableCredential",
            "verifiableCredential",
            "a vc+jwt string or an object");
    if (!credential.isTextual() && !credential.isObject()) {
      throw missing("verifiableCredential", "a vc+jwt string or an object");
    }
    return credential;
  }

  /** The domain asked for in a {@code POST /challenges} body (null: none). */
  String challengeDomain(Buffer buffer) {
    if (buffer == null || buffer.length() == 0) return null;
    JsonNode domain = object(buffer).get("domain");
    if (domain == null || domain.isNull()) return null;
    if (!domain.isTextual() || domain.asText().isBlank() || domain.asText().length() > 2048) {
      throw missing("domain", "a non-empty string (your DID or URL) of at most 2048 characters");
    }
    return domain.asText();
  }

  /**
   * The presentation and options of a {@code POST /presentations/verify} body: {@code
   * verifiablePresentation} (or {@code presentation}, the VC API's request for one without a
   * proof), and {@code options} (optional): {@code challenge}, {@code domain}, {@code
   * holderBinding} and {@code issuedChallenge} (booleans, default false).
   */
  static PresentationRequest presentation(JsonNode request) {
    String member =
        request.has("verifiablePresentation") ? "verifiablePresentation" : "presentation";
    JsonNode presentation =
        member(request, member, "verifiablePresentation", "a vp+jwt string or an object");
    if (!presentation.isTextual() && !presentation.isObject()) {
      throw missing("verifiablePresentation", "a vp+jwt string or an object");
    }
    JsonNode options = request.path("options");
    if (!options.isMissingNode() && !options.isNull() && !options.isObject()) {
      throw missing("options", "an object");
    }
    String challenge = optionalText(options, "challenge");
    String domain = optionalText(options, "domain");
    boolean holderBinding = flag(options, "holderBinding");
    boolean issuedChallenge = flag(options, "issuedChallenge");
    if (issuedChallenge && challenge == null) {
      throw missing("options.challenge", "a non-empty string (issuedChallenge is asked)");
    }
    return new PresentationRequest(
        presentation, new PresentationOptions(challenge, domain, holderBinding, issuedChallenge));
  }

  private static String optionalText(JsonNode options, String name) {
    JsonNode value = options.get(name);
    if (value == null || value.isNull()) return null;
    if (!value.isTextual() || value.asText().isBlank()) {
      throw missing("options." + name, "a non-empty string");
    }
    return value.asText();
  }

  private static boolean flag(JsonNode options, String name) {
    JsonNode value = options.get(name);
    if (value == null || value.isNull()) return false;
    if (!value.isBoolean()) throw missing("options." + name, "true or false");
    return value.asBoolean();
  }

  /** The changes asked in a {@code POST /credentials/status} body. */
  static StatusRequest status(JsonNode request) {
    String id = text(request, "credentialId", "credentialId");
    JsonNode items =
        member(request, "credentialStatus", "credentialStatus", "a list of {type, status}");
    List<JsonNode> list = new ArrayList<>();
    if (items.isArray()) items.forEach(list::add);
    else if (items.isObject()) list.add(items);
    if (list.isEmpty()) throw missing("credentialStatus", "a non-empty list of {type, status}");
    List<StatusAction> actions = new ArrayList<>();
    for (JsonNode item : list) {
      JsonNode type = item.path("type");
      if (type.isTextual() && !"BitstringStatusListEntry".equals(type.asText())) {
        throw Problem.unprocessable(
            "unsupported-status-type",
            "credentialStatus type "
                + UntrustedText.oneLine(type.asText())
                + " is not supported (BitstringStatusListEntry)");
      }
      try {
        actions.add(StatusAction.parse(text(item, "status", "credentialStatus[].status")));
      } catch (IllegalArgumentException e) {
        throw Problem.badRequest(e.getMessage());
      }
    }
    return new StatusRequest(id, actions);
  }

  private static JsonNode member(JsonNode node, String name, String path, String what) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) throw missing(path, what);
    return value;
  }

  private static String text(JsonNode node, String name, String path) {
    JsonNode value = node.get(name);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw missing(path, "a non-empty string");
    }
    return value.asText();
  }

  private static Instant instant(JsonNode credential, String name) {
    JsonNode value = credential.get(name);
    if (value == null || value.isNull()) return null;
    try {
      return OffsetDateTime.parse(value.asText()).toInstant();
    } catch (DateTimeParseException e) {
      throw Problem.badRequest(
          "credential."
              + name
              + " must be an XML Schema dateTime with a time zone, not "
              + UntrustedText.quoted(value.asText()));
    }
  }

  private static Problem missing(String path, String what) {
    return new Problem(
        "invalid-request",
        400,
        "Invalid request",
        path + " is missing or not " + what,
        new JsonObject().put("member", path));
  }
}
