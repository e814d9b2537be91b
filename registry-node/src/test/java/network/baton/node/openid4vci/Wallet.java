package network.baton.node.openid4vci;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;
import network.baton.credential.did.DidKey;
import network.baton.credential.jose.BcJose;
import network.baton.credential.keys.KeyAlgorithm;
import network.baton.credential.keys.SigningKey;
import network.baton.node.NodeSetup;
import network.baton.node.RunningNode;
import network.baton.node.credential.CredentialExtension;
import network.baton.node.credential.CredentialNode;
import network.baton.node.web.WebExtension;
import network.baton.vocab.ContextLoader;

/**
 * The wallet side of the pre-authorized code flow, written for the tests from OpenID4VCI 1.0 (not
 * from the node's code): offers through the admin route, token, nonce and credential requests, and
 * key proofs signed with Nimbus (a P-256 key sent as jwk) or with an Ed25519 key named by its
 * did:key.
 */
final class Wallet {

  /** A holder key and how its proofs name it. */
  record HolderKey(String did, JWSSigner signer, JWSAlgorithm alg, ECKey jwk, String kid) {}

  private final RunningNode node;

  Wallet(RunningNode node) {
    this.node = node;
  }

  /** A node with credentials, wallet issuance and pages, the kosen sample, reading this clock. */
  static RunningNode start(Vertx vertx, Path folder, Clock clock, UnaryOperator<NodeSetup> more) {
    int port = CredentialNode.freePort();
    Path data = folder.resolve("data-" + port);
    var config = CredentialNode.config(data, port);
    CredentialNode.importKosen(folder, data, config.server().baseUrl().toString());
    NodeSetup bare = NodeSetup.bare();
    NodeSetup setup =
        bare.withExtensions(
                List.of(
                    new CredentialExtension(bare.skills(), ContextLoader.bundled(), name -> null),
                    new Openid4vciExtension(),
                    WebExtension.fromConfig(bare.skills())))
            .withClock(clock);
    return RunningNode.start(vertx, config, more.apply(setup));
  }

  /** A P-256 key sent as the proof's jwk (the credential then names its did:key). */
  static HolderKey p256() {
    try {
      ECKey key = new ECKeyGenerator(Curve.P_256).generate();
      return new HolderKey(null, new ECDSASigner(key), JWSAlgorithm.ES256, key.toPublicJWK(), null);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** An Ed25519 key named by its did:key in the proof's kid. */
  static HolderKey ed25519() {
    return ed25519(SigningKey.generate(KeyAlgorithm.ED25519, "holder", new SecureRandom()));
  }

  /** This Ed25519 key named by its did:key in the proof's kid. */
  static HolderKey ed25519(SigningKey key) {
    String did = DidKey.of(key.publicKey());
    return new HolderKey(
        did, BcJose.signer(key), JWSAlgorithm.EdDSA, null, DidKey.keyId(key.publicKey()));
  }

  /** The admin route's answer for an offer of the kosen electrochemistry course. */
  JsonObject offer(boolean txCode) {
    HttpResponse<String> response =
        offerResponse(new JsonObject().put("course", "kosen-mc4-ec").put("txCode", txCode));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return new JsonObject(response.body());
  }

  HttpResponse<String> offerResponse(JsonObject body) {
    return node.post(Openid4vciRoutes.OFFERS_PATH, "application/json", body.encode());
  }

  /** The credential offer object a wallet reads from the offer link. */
  static JsonObject offerObject(JsonObject made) {
    String link = made.getString("offerUri");
    String prefix = "openid-credential-offer://?credential_offer=";
    assertThat(link).startsWith(prefix);
    return new JsonObject(
        URLDecoder.decode(link.substring(prefix.length()), StandardCharsets.UTF_8));
  }

  static String preAuthorizedCode(JsonObject made) {
    return offerObject(made)
        .getJsonObject("grants")
        .getJsonObject(TokenRequest.PRE_AUTHORIZED_CODE)
        .getString("pre-authorized_code");
  }

  /**
   * POST to the token endpoint with these form parameters (name, value pairs; null value: left
   * out).
   */
  HttpResponse<String> token(String... pairs) {
    StringBuilder form = new StringBuilder();
    for (int i = 0; i < pairs.length; i += 2) {
      if (pairs[i + 1] == null) continue;
      if (form.length() > 0) form.append('&');
      form.append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
    }
    return raw(
        IssuerMetadata.TOKEN_PATH, "application/x-www-form-urlencoded", form.toString(), null);
  }

  /** The access token for an offer's code (and tx code). */
  String accessToken(JsonObject made) {
    HttpResponse<String> response =
        token(
            "grant_type", TokenRequest.PRE_AUTHORIZED_CODE,
            "pre-authorized_code", preAuthorizedCode(made),
            "tx_code", made.getString("txCode"));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
    JsonObject answer = new JsonObject(response.body());
    assertThat(answer.getString("token_type")).isEqualTo("Bearer");
    return answer.getString("access_token");
  }

  String nonce() {
    HttpResponse<String> response = raw(IssuerMetadata.NONCE_PATH, null, "", null);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
    return new JsonObject(response.body()).getString("c_nonce");
  }

  /** A key proof by this key: typ, aud, iat and nonce as given (null: left out). */
  static String proof(HolderKey key, String typ, String aud, Instant iat, String nonce) {
    JWSHeader.Builder header = new JWSHeader.Builder(key.alg());
    if (typ != null) header.type(new JOSEObjectType(typ));
    if (key.jwk() != null) header.jwk(key.jwk());
    if (key.kid() != null) header.keyID(key.kid());
    JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder();
    if (aud != null) claims.audience(aud);
    if (iat != null) claims.issueTime(Date.from(iat));
    if (nonce != null) claims.claim("nonce", nonce);
    SignedJWT jwt = new SignedJWT(header.build(), claims.build());
    try {
      jwt.sign(key.signer());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }

  /** A right proof for this node, made now by the node's clock. */
  String proof(HolderKey key, Instant now) {
    return proof(key, KeyProof.TYPE, node.url(), now, nonce());
  }

  static JsonObject credentialRequest(String configuration, String proof) {
    return new JsonObject()
        .put("credential_configuration_id", configuration)
        .put("proofs", new JsonObject().put("jwt", new io.vertx.core.json.JsonArray().add(proof)));
  }

  HttpResponse<String> credential(String accessToken, JsonObject request) {
    return raw(IssuerMetadata.CREDENTIAL_PATH, "application/json", request.encode(), accessToken);
  }

  HttpResponse<String> raw(String path, String contentType, String body, String accessToken) {
    HttpRequest.Builder request =
        node.request(path).POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (contentType != null) request.header("Content-Type", contentType);
    if (accessToken != null) request.header("Authorization", "Bearer " + accessToken);
    return node.send(request);
  }

  /** The OAuth error code of a refusal, checked to be answered as OAuth errors are. */
  static String error(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
    return new JsonObject(response.body()).getString("error");
  }
}
