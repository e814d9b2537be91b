package network.baton.credential.sdjwt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import network.baton.credential.did.DidKey;
import network.baton.credential.keys.PublicKeyMaterial;
import network.baton.credential.verify.Check;
import network.baton.credential.verify.CredentialVerifier;
import network.baton.credential.verify.Evidence;
import network.baton.credential.verify.VerificationCheck;

/**
 * The {@code credential} gate of an SD-JWT VC: {@code iss} a DID (the key is looked up in its
 * document), {@code vct} a string, {@code _sd_alg} absent or {@code sha-256}, and {@code cnf.jwk}
 * the holder's public key (required: this verifier reads only key-bound SD-JWT VCs). Records the
 * issuer, the holder (the key as a did:key) and the holder's key.
 */
final class SdJwtVcShapeCheck implements VerificationCheck {
  /** The holder's key from {@code cnf.jwk}, for the key binding check. */
  record HolderKeyClaim(PublicKeyMaterial key) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public List<Check> check(Evidence evidence) {
    String name = CredentialVerifier.CREDENTIAL;
    JsonNode claims = evidence.document();
    String iss = claims.path("iss").asText("");
    if (!iss.startsWith("did:")) {
      return List.of(Check.fail(name, "iss must be the issuer's DID, not " + claims.get("iss")));
    }
    evidence.issuer(iss);
    JsonNode vct = claims.get("vct");
    if (vct == null || !vct.isTextual() || vct.asText().isBlank()) {
      return List.of(Check.fail(name, "the SD-JWT VC has no vct (credential type)"));
    }
    JsonNode alg = claims.get("_sd_alg");
    if (alg != null && !(alg.isTextual() && alg.asText().equals(SdJwtVcIssuer.SD_ALG))) {
      return List.of(Check.fail(name, "_sd_alg is " + alg + "; only sha-256 is accepted"));
    }
    JsonNode jwk = claims.path("cnf").path("jwk");
    if (!jwk.isObject()) {
      return List.of(
          Check.fail(name, "the SD-JWT VC has no cnf.jwk: it is not bound to a holder's key"));
    }
    PublicKeyMaterial key;
    try {
      @SuppressWarnings("unchecked")
      Map<String, Object> map = JSON.convertValue(jwk, Map.class);
      key = HolderKey.jwk(map);
    } catch (IllegalArgumentException e) {
      return List.of(Check.fail(name, "cnf.jwk is not a usable public key: " + e.getMessage()));
    }
    evidence.detail(HolderKeyClaim.class, new HolderKeyClaim(key));
    evidence.subject(DidKey.of(key));
    return List.of(
        Check.pass(
            name,
            "an SD-JWT VC of type "
                + vct.asText()
                + " issued by "
                + iss
                + ", bound to a holder key"));
  }
}
