package network.baton.credential.schema;

import static network.baton.credential.integrity.TestContexts.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(30)
class AchievementCredentialSchemaTest {

  private static final AchievementCredentialSchema SCHEMA = AchievementCredentialSchema.bundled();
  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "integrity/credential-signed.json",
        "integrity/simple.json",
        "integrity/simple-did-key-method.json",
        "integrity/complete.json",
        "integrity/simple-err-expired.json",
        "status/ob30-credential-status-revoked.json"
      })
  void openBadgesExamplesAndTheTestVectorAreValid(String path) {
    assertThat(SCHEMA.validate(fixture(path))).isEmpty();
  }

  @Test
  void missingCredentialSubjectIsNamed() throws Exception {
    ObjectNode vc = testVector();
    vc.remove("credentialSubject");

    assertThat(SCHEMA.validate(vc.toString()))
        .anySatisfy(p -> assertThat(p).startsWith("/: ").contains("credentialSubject"));
  }

  @Test
  void credentialThatIsNotAnAchievementCredentialIsRefusedAtType() throws Exception {
    ObjectNode vc = testVector();
    vc.putArray("type").add("VerifiableCredential");

    assertThat(SCHEMA.validate(vc.toString())).anySatisfy(p -> assertThat(p).startsWith("/type"));
  }

  @Test
  void issuerWithoutIdIsRefusedAtIssuer() throws Exception {
    ObjectNode vc = testVector();
    ((ObjectNode) vc.get("issuer")).remove("id");

    assertThat(SCHEMA.validate(vc.toString()))
        .anySatisfy(p -> assertThat(p).startsWith("/issuer").contains("id"));
  }

  @Test
  void malformedJsonIsReportedNotThrown() {
    assertThat(SCHEMA.validate("{\"type\": "))
        .singleElement()
        .asString()
        .contains("not valid JSON");
  }

  private static ObjectNode testVector() throws Exception {
    return (ObjectNode) JSON.readTree(fixture("integrity/credential-signed.json"));
  }
}
