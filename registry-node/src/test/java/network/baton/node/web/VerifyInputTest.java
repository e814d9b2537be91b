package network.baton.node.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class VerifyInputTest {

  private static String jwt(String typ) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String header = new JsonObject().put("alg", "EdDSA").put("typ", typ).encode();
    return b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + ".e30.c2ln";
  }

  @Test
  void credentialJwtGoesToCredentialVerification() {
    VerifyInput input = VerifyInput.of("  " + jwt("vc+jwt") + "\n", null, null);
    assertThat(input.path()).isEqualTo(VerifyInput.CREDENTIAL_PATH);
    assertThat(input.body().getString("verifiableCredential")).isEqualTo(jwt("vc+jwt"));
  }

  @Test
  void presentationJwtGoesWithItsChallengeAndDomain() {
    VerifyInput input = VerifyInput.of(jwt("vp+jwt"), " n-1 ", "https://employer.example");
    assertThat(input.isPresentation()).isTrue();
    assertThat(input.body().getJsonObject("options"))
        .isEqualTo(
            new JsonObject()
                .put("challenge", "n-1")
                .put("domain", "https://employer.example")
                .put("holderBinding", true)
                .put("issuedChallenge", true));
  }

  @Test
  void presentationWithoutChallengeIsRefusedWithAReason() {
    assertThatThrownBy(() -> VerifyInput.of(jwt("vp+jwt"), "", "https://employer.example"))
        .isInstanceOfSatisfying(
            VerifyInput.Unusable.class,
            e -> assertThat(e.key()).isEqualTo("verify.error.challenge"));
  }

  @Test
  void issueAnswerIsUnwrappedToItsCredential() {
    JsonObject envelope = new JsonObject().put("type", "EnvelopedVerifiableCredential");
    String answer =
        new JsonObject()
            .put("verifiableCredential", envelope)
            .put("credentialId", "urn:x")
            .encode();
    VerifyInput input = VerifyInput.of(answer, null, null);
    assertThat(input.path()).isEqualTo(VerifyInput.CREDENTIAL_PATH);
    assertThat(input.body()).isEqualTo(new JsonObject().put("verifiableCredential", envelope));
  }

  @Test
  void plainJsonCredentialIsSentAsIs() {
    JsonObject credential = new JsonObject().put("type", "VerifiableCredential");
    VerifyInput input = VerifyInput.of(credential.encode(), null, null);
    assertThat(input.body().getJsonObject("verifiableCredential")).isEqualTo(credential);
  }

  @Test
  void unreadableInputNamesWhatIsWrong() {
    assertThatThrownBy(() -> VerifyInput.of(" ", null, null))
        .hasFieldOrPropertyWithValue("key", "verify.error.empty");
    assertThatThrownBy(() -> VerifyInput.of("{\"a\":", null, null))
        .hasFieldOrPropertyWithValue("key", "verify.error.json");
    assertThatThrownBy(() -> VerifyInput.of("hello world", null, null))
        .hasFieldOrPropertyWithValue("key", "verify.error.unknown");
    assertThatThrownBy(() -> VerifyInput.of("!!.!!.!!", null, null))
        .hasFieldOrPropertyWithValue("key", "verify.error.unknown");
  }
}
