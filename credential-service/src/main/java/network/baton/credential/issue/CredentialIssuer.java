package network.baton.credential.issue;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import network.baton.credential.keys.SigningKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds Open Badges 3.0 AchievementCredentials (VC Data Model 2.0) for a node and secures them as
 * VC-JOSE-COSE compact JWS ({@code typ: vc+jwt}, the credential itself as payload).
 */
public final class CredentialIssuer {
  private static final Logger log = LoggerFactory.getLogger(CredentialIssuer.class);

  private final IssuerProfile issuer;
  private final SigningKey key;
  private final SkillLookup skills;
  private final AchievementCatalog achievements;
  private final String jwtKeyId;
  private final ObjectMapper mapper = new ObjectMapper();

  /**
   * An issuer signing with {@code key} (id {@code key-N} or a full DID URL of the issuer), checking
   * skills against the framework and achievements against the node's published courses.
   */
  public CredentialIssuer(
      IssuerProfile issuer, SigningKey key, SkillLookup skills, AchievementCatalog achievements) {
    this(issuer, key, skills, achievements, null);
  }

  /**
   * As above, the {@code kid} of its {@code vc+jwt} being {@code jwtKeyId} (a DID URL of the
   * issuer: the issuer's {@code JsonWebKey} method for the key) instead of {@link #keyId()}.
   */
  public CredentialIssuer(
      IssuerProfile issuer,
      SigningKey key,
      SkillLookup skills,
      AchievementCatalog achievements,
      String jwtKeyId) {
    this.issuer = requireNonNull(issuer, "issuer");
    this.key = requireNonNull(key, "key");
    this.skills = requireNonNull(skills, "skills");
    this.achievements = requireNonNull(achievements, "achievements");
    if (key.id().startsWith("did:") && !key.id().startsWith(issuer.did() + "#")) {
      throw new IllegalArgumentException("key " + key.id() + " does not belong to " + issuer.did());
    }
    if (jwtKeyId != null && !jwtKeyId.startsWith(issuer.did() + "#")) {
      throw new IllegalArgumentException("kid " + jwtKeyId + " is not a key of " + issuer.did());
    }
    this.jwtKeyId = jwtKeyId == null ? keyId() : jwtKeyId;
  }

  /** The DID URL of the key's method, what a Data Integrity proof names. */
  public String keyId() {
    return key.id().startsWith("did:") ? key.id() : issuer.did() + "#" + key.id();
  }

  /** The DID URL put in the {@code kid} header of a {@code vc+jwt}. */
  public String jwtKeyId() {
    return jwtKeyId;
  }

  /**
   * The unsigned credential for a request; {@code credentialStatus} (a BitstringStatusListEntry)
   * may be null. Fails with {@link UnknownAchievementException} if the node does not publish the
   * achievement, {@link UnknownSkillException} if a skill is not in the framework.
   */
  public ObjectNode credential(IssueRequest request, JsonNode credentialStatus) {
    if (!achievements.contains(request.achievementIri())) {
      throw new UnknownAchievementException(request.achievementIri());
    }
    List<Skill> aligned = resolveSkills(request.skillIris());
    ObjectNode vc = mapper.createObjectNode();
    ArrayNode context = vc.putArray("@context");
    context.add(VcContexts.CREDENTIALS_V2).add(VcContexts.OB_V3P0);
    vc.put("id", "urn:uuid:" + UUID.randomUUID());
    vc.putArray("type").add("VerifiableCredential").add("OpenBadgeCredential");
    vc.put("name", request.achievementName());
    ObjectNode profile = vc.putObject("issuer");
    profile.put("id", issuer.did());
    profile.putArray("type").add("Profile");
    profile.put("name", issuer.name());
    vc.put("validFrom", timestamp(request.validFrom()));
    if (request.validUntil() != null) vc.put("validUntil", timestamp(request.validUntil()));

    ObjectNode subject = vc.putObject("credentialSubject");
    subject.put("id", request.holderDid());
    subject.putArray("type").add("AchievementSubject");
    ObjectNode achievement = subject.putObject("achievement");
    achievement.put("id", request.achievementIri());
    achievement.putArray("type").add("Achievement");
    achievement.put("name", request.achievementName());
    achievement.put("description", request.achievementDescription());
    achievement.putObject("criteria").put("narrative", request.criteriaNarrative());
    ArrayNode alignment = achievement.putArray("alignment");
    for (Skill skill : aligned) {
      ObjectNode entry = alignment.addObject();
      entry.putArray("type").add("Alignment");
      entry.put("targetUrl", skill.iri());
      entry.put("targetName", skill.label("en"));
      entry.put("targetFramework", VcContexts.SKILL_FRAMEWORK_NAME);
      entry.put("targetCode", skill.notation());
    }
    if (credentialStatus != null && !credentialStatus.isNull()) {
      if (!credentialStatus.isObject()) {
        throw new IllegalArgumentException("credentialStatus must be a JSON object");
      }
      vc.set("credentialStatus", credentialStatus.deepCopy());
    }
    return vc;
  }

  /** Builds and signs a credential as {@code vc+jwt}. */
  public IssuedCredential issue(IssueRequest request, JsonNode credentialStatus) {
    ObjectNode vc = credential(request, credentialStatus);
    String jwt = sign(vc);
    log.info(
        "issued credential [id: {}, achievement: {}, kid: {}]",
        vc.get("id").asText(),
        request.achievementIri(),
        jwtKeyId);
    return new IssuedCredential(vc.get("id").asText(), vc, jwt);
  }

  /** Signs a credential built elsewhere as {@code vc+jwt}; its issuer must be this node. */
  public String sign(ObjectNode credential) {
    String issuerId =
        Optional.ofNullable(credential.get("issuer"))
            .map(i -> i.isObject() ? i.path("id").asText() : i.asText())
            .orElse("");
    if (!issuer.did().equals(issuerId)) {
      throw new IllegalArgumentException(
          "credential issuer " + issuerId + " is not " + issuer.did());
    }
    JWSHeader header =
        new JWSHeader.Builder(key.algorithm().jwsAlgorithm())
            .type(new JOSEObjectType(VcContexts.VC_JWT))
            .contentType("vc")
            .keyID(jwtKeyId)
            .build();
    return JwsSigning.sign(header, toBytes(credential), key);
  }

  private byte[] toBytes(JsonNode json) {
    try {
      return mapper.writeValueAsBytes(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise credential", e);
    }
  }

  private List<Skill> resolveSkills(List<String> iris) {
    List<Skill> found = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    for (String iri : iris) {
      skills.find(iri).ifPresentOrElse(found::add, () -> unknown.add(iri));
    }
    if (!unknown.isEmpty()) throw new UnknownSkillException(unknown);
    return found;
  }

  /** An instant as the data model writes it (UTC, whole seconds). */
  public static String timestamp(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
