package network.baton.credential.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.util.Base64URL;
import java.util.List;
import network.baton.credential.did.DidDocument;
import network.baton.credential.did.DidKey;
import network.baton.credential.keys.KeyAlgorithm;
import network.baton.credential.keys.SigningKey;
import org.junit.jupiter.api.Test;

/**
 * The issuer's key as its did:web document lists it (rotation, another DID, an unknown kid, a
 * document that misbehaves) and the signature over header and payload.
 */
class VcJwtKeyAndSignatureTest extends VcJwtVerifying {
  @Test
  void es256CredentialVerifies() throws Exception {
    try (IssuerNode p256 = new IssuerNode(KeyAlgorithm.P256)) {
      String jwt = p256.issuer().issue(IssuerNode.request(holder, FROM, UNTIL), null).jwt();
      CredentialVerifier verifier =
          IssuerNode.verifier(p256.did, NOW, e -> StatusResult.valid("ok"));

      assertThat(verifier.verify(jwt).ok()).isTrue();
    }
  }

  @Test
  void credentialSignedBeforeKeyRotationStillVerifies() {
    String before = issue().jwt();
    node.rotate(KeyAlgorithm.ED25519);
    String after = issue().jwt();

    assertThat(verifier().verify(before).ok()).isTrue();
    assertThat(verifier().verify(after).ok()).isTrue();
    assertThat(verifier().verify(after).check("key").orElseThrow().reason()).contains("#key-2");
  }

  @Test
  void kidOfAnotherDidIsRefused() throws Exception {
    SigningKey attacker = SigningKey.generate(KeyAlgorithm.ED25519, "x", random);
    String kid = DidKey.keyId(attacker.publicKey());
    String forged = signRaw(header("EdDSA", kid), payloadOf(issue().jwt()), attacker);

    assertThat(failureOf(verifier().verify(forged), "key"))
        .contains("is a key of " + DidKey.of(attacker.publicKey()))
        .contains("not of " + node.did);
  }

  @Test
  void unknownKidOfTheIssuerIsRefused() throws Exception {
    String forged =
        signRaw(
            header("EdDSA", node.did + "#key-9"),
            payloadOf(issue().jwt()),
            SigningKey.generate(KeyAlgorithm.ED25519, "key-9", random));

    assertThat(failureOf(verifier().verify(forged), "key"))
        .contains("has no key " + node.did + "#key-9");
  }

  @Test
  void keyNotListedForAssertionIsRefused() throws Exception {
    String jwt = issue().jwt();
    DidDocument real = IssuerNode.resolver().resolve(node.did);
    DidDocument authOnly =
        new DidDocument(real.id(), real.verificationMethods(), List.of(), real.authentication());
    node.serveDocument(authOnly.toJson().toString());

    assertThat(failureOf(verifier().verify(jwt), "key"))
        .contains("not listed under assertionMethod");
  }

  @Test
  void tamperedHeaderFailsTheSignatureCheck() throws Exception {
    String[] parts = issue().jwt().split("\\.");
    String header = header("EdDSA", node.did + "#key-1").replace("}", ",\"x\":1}");
    String tampered = Base64URL.encode(header) + "." + parts[1] + "." + parts[2];

    assertThat(failureOf(verifier().verify(tampered), "signature")).contains("does not match");
  }

  @Test
  void tamperedPayloadFailsTheSignatureCheck() throws Exception {
    String[] parts = issue().jwt().split("\\.");
    ObjectNode vc = (ObjectNode) mapper.readTree(Base64URL.from(parts[1]).decodeToString());
    vc.put("validUntil", "2099-01-01T00:00:00Z");
    String tampered =
        parts[0] + "." + Base64URL.encode(mapper.writeValueAsBytes(vc)) + "." + parts[2];

    assertThat(failureOf(verifier().verify(tampered), "signature")).contains("does not match");
  }

  @Test
  void tamperedSignatureFailsTheSignatureCheck() {
    String jwt = issue().jwt();
    char last = jwt.charAt(jwt.length() - 10);
    String tampered =
        jwt.substring(0, jwt.length() - 10)
            + (last == 'A' ? 'B' : 'A')
            + jwt.substring(jwt.length() - 9);

    assertThat(failureOf(verifier().verify(tampered), "signature")).contains("does not match");
  }

  @Test
  void hugeIssuerDidDocumentIsRefused() {
    String jwt = issue().jwt();
    node.serveDocument("{\"id\":\"" + node.did + "\",\"pad\":\"" + "x".repeat(100_000) + "\"}");

    assertThat(failureOf(verifier().verify(jwt), "key")).contains("larger than 65536 bytes");
  }

  @Test
  void issuerDidDocumentNamingAnotherHostIsRefused() {
    String jwt = issue().jwt();
    JsonNode doc =
        IssuerNode.resolver().resolve(node.did).toJson().put("id", "did:web:evil.example");
    node.serveDocument(doc.toString());

    assertThat(failureOf(verifier().verify(jwt), "key"))
        .contains("names another DID: did:web:evil.example");
  }

  @Test
  void unreachableIssuerIsAKeyFailureNotACrash() {
    String jwt = issue().jwt();
    node.close();

    assertThat(failureOf(verifier().verify(jwt), "key")).contains("cannot resolve " + node.did);
  }
}
