package network.baton.credential.verify;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.Base64URL;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import network.baton.credential.did.DidDocument;
import network.baton.credential.did.DidMethodResolver;
import network.baton.credential.did.DidResolutionException;
import network.baton.credential.did.DidResolver;
import network.baton.credential.did.NodeDidDocument;
import network.baton.credential.integrity.EddsaRdfc2022;
import network.baton.credential.integrity.ProofOptions;
import network.baton.credential.issue.CredentialIssuer;
import network.baton.credential.issue.FrameworkSkills;
import network.baton.credential.issue.IssuerProfile;
import network.baton.credential.jose.BcJose;
import network.baton.credential.keys.KeyAlgorithm;
import network.baton.credential.keys.NodeKeys;
import network.baton.credential.keys.SigningKey;
import network.baton.vocab.ContextLoader;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

/**
 * An issuer with a real Ed25519 key and its real DID document, resolved in-process (did:key for
 * holders too), for tests of single checks that need no HTTP.
 */
final class LocalIssuer {
  static final String DID = "did:web:kosen.example";
  static final EddsaRdfc2022 SUITE = new EddsaRdfc2022(ContextLoader.bundled().documentLoader());

  final SigningKey key = SigningKey.generate(KeyAlgorithm.ED25519, "key-1", new SecureRandom());
  final DidDocument document =
      NodeDidDocument.build(DID, new NodeKeys(List.of(key)), NodeDidDocument.Format.MIXED);
  final DidResolver resolver =
      new DidMethodResolver(
          did -> {
            if (!did.equals(DID)) throw new DidResolutionException("unknown " + did);
            return document;
          });
  final CredentialIssuer issuer =
      new CredentialIssuer(
          new IssuerProfile(DID, "Kosen Battery College"),
          key,
          new FrameworkSkills(),
          IssuerNode.COURSE::equals);

  /** A vc+jwt for the holder, valid from {@code from} until {@code until} (null: no end). */
  String jwt(String holder, Instant from, Instant until, JsonNode status) {
    return issuer.issue(IssuerNode.request(holder, from, until), status).jwt();
  }

  /** The same credential with an eddsa-rdfc-2022 proof. */
  ObjectNode dataIntegrity(String holder, Instant from, Instant until) throws Exception {
    ObjectNode vc = issuer.credential(IssuerNode.request(holder, from, until), null);
    String signed =
        SUITE.sign(
            vc.toString(),
            ProofOptions.assertion(issuer.keyId(), from),
            (Ed25519PrivateKeyParameters) key.privateKey());
    return (ObjectNode) CompactJws.strictJson().readTree(signed);
  }

  /** Signs any header and payload JSON with this key, as an attacker holding it could. */
  String signRaw(String header, String payload) throws Exception {
    String input = Base64URL.encode(header) + "." + Base64URL.encode(payload);
    JWSHeader algOnly = new JWSHeader(key.algorithm().jwsAlgorithm());
    return input + "." + BcJose.signer(key).sign(algOnly, input.getBytes(UTF_8));
  }
}
