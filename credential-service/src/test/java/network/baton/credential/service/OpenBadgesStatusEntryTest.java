package network.baton.credential.service;

import static network.baton.credential.service.ServiceFixture.HOLDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import network.baton.credential.schema.AchievementCredentialSchema;
import network.baton.credential.status.StatusPurpose;
import network.baton.credential.verify.Check;
import network.baton.credential.verify.VerificationReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 13: an Open Badges credential the node issues carries one revocation entry by default, a
 * single {@code credentialStatus} object, so it validates against the OB 3.0 AchievementCredential
 * JSON Schema as issued; suspension is there when staff ask for it (an array of two, validated
 * entry by entry).
 */
@Timeout(60)
class OpenBadgesStatusEntryTest {
  private static final AchievementCredentialSchema SCHEMA = AchievementCredentialSchema.bundled();
  private static final String SCHEMA_FILE =
      "openbadges-3.0/ob_v3p0_achievementcredential_schema.jsonld-adaptation.json";

  @RegisterExtension final FreshServices service = new FreshServices();

  private static CredentialOrder order(CredentialFormat format) {
    return new CredentialOrder(HOLDER, FixtureCourses.COURSE, null, null, format);
  }

  private VerificationReport verify(SecuredCredential issued) throws Exception {
    JsonNode secured =
        issued.format() == CredentialFormat.JWT ? new TextNode(issued.jwt()) : issued.document();
    return service.verification().verifyCredential(secured);
  }

  // The conformance folder next to the worktree holds the schema as 1EdTech publishes it; the
  // bundled copy the node validates with is that file, unmodified.
  @Test
  void theBundledSchemaIsThePublishedOneUnmodified() throws Exception {
    Path shared =
        Path.of("").toAbsolutePath().getParent().resolveSibling("shared/conformance/schemas");
    assumeThat(shared.resolve(SCHEMA_FILE)).as("the shared conformance folder").exists();
    byte[] bundled;
    try (InputStream in =
        AchievementCredentialSchema.class.getResourceAsStream("/schemas/" + SCHEMA_FILE)) {
      bundled = in.readAllBytes();
    }

    assertThat(bundled).isEqualTo(Files.readAllBytes(shared.resolve(SCHEMA_FILE)));
  }

  @ParameterizedTest
  @EnumSource(
      value = CredentialFormat.class,
      names = {"JWT", "DATA_INTEGRITY"})
  void byDefaultACourseCredentialHasOneRevocationEntryAndValidatesAsIssued(CredentialFormat format)
      throws Exception {
    SecuredCredential issued = service.issuance().issue(order(format));
    ObjectNode credential = issued.document();

    assertThat(credential.get("credentialStatus").isObject()).isTrue();
    assertThat(credential.at("/credentialStatus/type").asText())
        .isEqualTo("BitstringStatusListEntry");
    assertThat(credential.at("/credentialStatus/statusPurpose").asText()).isEqualTo("revocation");
    assertThat(credential.at("/credentialStatus/statusListCredential").asText())
        .isEqualTo(ServiceFixture.BASE_URL + "/status/0-revocation");
    assertThat(SCHEMA.validate(credential)).as("the schema itself, no per-entry step").isEmpty();
    assertThat(SCHEMA.validate(credential.toString())).isEmpty();
    assertThat(service.issuance().issued(issued.id()).orElseThrow().purposes())
        .containsExactly(StatusPurpose.REVOCATION);
    VerificationReport report = verify(issued);
    assertThat(report.ok()).as(report.toText()).isTrue();
    assertThat(report.check(OpenBadgesSchemaCheck.NAME).orElseThrow().passed()).isTrue();
  }

  @Test
  void aDefaultCredentialIsRevokedButCannotBeSuspended() throws Exception {
    SecuredCredential issued = service.issuance().issue(order(CredentialFormat.JWT));

    assertThatThrownBy(() -> service.issuance().setStatus(issued.id(), StatusAction.SUSPEND))
        .isInstanceOf(CredentialServiceException.class)
        .hasMessageContaining("no suspension status entry")
        .hasMessageContaining("issued with a suspension entry");
    assertThat(verify(issued).ok()).isTrue();

    service.issuance().setStatus(issued.id(), StatusAction.REVOKE);
    VerificationReport revoked = verify(issued);
    assertThat(revoked.ok()).isFalse();
    assertThat(revoked.check("status").orElseThrow().reason()).contains("revoked");
  }

  // Suspension asked for: two entries, an array the schema as published refuses (it wants one
  // object), so the verification check validates it entry by entry, and suspension works.
  @ParameterizedTest
  @EnumSource(
      value = CredentialFormat.class,
      names = {"JWT", "DATA_INTEGRITY"})
  void suspensionWhenAskedForMakesAnArrayCheckedEntryByEntry(CredentialFormat format)
      throws Exception {
    SecuredCredential issued =
        service.issuance().issue(order(format).withStatus(EnumSet.allOf(StatusPurpose.class)));
    ObjectNode credential = issued.document();

    assertThat(credential.get("credentialStatus").isArray()).isTrue();
    assertThat(credential.at("/credentialStatus/0/statusPurpose").asText()).isEqualTo("revocation");
    assertThat(credential.at("/credentialStatus/1/statusPurpose").asText()).isEqualTo("suspension");
    assertThat(credential.at("/credentialStatus/1/statusListIndex"))
        .isEqualTo(credential.at("/credentialStatus/0/statusListIndex"));
    assertThat(SCHEMA.validate(credential))
        .anySatisfy(p -> assertThat(p).startsWith("/credentialStatus"));
    Check check = new OpenBadgesSchemaCheck(SCHEMA).check(credential);
    assertThat(check.passed()).as(check.reason()).isTrue();

    service.issuance().setStatus(issued.id(), StatusAction.SUSPEND);
    VerificationReport suspended = verify(issued);
    assertThat(suspended.ok()).isFalse();
    assertThat(suspended.check("status").orElseThrow().reason()).contains("suspended");
    service.issuance().setStatus(issued.id(), StatusAction.UNSUSPEND);
    assertThat(verify(issued).ok()).isTrue();
  }

  @Test
  void anOrderWithoutStatusEntriesIsRefused() {
    assertThatThrownBy(
            () -> order(CredentialFormat.JWT).withStatus(EnumSet.noneOf(StatusPurpose.class)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("status");
  }
}
