package network.baton.credential.service;

import static network.baton.credential.service.ServiceFixture.HOLDER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.nimbusds.jose.JWSObject;
import network.baton.credential.issue.CredentialIssuer;
import network.baton.credential.verify.VerificationReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A node's {@code vc+jwt} names the {@code JsonWebKey} method of its key as {@code kid}, so a
 * JOSE-only verifier finds a {@code publicKeyJwk} in the DID document; credentials issued before,
 * naming the {@code Multikey} method, still verify.
 */
class VcJwtKeyIdTest {

  @RegisterExtension final FreshServices service = new FreshServices();

  private SecuredCredential issued(CredentialFormat format) throws Exception {
    return service
        .issuance()
        .issue(new CredentialOrder(HOLDER, FixtureCourses.COURSE, null, null, format));
  }

  private JsonNode methodInDocument(String id) {
    for (JsonNode method : service.issuance().didDocument().toJson().path("verificationMethod")) {
      if (method.path("id").asText().equals(id)) return method;
    }
    throw new AssertionError("no method " + id + " in the DID document");
  }

  @Test
  void vcJwtNamesTheJsonWebKeyMethodOfTheKey() throws Exception {
    String did = service.issuance().issuerDid();
    SecuredCredential credential = issued(CredentialFormat.JWT);

    String kid = JWSObject.parse(credential.jwt()).getHeader().getKeyID();
    JsonNode method = methodInDocument(kid);

    assertThat(kid).isEqualTo(did + "#key-1-jwk");
    assertThat(method.path("type").asText()).isEqualTo("JsonWebKey");
    assertThat(method.path("publicKeyJwk").path("x").asText())
        .isEqualTo(service.keys.current().publicKey().toJwk().get("x"));
    assertThat(service.issuance().didDocument().canAssert(kid)).isTrue();
    VerificationReport report =
        service.verification().verifyCredential(new TextNode(credential.jwt()));
    assertThat(report.ok()).as(report.toString()).isTrue();
  }

  @Test
  void dataIntegrityProofStillNamesTheMultikeyMethod() throws Exception {
    String did = service.issuance().issuerDid();
    ObjectNode credential = issued(CredentialFormat.DATA_INTEGRITY).document();

    String method = credential.path("proof").path("verificationMethod").asText();

    assertThat(method).isEqualTo(did + "#key-1");
    assertThat(methodInDocument(method).path("type").asText()).isEqualTo("Multikey");
  }

  @Test
  void aVcJwtIssuedBeforeNamingTheMultikeyMethodStillVerifies() throws Exception {
    ObjectNode payload = issued(CredentialFormat.JWT).document();
    CredentialIssuer before =
        new CredentialIssuer(
            service.issuance().config().issuer(),
            service.keys.current(),
            iri -> java.util.Optional.empty(),
            iri -> true);
    String old = before.sign(payload);

    assertThat(JWSObject.parse(old).getHeader().getKeyID())
        .isEqualTo(service.issuance().issuerDid() + "#key-1");
    VerificationReport report = service.verification().verifyCredential(new TextNode(old));
    assertThat(report.ok()).as(report.toString()).isTrue();
  }
}
