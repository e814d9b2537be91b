package network.baton.credential.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import java.text.ParseException;
import java.util.List;

/**
 * The header rules for credentials and presentations: {@code alg} only EdDSA or ES256 ({@code none}
 * and HMAC refused by name), the expected {@code typ} (checked with Nimbus'
 * DefaultJOSEObjectTypeVerifier) and {@code cty}, a {@code kid}, and no {@code crit} (this verifier
 * understands no extension). The header step of every JWS pipeline; a new JWS format gives its own
 * {@code typ} and {@code cty}. Immutable and thread-safe.
 */
public final class JwsHeaderPolicy {
  /** The signature algorithms accepted, by JOSE name. */
  public static final List<String> ALLOWED_ALGS = List.of("EdDSA", "ES256");

  private final String typ;
  private final String cty;
  private final DefaultJOSEObjectTypeVerifier<?> typVerifier;

  /** The rules for JWSs of this {@code typ} whose {@code cty}, when present, is {@code cty}. */
  public JwsHeaderPolicy(String typ, String cty) {
    this(typ, cty, List.of());
  }

  /**
   * As above, {@code older} typs accepted too (e.g. {@code vc+sd-jwt}, what SD-JWT VC called {@code
   * dc+sd-jwt} before); a null {@code cty} accepts none.
   */
  public JwsHeaderPolicy(String typ, String cty, List<String> older) {
    this.typ = typ;
    this.cty = cty;
    JOSEObjectType[] accepted =
        java.util.stream.Stream.concat(java.util.stream.Stream.of(typ), older.stream())
            .map(JOSEObjectType::new)
            .toArray(JOSEObjectType[]::new);
    this.typVerifier = new DefaultJOSEObjectTypeVerifier<>(accepted);
  }

  /** The {@code typ} this policy requires. */
  public String typ() {
    return typ;
  }

  /** The Nimbus JWS object if the header passes, else a {@link HeaderException} with the reason. */
  public JWSObject check(CompactJws jws) {
    JsonNode header = jws.header();
    JsonNode alg = header.get("alg");
    if (alg == null || !alg.isTextual()) throw new HeaderException("header has no alg");
    String name = alg.asText();
    if (name.equalsIgnoreCase("none")) {
      throw new HeaderException("alg 'none' (an unsecured JWS) is refused");
    }
    if (name.toUpperCase().startsWith("HS")) {
      throw new HeaderException(
          "alg '"
              + name
              + "' (a shared-secret MAC, not a signature) is refused; accepted: "
              + String.join(", ", ALLOWED_ALGS));
    }
    if (!ALLOWED_ALGS.contains(name)) {
      throw new HeaderException(
          "alg '" + name + "' is not accepted; accepted: " + String.join(", ", ALLOWED_ALGS));
    }
    if (header.has("crit")) {
      throw new HeaderException(
          "critical header parameter(s) " + header.get("crit") + " are not understood");
    }
    if (header.has("b64")) {
      throw new HeaderException("unencoded payloads (b64 header) are not accepted");
    }
    JsonNode typNode = header.get("typ");
    try {
      JOSEObjectType type =
          typNode == null || !typNode.isTextual() ? null : new JOSEObjectType(typNode.asText());
      typVerifier.verify(type, null);
    } catch (BadJOSEException e) {
      throw new HeaderException(
          "typ is " + (typNode == null ? "missing" : typNode) + ", expected \"" + typ + "\"");
    }
    JsonNode ctyNode = header.get("cty");
    if (ctyNode != null && !(ctyNode.isTextual() && ctyNode.asText().equals(cty))) {
      throw new HeaderException(
          "cty is " + ctyNode + (cty == null ? ", expected none" : ", expected \"" + cty + "\""));
    }
    JsonNode kid = header.get("kid");
    if (kid == null || !kid.isTextual() || kid.asText().isBlank()) {
      throw new HeaderException("header has no kid naming the signing key");
    }
    if (jws.text().endsWith(".")) {
      throw new HeaderException("alg " + name + " needs a signature, but the JWS has none");
    }
    try {
      return JWSObject.parse(jws.text());
    } catch (ParseException e) {
      throw new HeaderException("not a valid JWS header: " + e.getMessage());
    }
  }

  /** The header breaks a rule. */
  public static final class HeaderException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    HeaderException(String message) {
      super(message);
    }
  }
}
