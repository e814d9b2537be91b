package network.baton.credential.issue;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import network.baton.credential.keys.KeyAlgorithm;
import network.baton.credential.keys.SigningKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Issued credentials against the 1EdTech Open Badges 3.0 AchievementCredential JSON Schema. */
class IssuedCredentialSchemaTest {
  private static JsonSchema schema;

  private final ObjectMapper mapper = new ObjectMapper();
  private final CredentialIssuer issuer =
      new CredentialIssuer(
          new IssuerProfile("did:web:kosen.example", "Kosen Battery College"),
          SigningKey.generate(KeyAlgorithm.ED25519, "key-1", new SecureRandom()),
          new FrameworkSkills(),
          "https://kosen.example/resources/kosen-ec101"::equals);

  @BeforeAll
  static void loadSchema() throws Exception {
    try (InputStream in =
        IssuedCredentialSchemaTest.class.getResourceAsStream(
            "/fixtures/schemas/ob_v3p0_achievementcredential_schema.jsonld-adaptation.json")) {
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V201909).getSchema(in);
    }
  }

  private ObjectNode issued() throws Exception {
    ObjectNode status =
        mapper
            .createObjectNode()
            .put("id", "https://kosen.example/status/1#42")
            .put("type", "BitstringStatusListEntry")
            .put("statusPurpose", "revocation")
            .put("statusListIndex", "42")
            .put("statusListCredential", "https://kosen.example/status/1");
    IssueRequest request =
        new IssueRequest(
            HolderWallet.generate(new SecureRandom()).did(),
            "https://kosen.example/resources/kosen-ec101",
            "Fundamentals of Electrochemistry",
            "Cell potential and kinetics.",
            "Passed the final examination.",
            List.of(FrameworkSkills.ECH, FrameworkSkills.SAF),
            Instant.parse("2026-04-01T00:00:00Z"),
            Instant.parse("2031-04-01T00:00:00Z"));
    return issuer.issue(request, status).credential();
  }

  @Test
  void issuedCredentialValidatesAgainstTheOpenBadgesSchema() throws Exception {
    Set<ValidationMessage> errors = schema.validate(issued());

    assertThat(errors).isEmpty();
  }

  @Test
  void schemaCatchesAnAchievementWithoutCriteria() throws Exception {
    ObjectNode vc = issued();
    ((ObjectNode) vc.at("/credentialSubject/achievement")).remove("criteria");

    assertThat(schema.validate(vc))
        .extracting(ValidationMessage::getMessage)
        .anySatisfy(m -> assertThat(m).contains("criteria"));
  }
}
