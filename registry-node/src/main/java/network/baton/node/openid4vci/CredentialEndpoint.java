package network.baton.node.openid4vci;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import network.baton.credential.http.JsonTrees;
import network.baton.credential.issue.UnknownAchievementException;
import network.baton.credential.issue.UnknownSkillException;
import network.baton.credential.service.CredentialFormat;
import network.baton.credential.service.CredentialOrder;
import network.baton.credential.service.CredentialServiceException;
import network.baton.credential.service.IssuanceService;
import network.baton.credential.service.SecuredCredential;
import network.baton.credential.verify.IssuedChallenges;
import network.baton.vocab.InputLimitException;
import network.baton.vocab.JsonLimits;
import network.baton.vocab.NotUtf8Exception;
import network.baton.vocab.StrictUtf8;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The nonce endpoint and the credential endpoint of OpenID4VCI 1.0 (sections 7 and 8): a fresh
 * {@code c_nonce} for anyone; a credential for a request carrying an access token from the token
 * endpoint, a {@code credential_configuration_id} the token's offer offered and not issued yet, and
 * one {@code jwt} key proof ({@link KeyProof}). The credential is the offer's course, issued by the
 * node's {@link IssuanceService} to the proof's key ({@code credentialSubject.id} for the W3C
 * formats, {@code cnf.jwk} for SD-JWT VC, answered as the SD-JWT string) and recorded there like
 * any other (so {@code baton credential revoke} revokes it). Every refusal is an {@link
 * OAuthError}; a refused request counts against its token. Work runs on the given worker.
 */
public final class CredentialEndpoint {

  private static final Logger log = LoggerFactory.getLogger(CredentialEndpoint.class);

  private final IssuanceService issuance;
  private final CredentialConfigurations configurations;
  private final AccessTokens tokens;
  private final IssuedChallenges nonces;
  private final KeyProof proofs;
  private final String issuer;
  private final WorkerExecutor worker;
  private final int maxBodyBytes;
  private final JsonLimits limits;
  private final ObjectMapper json =
      JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  /** The endpoints over these parts; bodies over {@code maxBodyBytes} or {@code limits} refused. */
  public CredentialEndpoint(
      IssuanceService issuance,
      CredentialConfigurations configurations,
      AccessTokens tokens,
      IssuedChallenges nonces,
      KeyProof proofs,
      String issuer,
      WorkerExecutor worker,
      int maxBodyBytes,
      JsonLimits limits) {
    this.issuance = requireNonNull(issuance, "issuance");
    this.configurations = requireNonNull(configurations, "configurations");
    this.tokens = requireNonNull(tokens, "tokens");
    this.nonces = requireNonNull(nonces, "nonces");
    this.proofs = requireNonNull(proofs, "proofs");
    this.issuer = requireNonNull(issuer, "issuer");
    this.worker = requireNonNull(worker, "worker");
    this.maxBodyBytes = maxBodyBytes;
    this.limits = requireNonNull(limits, "limits");
  }

  /** A fresh c_nonce: {@code {c_nonce}}. */
  public Future<JsonObject> nonce() {
    return worker.executeBlocking(
        () -> new JsonObject().put("c_nonce", nonces.issue(issuer).value()), false);
  }

  /**
   * The credential response {@code {credentials: [{credential}]}} for a request with this access
   * token (null: none sent) and body.
   */
  public Future<JsonObject> credential(String accessToken, Buffer body) {
    return worker.executeBlocking(() -> credentialNow(accessToken, body), false);
  }

