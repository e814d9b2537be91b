package network.baton.credential.verify;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.util.Base64URL;
import java.security.SecureRandom;
import java.time.Instant;
import network.baton.credential.issue.HolderWallet;
import network.baton.credential.issue.IssuedCredential;
import network.baton.credential.jose.BcJose;
import network.baton.credential.keys.KeyAlgorithm;
import network.baton.credential.keys.SigningKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;

/**
 * A vc+jwt verifier's tests over one live issuing node (Ed25519, did:web on loopback): a credential
 * it issued to one holder, a verifier that trusts it at a fixed instant, and a signer for JWS an
 * attacker could make.
 */
@Timeout(30)
abstract class VcJwtVerifying {
  static final Instant FROM = Instant.parse("2026-04-01T00:00:00Z");
  static final Instant UNTIL = Instant.parse("2027-04-01T00:00:00Z");
  static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

  final ObjectMapper mapper = new ObjectMapper();
  final SecureRandom random = new SecureRandom();
  final String holder = HolderWallet.generate(random).did();
  IssuerNode node;

  @BeforeEach
  void startNode() throws Exception {
    node = new IssuerNode(KeyAlgorithm.ED25519);
  }

  @AfterEach
  void stopNode() {
    node.close();
  }

  CredentialVerifier verifier(Instant now, StatusChecker status) {
    return IssuerNode.verifier(node.did, now, status);
  }

  CredentialVerifier verifier() {
    return verifier(NOW, entry -> StatusResult.valid("not revoked"));
  }

  IssuedCredential issue() {
    return node.issuer().issue(IssuerNode.request(holder, FROM, UNTIL), null);
  }

  /** Signs arbitrary header and payload JSON with a key, as an attacker could. */
  static String signRaw(String header, String payload, SigningKey key) throws Exception {
    String input = Base64URL.encode(header) + "." + Base64URL.encode(payload);
    JWSHeader algOnly = new JWSHeader(key.algorithm().jwsAlgorithm());
    return input + "." + BcJose.signer(key).sign(algOnly, input.getBytes(UTF_8));
  }

  String header(String alg, String kid) {
    return "{\"alg\":\"" + alg + "\",\"typ\":\"vc+jwt\",\"kid\":\"" + kid + "\"}";
  }

  String payloadOf(String jwt) throws Exception {
    return JWSObject.parse(jwt).getPayload().toString();
  }

  static String failureOf(VerificationReport report, String check) {
    assertThat(report.ok()).isFalse();
    Check c =
        report
            .check(check)
            .orElseThrow(() -> new AssertionError("no check " + check + ": " + report));
    assertThat(c.passed()).as(c.reason()).isFalse();
    return c.reason();
  }
}
