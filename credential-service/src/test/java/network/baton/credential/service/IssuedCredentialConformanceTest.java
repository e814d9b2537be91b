package network.baton.credential.service;

import static network.baton.credential.service.ServiceFixture.HOLDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import jakarta.json.JsonObject;
import java.util.EnumSet;
import network.baton.credential.schema.AchievementCredentialSchema;
import network.baton.credential.status.StatusPurpose;
import network.baton.credential.verify.Check;
import network.baton.credential.verify.VerificationReport;
import network.baton.vocab.ContextLoader;
import network.baton.vocab.JsonLdInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 4: every credential the service issues, in both securing formats, validates against the
 * Open Badges 3.0 JSON Schema and expands under the bundled contexts with no undefined term.
 */
@Timeout(60)
class IssuedCredentialConformanceTest {
  private static final ContextLoader CONTEXTS = ServiceFixture.CONTEXTS;
  private static final AchievementCredentialSchema SCHEMA = AchievementCredentialSchema.bundled();

  @RegisterExtension final FreshServices service = new FreshServices();

  private ObjectNode issued(CredentialFormat format) throws Exception {
    return service
        .issuance()
        .issue(new CredentialOrder(HOLDER, FixtureCourses.COURSE, null, null, format))
        .document();
  }

  private ObjectNode issuedSuspendable(CredentialFormat format) throws Exception {
    CredentialOrder order = new CredentialOrder(HOLDER, FixtureCourses.COURSE, null, null, format);
    return service
        .issuance()
        .issue(order.withStatus(EnumSet.allOf(StatusPurpose.class)))
        .document();
  }

  private static JsonObject asJsonLd(ObjectNode credential) {
    return CONTEXTS.readJsonObject(credential.toString());
  }

  @ParameterizedTest
  @EnumSource(
      value = CredentialFormat.class,
      names = {"JWT", "DATA_INTEGRITY"})
  void issuedCredentialUsesOnlyTermsTheBundledContextsDefine(CredentialFormat format)
      throws Exception {
    JsonObject credential = asJsonLd(issued(format));

    assertThat(CONTEXTS.undefinedTerms(credential)).isEmpty();
    assertThat(CONTEXTS.expandStrict(credential, null)).isNotEmpty();
  }

  // IssuedCredentialSchemaTest covers the issuer's vc+jwt payload; this covers the service's output
  // in both formats, the Data Integrity one with its proof. The check is the one verification runs
  // (two entries, when asked for, are validated one at a time: the schema allows one object).
  @ParameterizedTest
  @EnumSource(
      value = CredentialFormat.class,
      names = {"JWT", "DATA_INTEGRITY"})
  void issuedCredentialValidatesAgainstTheOpenBadgesSchema(CredentialFormat format)
      throws Exception {
    Check check = new OpenBadgesSchemaCheck(SCHEMA).check(issued(format));

    assertThat(check.passed()).as(check.reason()).isTrue();
  }

  // The schema allows one credentialStatus object: an order for revocation alone gets exactly that,
  // and the credential as issued validates against the schema itself, with no per-entry step.
  @ParameterizedTest
  @EnumSource(
      value = CredentialFormat.class,
      names = {"JWT", "DATA_INTEGRITY"})
  void aCourseCredentialWithOneRevocationEntryValidatesAgainstTheSchemaAsIssued(
      CredentialFormat format) throws Exception {
    CredentialOrder order = new CredentialOrder(HOLDER, FixtureCourses.COURSE, null, null, format);
    SecuredCredential issued =
        service.issuance().issue(order.withStatus(EnumSet.of(StatusPurpose.REVOCATION)));
    ObjectNode credential = issued.document();

    assertThat(credential.get("credentialStatus").isObject()).isTrue();
    assertThat(credential.at("/credentialStatus/type").asText())
        .isEqualTo("BitstringStatusListEntry");
    assertThat(credential.at("/credentialStatus/statusPurpose").asText()).isEqualTo("revocation");
    assertThat(SCHEMA.validate(credential)).isEmpty();
    JsonNode secured =
        format == CredentialFormat.JWT ? new TextNode(issued.jwt()) : issued.document();
    VerificationReport report = service.verification().verifyCredential(secured);
    assertThat(report.ok()).as(report.toText()).isTrue();

    service.issuance().setStatus(issued.id(), StatusAction.REVOKE);
    VerificationReport revoked = service.verification().verifyCredential(secured);
    assertThat(revoked.ok()).isFalse();
    assertThat(revoked.check("status").orElseThrow().reason()).contains("revoked");
  }

  @Test
  void aBrokenSecondStatusEntryFailsTheSchemaCheckNamingIt() throws Exception {
    ObjectNode credential = issuedSuspendable(CredentialFormat.JWT);
    ((ObjectNode) credential.get("credentialStatus").get(1)).remove("type");
    ObjectNode unchanged = credential.deepCopy();

    Check check = new OpenBadgesSchemaCheck(SCHEMA).check(credential);

    assertThat(check.passed()).isFalse();
    assertThat(check.reason()).contains("/credentialStatus/1").contains("type");
    assertThat(credential).as("the check changes nothing").isEqualTo(unchanged);
  }

  @Test
  void aBrokenFirstStatusEntryFailsTheSchemaCheck() throws Exception {
    ObjectNode credential = issuedSuspendable(CredentialFormat.JWT);
    ((ObjectNode) credential.get("credentialStatus").get(0)).remove("type");

    Check check = new OpenBadgesSchemaCheck(SCHEMA).check(credential);

    assertThat(check.passed()).isFalse();
    assertThat(check.reason()).contains("/credentialStatus");
  }

  @Test
  void extraUndefinedMemberInAnIssuedCredentialIsReported() throws Exception {
    ObjectNode credential = issued(CredentialFormat.JWT);
    ((ObjectNode) credential.get("credentialSubject")).put("favouriteColour", "teal");
    JsonObject tampered = asJsonLd(credential);

    assertThat(CONTEXTS.undefinedTerms(tampered)).containsExactly("favouriteColour");
    assertThatThrownBy(() -> CONTEXTS.expandStrict(tampered, null))
        .isInstanceOf(JsonLdInputException.class)
        .hasMessageContaining("favouriteColour");
  }

  @Test
  void undefinedTypeInAnIssuedDataIntegrityCredentialIsReported() throws Exception {
    ObjectNode credential = issued(CredentialFormat.DATA_INTEGRITY);
    ((ArrayNode) credential.get("type")).add("HonoursCredential");

    assertThat(CONTEXTS.undefinedTerms(asJsonLd(credential))).containsExactly("HonoursCredential");
  }
}