  private JsonObject credentialNow(String accessToken, Buffer body) throws IOException {
    if (accessToken == null) throw OAuthError.invalidToken("no access token");
    String tokenHash = Hashes.sha256(accessToken);
    AccessTokens.Grant grant = tokens.grant(tokenHash);
    CredentialConfiguration configuration;
    KeyProof.HolderKey holder;
    try {
      JsonNode request = object(body);
      configuration = configuration(request, grant);
      holder = proofs.verify(proof(request));
    } catch (RuntimeException e) {
      tokens.failed(tokenHash);
      throw e;
    }
    if (!tokens.take(tokenHash, configuration.id())) {
      throw OAuthError.credentialRequestDenied(
          "a credential of " + configuration.id() + " was issued with this token already");
    }
    SecuredCredential issued;
    try {
      issued =
          configuration.securing() == CredentialFormat.SD_JWT_VC
              ? issuance.issueSdJwtVc(grant.courseIri(), holder.key(), null, null)
              : issuance.issue(
                  new CredentialOrder(
                      holder.did(), grant.courseIri(), null, null, configuration.securing()));
    } catch (UnknownAchievementException | UnknownSkillException | CredentialServiceException e) {
      throw OAuthError.credentialRequestDenied("the course cannot be issued: " + e.getMessage());
    }
    log.info(
        "credential issued to a wallet [offer: {}, id: {}, configuration: {}]",
        grant.offerId(),
        issued.id(),
        configuration.id());
    Object credential =
        configuration.compact() ? issued.jwt() : JsonTrees.toJsonObject(issued.document());
    return new JsonObject()
        .put("credentials", new JsonArray().add(new JsonObject().put("credential", credential)));
  }

  private CredentialConfiguration configuration(JsonNode request, AccessTokens.Grant grant) {
    if (request.has("credential_identifier")) {
      throw OAuthError.invalidCredentialRequest(
          "this issuer hands out no credential identifiers; send credential_configuration_id");
    }
    JsonNode id = request.get("credential_configuration_id");
    if (id == null || !id.isTextual()) {
      throw OAuthError.invalidCredentialRequest(
          "credential_configuration_id (a string) is missing");
    }
    CredentialConfiguration configuration =
        configurations
            .find(id.asText())
            .orElseThrow(
                () ->
                    OAuthError.unknownCredentialConfiguration(
                        "this issuer has no credential configuration " + id.asText()));
    if (!grant.left().contains(configuration.id())) {
      throw OAuthError.unknownCredentialConfiguration(
          configuration.id() + " is not left to issue with this token");
    }
    return configuration;
  }

  private static String proof(JsonNode request) {
    JsonNode proofs = request.get("proofs");
    if (proofs == null || proofs.isNull()) {
      throw OAuthError.invalidProof("proofs is missing: send {proofs: {jwt: [key proof]}}");
    }
    if (!proofs.isObject() || proofs.size() != 1) {
      throw OAuthError.invalidCredentialRequest("proofs must be an object with one proof type");
    }
    JsonNode jwts = proofs.get("jwt");
    if (jwts == null) {
      throw OAuthError.invalidProof(
          "unsupported proof type " + proofs.fieldNames().next() + "; this issuer takes jwt");
    }
    if (!jwts.isArray() || jwts.isEmpty() || !jwts.get(0).isTextual()) {
      throw OAuthError.invalidProof("proofs.jwt must be a non-empty array of JWTs");
    }
    if (jwts.size() > 1) {
      throw OAuthError.invalidCredentialRequest(
          "one proof per request: this issuer issues no batch");
    }
    return jwts.get(0).asText();
  }

  private JsonNode object(Buffer body) {
    if (body == null || body.length() == 0) {
      throw OAuthError.invalidCredentialRequest("the request has no body");
    }
    if (body.length() > maxBodyBytes) {
      throw OAuthError.invalidCredentialRequest(
          "the body is over " + maxBodyBytes + " bytes, the most this endpoint reads");
    }
    byte[] bytes = body.getBytes();
    JsonNode node;
    try {
      StrictUtf8.decode(bytes);
      limits.check(bytes);
      node = json.readTree(bytes);
    } catch (NotUtf8Exception | InputLimitException | IllegalArgumentException e) {
      throw OAuthError.invalidCredentialRequest("the body cannot be read: " + e.getMessage());
    } catch (JsonProcessingException e) {
      throw OAuthError.invalidCredentialRequest("the body is not JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw OAuthError.invalidCredentialRequest("the body cannot be read");
    }
    if (node == null || !node.isObject()) {
      throw OAuthError.invalidCredentialRequest("the body must be a JSON object");
    }
    return node;
  }
}
