package network.baton.credential.jose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.util.Base64URL;
import java.io.InputStream;
import java.security.SecureRandom;
import java.text.ParseException;
import java.util.Map;
import java.util.stream.Stream;
import network.baton.credential.keys.KeyAlgorithm;
import network.baton.credential.keys.PublicKeyMaterial;
import network.baton.credential.keys.SigningKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JoseVectorsTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static JsonNode fixture(String name) throws Exception {
    try (InputStream in = JoseVectorsTest.class.getResourceAsStream("/fixtures/jose/" + name)) {
      return MAPPER.readTree(in);
    }
  }

  private static JsonNode rfc7515(String section) throws Exception {
    for (JsonNode example : fixture("rfc7515-appendix-a-jws-examples.json").get("examples")) {
      if (example.get("section").asText().equals(section)) return example;
    }
    throw new AssertionError("no section " + section);
  }

  /** Whether the compact JWS verifies with the Bouncy Castle verifier for the public JWK. */
  private static boolean verifies(String compact, JsonNode publicJwk) throws Exception {
    PublicKeyMaterial key = PublicKeyMaterial.fromJwk(map(publicJwk));
    return JWSObject.parse(compact).verify(BcJose.verifier(key));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(JsonNode node) {
    return MAPPER.convertValue(node, Map.class);
  }

  static Stream<Arguments> publishedSignatures() throws Exception {
    JsonNode ed25519 = fixture("rfc8037-appendix-a-ed25519.json");
    JsonNode es256 = rfc7515("A.3");
    return Stream.of(
        Arguments.of("RFC 8037 A.4, Ed25519", ed25519.get("jwsCompact"), ed25519.get("publicJwk")),
        Arguments.of("RFC 7515 A.3, ES256", es256.get("jws"), es256.get("jwk")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("publishedSignatures")
  void publishedSignatureVerifiesWithTheBouncyCastleVerifier(
      String example, JsonNode jws, JsonNode publicJwk) throws Exception {
    assertThat(verifies(jws.asText(), publicJwk)).isTrue();
  }

  @Test
  void rfc8037SigningReproducesTheVectorExactly() throws Exception {
    JsonNode vector = fixture("rfc8037-appendix-a-ed25519.json");
    SigningKey key =
        SigningKey.ed25519("k", new Base64URL(vector.get("privateJwk").get("d").asText()).decode());
    JWSObject jws =
        new JWSObject(
            new JWSHeader(JWSAlgorithm.EdDSA), new Payload(vector.get("payloadUtf8").asText()));

    jws.sign(BcJose.signer(key));

    assertThat(jws.serialize()).isEqualTo(vector.get("jwsCompact").asText());
    assertThat(key.publicKey().toJwk().get("x"))
        .isEqualTo(vector.get("publicJwk").get("x").asText());
  }

  @Test
  void rfc7515Es256ExampleFailsWhenThePayloadChanges() throws Exception {
    JsonNode vector = rfc7515("A.3");
    String[] parts = vector.get("jws").asText().split("\\.");
    String tampered = parts[0] + "." + Base64URL.encode("{\"iss\":\"eve\"}") + "." + parts[2];

    assertThat(verifies(tampered, vector.get("jwk"))).isFalse();
  }

  @Test
  void rfc7515UnsecuredExampleIsNotAcceptedAsAJws() throws Exception {
    String none = rfc7515("A.5").get("jws").asText();

    assertThatThrownBy(() -> JWSObject.parse(none)).isInstanceOf(ParseException.class);
  }

  @Test
  void es256SignaturesAreDeterministicAndVerify() throws Exception {
    SigningKey key = SigningKey.generate(KeyAlgorithm.P256, "k", new SecureRandom());
    JWSObject first = new JWSObject(new JWSHeader(JWSAlgorithm.ES256), new Payload("hello"));
    JWSObject second = new JWSObject(new JWSHeader(JWSAlgorithm.ES256), new Payload("hello"));

    first.sign(BcJose.signer(key));
    second.sign(BcJose.signer(key));

    assertThat(first.getSignature()).isEqualTo(second.getSignature());
    assertThat(first.getSignature().decode()).hasSize(64);
    assertThat(JWSObject.parse(first.serialize()).verify(BcJose.verifier(key.publicKey())))
        .isTrue();
  }

  @Test
  void aSignatureByAnotherKeyDoesNotVerify() throws Exception {
    SigningKey signer = SigningKey.generate(KeyAlgorithm.ED25519, "a", new SecureRandom());
    SigningKey other = SigningKey.generate(KeyAlgorithm.ED25519, "b", new SecureRandom());
    JWSObject jws = new JWSObject(new JWSHeader(JWSAlgorithm.EdDSA), new Payload("hello"));
    jws.sign(BcJose.signer(signer));

    assertThat(JWSObject.parse(jws.serialize()).verify(BcJose.verifier(other.publicKey())))
        .isFalse();
  }

  @Test
  void unknownCriticalHeaderIsRefusedEvenWithAGoodSignature() throws Exception {
    SigningKey key = SigningKey.generate(KeyAlgorithm.ED25519, "a", new SecureRandom());
    JWSHeader header =
        new JWSHeader.Builder(JWSAlgorithm.EdDSA)
            .type(new JOSEObjectType("vc+jwt"))
            .criticalParams(java.util.Set.of("exp-policy"))
            .customParam("exp-policy", "strict")
            .build();
    JWSObject jws = new JWSObject(header, new Payload("hello"));
    jws.sign(BcJose.signer(key));

    assertThat(JWSObject.parse(jws.serialize()).verify(BcJose.verifier(key.publicKey()))).isFalse();
  }

  @Test
  void verifierRefusesASignatureForAnotherAlgorithm() throws Exception {
    SigningKey key = SigningKey.generate(KeyAlgorithm.ED25519, "a", new SecureRandom());
    JWSObject jws = new JWSObject(new JWSHeader(JWSAlgorithm.EdDSA), new Payload("hello"));
    jws.sign(BcJose.signer(key));
    String[] parts = jws.serialize().split("\\.");
    String relabelled = Base64URL.encode("{\"alg\":\"ES256\"}") + "." + parts[1] + "." + parts[2];

    assertThat(JWSObject.parse(relabelled).verify(BcJose.verifier(key.publicKey()))).isFalse();
  }
}
