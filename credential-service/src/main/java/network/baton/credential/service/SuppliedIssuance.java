package network.baton.credential.service;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import network.baton.credential.issue.AchievementTypes;
import network.baton.credential.issue.CredentialIssuer;
import network.baton.credential.issue.UnknownAchievementException;
import network.baton.credential.status.IndexAllocator;
import network.baton.credential.status.StatusListIndex;
import network.baton.vocab.UntrustedText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The VC API's issue path for a credential the caller wrote: the node claims it as issuer, adds the
 * status entries asked for and secures it. Apart from {@link IssuanceService} because its rules
 * (whose issuer, whose achievement, whose status entry) are about someone else's document, not
 * about the node's own course credentials.
 */
final class SuppliedIssuance {
  private static final Logger log = LoggerFactory.getLogger(IssuanceService.class);

  private final CredentialConfig config;
  private final CourseCatalog courses;
  private final CredentialSigner signer;
  private final IssuedCredentials issued;
  private final IndexAllocator allocator;
  private final Clock clock;

  SuppliedIssuance(
      CredentialConfig config,
      CourseCatalog courses,
      CredentialSigner signer,
      IssuedCredentials issued,
      IndexAllocator allocator,
      Clock clock) {
    this.config = config;
    this.courses = courses;
    this.signer = signer;
    this.issued = issued;
    this.allocator = allocator;
    this.clock = clock;
  }

  /** See {@link IssuanceService#issue(SuppliedCredential)}. */
  SecuredCredential issue(SuppliedCredential order) throws IOException {
    requireNonNull(order, "order");
    if (order.format() == CredentialFormat.SD_JWT_VC) {
      throw new CredentialServiceException(
          CredentialServiceException.Kind.BAD_REQUEST,
          "dc+sd-jwt is issued only as the BATON skill credential for a course of this node");
    }
    ObjectNode vc = order.credential().deepCopy();
    claimIssuer(vc);
    String achievement = requireOwnAchievement(vc);
    if (order.format() == CredentialFormat.DATA_INTEGRITY) signer.requireDataIntegrityKey();
    Instant now = clock.instant();
    if (!vc.has("validFrom")) vc.put("validFrom", CredentialIssuer.timestamp(now));
    String id = order.credentialId() != null ? order.credentialId() : vc.path("id").asText(null);
    StatusListIndex position = null;
    if (!order.status().isEmpty()) {
      if (vc.has("credentialStatus")) {
        throw new CredentialServiceException(
            CredentialServiceException.Kind.BAD_REQUEST,
            "the credential has its own credentialStatus; the node adds one only to a credential"
                + " without");
      }
      if (id == null) {
        id = "urn:uuid:" + UUID.randomUUID();
        vc.put("id", id);
      }
      if (issued.find(id).isPresent()) {
        throw new CredentialServiceException(
            CredentialServiceException.Kind.CONFLICT,
            "credential " + UntrustedText.oneLine(id) + " was issued before");
      }
      position = allocator.allocate();
      StatusEntries.attach(vc, config, position, order.status());
    }
    SecuredCredential secured = signer.secure(id, order.format(), vc, now);
    if (position != null) {
      String holder = vc.path("credentialSubject").path("id").asText("");
      issued.add(
          new IssuedRecord(
              id,
              position,
              holder,
              achievement == null ? "" : achievement,
              now,
              CredentialState.ACTIVE,
              order.status()));
    }
    log.info(
        "supplied credential issued [id: {}, format: {}, status: {}]",
        id,
        order.format().value(),
        position == null ? "none" : position.list() + "/" + position.index());
    return secured;
  }

  private void claimIssuer(ObjectNode vc) {
    JsonNode named = vc.get("issuer");
    if (named == null) {
      vc.put("issuer", config.issuerDid());
      return;
    }
    String id = named.isObject() ? named.path("id").asText(null) : named.asText(null);
    if (!config.issuerDid().equals(id)) {
      // The VC API issuer's 400: "The provided value of 'issuer' does not match the expected
      // configuration."
      throw new CredentialServiceException(
          CredentialServiceException.Kind.BAD_REQUEST,
          "issuer "
              + UntrustedText.oneLine(id)
              + " does not match this node's issuer "
              + config.issuerDid());
    }
  }

  // An Open Badges credential attests an achievement: this node only attests its own courses.
  private String requireOwnAchievement(ObjectNode vc) {
    if (!AchievementTypes.isAchievementCredential(vc)) return null;
    JsonNode subject = vc.path("credentialSubject");
    JsonNode achievement = (subject.isArray() ? subject.path(0) : subject).path("achievement");
    String iri = achievement.isTextual() ? achievement.asText() : achievement.path("id").asText("");
    if (iri.isBlank() || courses.find(iri).isEmpty()) {
      throw new UnknownAchievementException(iri.isBlank() ? "(no achievement id)" : iri);
    }
    return iri;
  }
}
