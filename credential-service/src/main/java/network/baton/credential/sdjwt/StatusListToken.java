package network.baton.credential.sdjwt;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import network.baton.credential.did.VerificationMethod;
import network.baton.credential.issue.JwsSigning;
import network.baton.credential.jose.BcJose;
import network.baton.credential.keys.SigningKey;
import network.baton.credential.status.StatusListException;
import network.baton.credential.verify.CompactJws;
import network.baton.credential.verify.JwsHeaderPolicy;
import network.baton.credential.verify.KeyPurpose;
import network.baton.credential.verify.KeySelector;

/**
 * A Status List Token in JWT form (draft-ietf-oauth-status-list, section 5.1): header {@code typ:
 * statuslist+jwt} with the issuer's {@code kid}; claims {@code sub} (the token's own URI, which
 * referenced tokens name in {@code status.status_list.uri}), {@code iat}, {@code exp}, {@code ttl}
 * and {@code status_list} ({@code bits}, {@code lst}). Signs the node's tokens and verifies other
 * issuers': typ, algorithm, the key (a DID URL of the referenced token's issuer, listed for
 * assertion, through the verifier's {@link KeySelector}), signature, {@code sub} the URI fetched,
 * not expired on the verifier's clock. Immutable and thread-safe.
 */
public final class StatusListToken {
  /** The JOSE {@code typ} of a status list token. */
  public static final String TYP = "statuslist+jwt";

  /** The media type a status list token is served as. */
  public static final String MEDIA_TYPE = "application/statuslist+jwt";

  private static final ObjectMapper JSON = CompactJws.strictJson();
  private static final JwsHeaderPolicy HEADER = new JwsHeaderPolicy(TYP, null);

  private StatusListToken() {}

  /**
   * The signed token for {@code list} at {@code uri}, issued by {@code issuerDid} with {@code key}
   * named {@code kid}, at {@code iat}, valid for {@code validity}, cacheable for {@code ttl}.
   */
  public static String sign(
      URI uri,
      TokenStatusList list,
      String issuerDid,
      SigningKey key,
      String kid,
      Instant iat,
      Duration validity,
      Duration ttl) {
    ObjectNode payload = JSON.createObjectNode();
    payload.put("iss", issuerDid);
    payload.put("sub", uri.toString());
    payload.put("iat", iat.getEpochSecond());
    payload.put("exp", iat.plus(validity).getEpochSecond());
    payload.put("ttl", ttl.toSeconds());
    payload.putObject("status_list").put("bits", list.bits()).put("lst", list.encode());
    JWSHeader header =
        new JWSHeader.Builder(key.algorithm().jwsAlgorithm())
            .type(new JOSEObjectType(TYP))
            .keyID(kid)
            .build();
    return JwsSigning.sign(header, payload.toString().getBytes(StandardCharsets.UTF_8), key);
  }

  /**
   * The list of a fetched token, verified: it must be signed by a key of {@code issuerDid} (the
   * issuer of the credential that points at it) and name {@code uri} as its {@code sub}.
   */
  public static TokenStatusList verify(
      String token, URI uri, String issuerDid, KeySelector keys, Clock clock, int maxBytes)
      throws StatusListException {
    requireNonNull(uri, "uri");
    requireNonNull(issuerDid, "issuerDid");
    JWSObject jws;
    CompactJws parsed;
    try {
      parsed = CompactJws.parse(token, JSON);
      jws = HEADER.check(parsed);
    } catch (CompactJws.FormatException | JwsHeaderPolicy.HeaderException e) {
      throw new StatusListException("the status list token: " + e.getMessage());
    }
    VerificationMethod method;
    try {
      method = keys.select(jws.getHeader(), issuerDid, KeyPurpose.ASSERTION);
    } catch (KeySelector.Refused e) {
      throw new StatusListException("the status list token's key: " + e.getMessage());
    }
    try {
      if (!jws.verify(BcJose.verifier(method.key()))) {
        throw new StatusListException(
            "the status list token's signature does not match key " + method.id());
      }
    } catch (JOSEException | IllegalStateException e) {
      throw new StatusListException("the status list token's signature cannot be checked", e);
    }
    JsonNode claims = parsed.payload();
    if (!uri.toString().equals(claims.path("sub").asText(null))) {
      throw new StatusListException(
          "the status list token's sub is " + claims.get("sub") + ", not the URI fetched " + uri);
    }
    if (!claims.path("iat").canConvertToLong()) {
      throw new StatusListException("the status list token has no iat");
    }
    JsonNode exp = claims.get("exp");
    if (exp != null) {
      if (!exp.canConvertToLong()) throw new StatusListException("exp is not a NumericDate");
      if (clock.instant().isAfter(Instant.ofEpochSecond(exp.asLong()))) {
        throw new StatusListException(
            "the status list token expired at " + Instant.ofEpochSecond(exp.asLong()));
      }
    }
    JsonNode list = claims.path("status_list");
    if (!list.path("bits").canConvertToInt() || !list.path("lst").isTextual()) {
      throw new StatusListException("the status list token has no status_list with bits and lst");
    }
    return TokenStatusList.decode(list.get("bits").asInt(), list.get("lst").asText(), maxBytes);
  }
}
