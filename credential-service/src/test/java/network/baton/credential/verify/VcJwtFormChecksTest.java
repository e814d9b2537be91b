package network.baton.credential.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.util.Base64URL;
import org.junit.jupiter.api.Test;

/**
 * The vc+jwt gates before any key is fetched: the compact JWS form, its JSON, its header and the
 * payload shape.
 */
class VcJwtFormChecksTest extends VcJwtVerifying {
  @Test
  void algNoneIsRefused() throws Exception {
    String payload = payloadOf(issue().jwt());
    String unsecured =
        Base64URL.encode(header("none", node.did + "#key-1"))
            + "."
            + Base64URL.encode(payload)
            + ".";

    assertThat(failureOf(verifier().verify(unsecured), "header")).contains("'none'");
  }

  @Test
  void hs256SignedWithTheIssuerPublicKeyAsSecretIsRefused() throws Exception {
    String payload = payloadOf(issue().jwt());
    byte[] publicKeyAsSecret = node.currentKey().publicKey().encoded();
    JWSObject forged =
        new JWSObject(
            new JWSHeader.Builder(JWSAlgorithm.HS256)
                .keyID(node.did + "#key-1")
                .type(new com.nimbusds.jose.JOSEObjectType("vc+jwt"))
                .build(),
            new Payload(payload));
    forged.sign(new MACSigner(publicKeyAsSecret));

    assertThat(failureOf(verifier().verify(forged.serialize()), "header"))
        .contains("'HS256'")
        .contains("shared-secret");
  }

  @Test
  void missingSignatureIsRefused() {
    String jwt = issue().jwt();
    String stripped = jwt.substring(0, jwt.lastIndexOf('.') + 1);

    assertThat(failureOf(verifier().verify(stripped), "header")).contains("the JWS has none");
  }

  @Test
  void unknownCriticalHeaderIsRefused() throws Exception {
    String header =
        "{\"alg\":\"EdDSA\",\"typ\":\"vc+jwt\",\"kid\":\""
            + node.did
            + "#key-1\",\"crit\":[\"exp-policy\"],\"exp-policy\":1}";
    String jwt = signRaw(header, payloadOf(issue().jwt()), node.currentKey());

    assertThat(failureOf(verifier().verify(jwt), "header"))
        .contains("[\"exp-policy\"]")
        .contains("not understood");
  }

  @Test
  void unencodedPayloadOptionIsRefused() throws Exception {
    String header =
        "{\"alg\":\"EdDSA\",\"typ\":\"vc+jwt\",\"kid\":\"" + node.did + "#key-1\",\"b64\":false}";
    String jwt = signRaw(header, payloadOf(issue().jwt()), node.currentKey());

    assertThat(failureOf(verifier().verify(jwt), "header")).contains("b64");
  }

  @Test
  void wrongTypIsRefused() throws Exception {
    String header = "{\"alg\":\"EdDSA\",\"typ\":\"JWT\",\"kid\":\"" + node.did + "#key-1\"}";
    String jwt = signRaw(header, payloadOf(issue().jwt()), node.currentKey());

    assertThat(failureOf(verifier().verify(jwt), "header")).contains("expected \"vc+jwt\"");
  }

  @Test
  void jwsOverOneMebibyteIsRefusedBeforeParsing() {
    String huge = "a".repeat(CompactJws.MAX_CHARS) + ".b.c";

    assertThat(failureOf(verifier().verify(huge), "format")).contains("more than the limit");
  }

  @Test
  void malformedBase64IsRefused() {
    assertThat(failureOf(verifier().verify("eyJ!!!.e30.AAAA"), "format"))
        .contains("header is not valid base64url");
  }

  @Test
  void malformedJsonIsRefused() {
    String jwt =
        Base64URL.encode(header("EdDSA", node.did + "#key-1"))
            + "."
            + Base64URL.encode("{\"issuer\": ")
            + ".AAAA";

    assertThat(failureOf(verifier().verify(jwt), "format")).contains("payload is not valid JSON");
  }

  @Test
  void duplicateMemberNamesAreRefused() {
    String header = "{\"alg\":\"EdDSA\",\"alg\":\"none\",\"typ\":\"vc+jwt\"}";
    String jwt = Base64URL.encode(header) + "." + Base64URL.encode("{}") + ".AAAA";

    assertThat(failureOf(verifier().verify(jwt), "format")).contains("Duplicate field 'alg'");
  }

  @Test
  void notACompactJwsIsRefused() {
    assertThat(failureOf(verifier().verify("just some text"), "format"))
        .contains("expected 3 parts");
    assertThat(failureOf(verifier().verify(""), "format")).contains("no JWS");
  }

  @Test
  void legacyVcClaimPayloadIsRefused() throws Exception {
    String payload = "{\"iss\":\"" + node.did + "\",\"vc\":" + payloadOf(issue().jwt()) + "}";
    String jwt = signRaw(header("EdDSA", node.did + "#key-1"), payload, node.currentKey());

    assertThat(failureOf(verifier().verify(jwt), "credential")).contains("'vc' claim");
  }
}
