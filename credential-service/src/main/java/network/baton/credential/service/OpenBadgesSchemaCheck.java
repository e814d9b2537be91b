package network.baton.credential.service;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import network.baton.credential.issue.AchievementTypes;
import network.baton.credential.schema.AchievementCredentialSchema;
import network.baton.credential.verify.Check;
import network.baton.credential.verify.CredentialCheck;

/**
 * The Open Badges 3.0 AchievementCredential JSON Schema as a verification check, for credentials
 * whose type is an Open Badges one (other credentials pass: the schema is not theirs). The schema
 * predates VC Data Model 2.0 and allows one {@code credentialStatus} object only. The node's Open
 * Badges credentials carry one (revocation) unless staff ask for suspension too; a credential with
 * a list of entries, as VCDM 2.0 allows, is validated one entry at a time: the credential with its
 * first entry in the list's place, then each further entry against the schema's CredentialStatus.
 */
public final class OpenBadgesSchemaCheck implements CredentialCheck {
  /** The check's name in reports. */
  public static final String NAME = "schema";

  private final AchievementCredentialSchema schema;

  /** A check against this schema. */
  public OpenBadgesSchemaCheck(AchievementCredentialSchema schema) {
    this.schema = requireNonNull(schema, "schema");
  }

  @Override
  public Check check(JsonNode credential) {
    if (!credential.isObject()) return Check.fail(NAME, "the credential is not a JSON object");
    if (!AchievementTypes.isAchievementCredential(credential)) {
      return Check.pass(
          NAME, "not an Open Badges credential: the Open Badges schema does not apply");
    }
    Set<String> problems = new LinkedHashSet<>();
    JsonNode status = credential.get("credentialStatus");
    if (status != null && status.isArray() && !status.isEmpty()) {
      // The whole credential once, with its first entry (a shallow copy: nothing is changed), then
      // each further entry against CredentialStatus alone: the rest was validated already.
      ObjectNode withFirst = ((ObjectNode) credential).objectNode();
      withFirst.setAll((ObjectNode) credential);
      withFirst.set("credentialStatus", status.get(0));
      problems.addAll(schema.validate(withFirst));
      for (int i = 1; i < status.size(); i++) {
        problems.addAll(schema.validateStatusEntry(status.get(i), "/credentialStatus/" + i));
      }
    } else {
      problems.addAll(schema.validate(credential));
    }
    if (problems.isEmpty()) {
      return Check.pass(NAME, "valid Open Badges 3.0 AchievementCredential");
    }
    List<String> listed = new ArrayList<>(problems);
    return Check.fail(
        NAME, "not a valid Open Badges 3.0 AchievementCredential: " + String.join("; ", listed));
  }
}
