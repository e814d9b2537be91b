package network.baton.credential.sdjwt;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import network.baton.credential.verify.Check;
import network.baton.credential.verify.CompactJws;
import network.baton.credential.verify.CredentialVerifier;
import network.baton.credential.verify.Evidence;
import network.baton.credential.verify.VerificationCheck;

/**
 * The {@code format} gate of an SD-JWT VC: the input is a string in the SD-JWT compact form ({@link
 * SdJwt}), its issuer-signed JWT a well-formed compact JWS ({@link CompactJws}: size, base64url,
 * JSON objects without duplicate members). Puts the parsed SD-JWT on the evidence.
 */
final class SdJwtFormatCheck implements VerificationCheck {
  private final ObjectMapper json = CompactJws.strictJson();

  @Override
  public List<Check> check(Evidence evidence) {
    String name = CredentialVerifier.FORMAT;
    if (!evidence.input().isTextual()) {
      return List.of(Check.fail(name, "an SD-JWT VC is a string in the SD-JWT compact form"));
    }
    try {
      SdJwt sdJwt = SdJwt.parse(evidence.input().asText());
      evidence.jws(CompactJws.parse(sdJwt.issuerJwt(), json));
      evidence.detail(SdJwt.class, sdJwt);
      return List.of(
          Check.pass(
              name,
              "SD-JWT with "
                  + sdJwt.disclosures().size()
                  + " disclosure(s)"
                  + (sdJwt.keyBinding() == null ? "" : " and a key binding JWT")));
    } catch (SdJwt.FormatException | CompactJws.FormatException e) {
      return List.of(Check.fail(name, e.getMessage()));
    }
  }
}
