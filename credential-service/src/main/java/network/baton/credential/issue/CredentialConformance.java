package network.baton.credential.issue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What the VC Data Model 2.0 requires of a credential before it is secured, as a list of reasons
 * (empty: conforming): {@code @context} whose first item is the v2 context (§4.3), a {@code type}
 * including {@code VerifiableCredential} (§4.5), an {@code id} that is a URL (§4.4), a {@code
 * credentialSubject} (§4.8), an {@code issuer} that is a URL or an object with one (§4.7), a {@code
 * type} on every status, schema, evidence, terms of use and refresh service entry and a URL {@code
 * id} on every schema (§4.10, 4.11, 5.6, 5.10, 5.5, 5.8), {@code validFrom} and {@code validUntil}
 * as XML Schema dateTimeStamps with {@code validFrom} not after {@code validUntil} (§4.9), and no
 * proof yet.
 */
public final class CredentialConformance {
  // xsd:dateTimeStamp: an xsd:dateTime whose time zone is required.
  private static final Pattern DATE_TIME_STAMP =
      Pattern.compile(
          "-?([1-9][0-9]{3,}|0[0-9]{3})-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])"
              + "T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9])(\\.[0-9]+)?"
              + "(Z|[+-]((0[0-9]|1[0-3]):[0-5][0-9]|14:00))");

  private static final List<String> TYPED =
      List.of("credentialStatus", "credentialSchema", "evidence", "termsOfUse", "refreshService");

  private CredentialConformance() {}

  /** The reasons {@code credential} does not conform, in document order; empty when it does. */
  public static List<String> problems(JsonNode credential) {
    List<String> reasons = new ArrayList<>();
    if (credential == null || !credential.isObject()) {
      reasons.add("credential must be a JSON object");
      return reasons;
    }
    context(credential.get("@context"), reasons);
    type(credential.get("type"), reasons);
    JsonNode id = credential.get("id");
    if (id != null && !isUrl(id)) reasons.add("id must be a URL, not " + id);
    issuer(credential.get("issuer"), reasons);
    subject(credential.get("credentialSubject"), reasons);
    for (String member : TYPED) typedEntries(member, credential.get(member), reasons);
    dates(credential, reasons);
    if (credential.has("proof")) reasons.add("credential already has a proof");
    return reasons;
  }

  private static void context(JsonNode context, List<String> reasons) {
    if (context == null) {
      reasons.add("@context is missing");
    } else if (!context.isArray()
        || !VcContexts.CREDENTIALS_V2.equals(context.path(0).asText(null))) {
      reasons.add("@context must be a list whose first item is " + VcContexts.CREDENTIALS_V2);
    }
  }

  private static void type(JsonNode type, List<String> reasons) {
    if (type == null) {
      reasons.add("type is missing");
      return;
    }
    boolean found = false;
    for (JsonNode each : type.isArray() ? type : List.of(type)) {
      found |= each.isTextual() && each.asText().equals("VerifiableCredential");
    }
    if (!found) reasons.add("type must include VerifiableCredential");
  }

  private static void issuer(JsonNode issuer, List<String> reasons) {
    if (issuer == null) return;
    JsonNode id = issuer.isObject() ? issuer.get("id") : issuer;
    if (id == null || !isUrl(id)) reasons.add("issuer must be a URL or an object with a URL id");
  }

  private static void subject(JsonNode subject, List<String> reasons) {
    if (subject == null) {
      reasons.add("credentialSubject is missing");
      return;
    }
    for (JsonNode each : subject.isArray() ? subject : List.of(subject)) {
      if (!each.isObject()) {
        reasons.add("credentialSubject must be an object or a list of objects");
        return;
      }
      if (each.has("id") && !isUrl(each.get("id"))) {
        reasons.add("credentialSubject.id must be a URL, not " + each.get("id"));
      }
    }
  }

  private static void typedEntries(String member, JsonNode value, List<String> reasons) {
    if (value == null) return;
    for (JsonNode entry : value.isArray() ? value : List.of(value)) {
      if (!entry.isObject()) {
        reasons.add(member + " must be an object or a list of objects");
        continue;
      }
      if (!entry.hasNonNull("type")) reasons.add(member + " has an entry without a type");
      JsonNode id = entry.get("id");
      if (id != null && !isUrl(id)) reasons.add(member + ".id must be a URL, not " + id);
      if (member.equals("credentialSchema") && id == null) {
        reasons.add("credentialSchema has an entry without an id");
      }
    }
  }

  private static void dates(JsonNode credential, List<String> reasons) {
    OffsetDateTime from = date(credential, "validFrom", reasons);
    OffsetDateTime until = date(credential, "validUntil", reasons);
    if (from != null && until != null && until.isBefore(from)) {
      reasons.add("validUntil " + until + " is before validFrom " + from);
    }
  }

  private static OffsetDateTime date(JsonNode credential, String member, List<String> reasons) {
    JsonNode value = credential.get(member);
    if (value == null) return null;
    if (value.isTextual() && DATE_TIME_STAMP.matcher(value.asText()).matches()) {
      try {
        return OffsetDateTime.parse(value.asText());
      } catch (DateTimeParseException e) {
        // a well-formed lexical value naming no real instant, e.g. 2026-02-30: reported below
      }
    }
    reasons.add(member + " must be an XML Schema dateTimeStamp (with a time zone), not " + value);
    return null;
  }

  /**
   * Whether the JSON value is an absolute URL (a URI with a scheme, as the data model reads it).
   */
  static boolean isUrl(JsonNode value) {
    if (!value.isTextual()) return false;
    try {
      URI uri = new URI(value.asText());
      return uri.isAbsolute() && !value.asText().isBlank();
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
