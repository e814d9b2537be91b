package network.baton.credential.sdjwt;

import static java.util.Objects.requireNonNull;

import com.authlete.sd.Disclosure;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import network.baton.credential.issue.JwsSigning;
import network.baton.credential.issue.Skill;
import network.baton.credential.keys.PublicKeyMaterial;
import network.baton.credential.keys.SigningKey;

/**
 * Issues the BATON skill credential as an SD-JWT VC ({@code typ: dc+sd-jwt}): {@code iss} the
 * node's DID and {@code kid} a DID URL of its key, {@code vct} ({@link SkillCredentialType}),
 * {@code jti}, {@code iat}, {@code nbf} and {@code exp} when the order has them, {@code cnf.jwk}
 * the holder's key, {@code status.status_list} ({@code idx}, {@code uri}) in the node's token
 * status list, {@code achievement} ({@code id}, {@code name}) in the clear, and {@code skills} an
 * array whose every element is its own disclosure.
 *
 * <p>Skills are array-element disclosures rather than one object property each: they are a set of
 * like things, so an array is their natural claim ({@code ["skills", null]} in a DCQL query or type
 * metadata); a verifier cannot tell which skill an element hides, and a property per skill would
 * need a claim name per skill code that says nothing more. Disclosures and digests are made by the
 * Authlete SD-JWT library (salt, JSON array, SHA-256); the JWS is Nimbus over Bouncy Castle.
 * Thread-safe.
 */
public final class SdJwtVcIssuer {
  /** The JOSE {@code typ} of an SD-JWT VC. */
  public static final String TYP = "dc+sd-jwt";

  /** The {@code typ} SD-JWT VC had before draft 09, still accepted from others. */
  public static final String OLDER_TYP = "vc+sd-jwt";

  /** The digest algorithm named in {@code _sd_alg}. */
  public static final String SD_ALG = "sha-256";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String issuerDid;
  private final String kid;
  private final SigningKey key;

  /** An issuer {@code issuerDid} signing with {@code key}, named {@code kid} (a DID URL of it). */
  public SdJwtVcIssuer(String issuerDid, String kid, SigningKey key) {
    this.issuerDid = requireNonNull(issuerDid, "issuerDid");
    this.kid = requireNonNull(kid, "kid");
    this.key = requireNonNull(key, "key");
    if (!kid.startsWith(issuerDid + "#")) {
      throw new IllegalArgumentException("kid " + kid + " is not a key of " + issuerDid);
    }
  }

  /** What one credential says: the course, its skills, the holder, the dates and the status. */
  public record Claims(
      String id,
      String vct,
      String courseIri,
      String courseName,
      List<Skill> skills,
      PublicKeyMaterial holderKey,
      Instant issuedAt,
      Instant notBefore,
      Instant expires,
      URI statusList,
      int statusIndex) {
    public Claims {
      requireNonNull(id, "id");
      requireNonNull(vct, "vct");
      requireNonNull(courseIri, "courseIri");
      requireNonNull(courseName, "courseName");
      skills = List.copyOf(skills);
      requireNonNull(holderKey, "holderKey");
      requireNonNull(issuedAt, "issuedAt");
      requireNonNull(statusList, "statusList");
      if (statusIndex < 0) throw new IllegalArgumentException("status index must not be negative");
    }
  }

  /** The issued SD-JWT (ending with {@code ~}) and its claims with every disclosure applied. */
  public record Issued(SdJwt sdJwt, ObjectNode claims) {}

  /** Builds, discloses and signs one credential. */
  public Issued issue(Claims claims) {
    ObjectNode payload = JSON.createObjectNode();
    payload.put("iss", issuerDid);
    payload.put("jti", claims.id());
    payload.put("iat", claims.issuedAt().getEpochSecond());
    if (claims.notBefore() != null) payload.put("nbf", claims.notBefore().getEpochSecond());
    if (claims.expires() != null) payload.put("exp", claims.expires().getEpochSecond());
    payload.put("vct", claims.vct());
    payload.putObject("cnf").set("jwk", JSON.valueToTree(claims.holderKey().toJwk()));
    payload
        .putObject("status")
        .putObject("status_list")
        .put("idx", claims.statusIndex())
        .put("uri", claims.statusList().toString());
    payload.putObject("achievement").put("id", claims.courseIri()).put("name", claims.courseName());
    ObjectNode disclosed = payload.deepCopy();
    ArrayNode digests = payload.putArray("skills");
    ArrayNode skills = disclosed.putArray("skills");
    List<String> disclosures = new ArrayList<>();
    for (Skill skill : claims.skills()) {
      Map<String, Object> value = skillClaim(skill);
      Disclosure disclosure = new Disclosure(value);
      disclosures.add(disclosure.getDisclosure());
      digests.addObject().put("...", disclosure.digest(SD_ALG));
      skills.add(JSON.valueToTree(value));
    }
    payload.put("_sd_alg", SD_ALG);
    JWSHeader header =
        new JWSHeader.Builder(key.algorithm().jwsAlgorithm())
            .type(new JOSEObjectType(TYP))
            .keyID(kid)
            .build();
    String jwt = JwsSigning.sign(header, payload.toString().getBytes(StandardCharsets.UTF_8), key);
    return new Issued(new SdJwt(jwt, disclosures, null), disclosed);
  }

  private static Map<String, Object> skillClaim(Skill skill) {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("id", skill.iri());
    value.put("code", skill.notation());
    Map<String, String> name = new LinkedHashMap<>();
    for (String language : List.of("ja", "en")) {
      if (skill.labels().containsKey(language)) name.put(language, skill.labels().get(language));
    }
    value.put("name", name);
    return value;
  }
}
