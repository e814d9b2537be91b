package network.baton.node.openid4vci;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * What an attacker or a broken wallet gets from the token and credential endpoints: the spec's
 * error code for each refusal (as JSON, never cached), nothing issued, and never a 5xx. Time passes
 * by moving the node's clock.
 */
class Openid4vciAttacksTest extends WalletNodeTest {

  private HttpResponse<String> redeem(JsonObject made, String txCode) {
    return wallet.token(
        "grant_type",
        TokenRequest.PRE_AUTHORIZED_CODE,
        "pre-authorized_code",
        Wallet.preAuthorizedCode(made),
        "tx_code",
        txCode);
  }

  private HttpResponse<String> credentialWith(String token, String proof) {
    return wallet.credential(
        token, Wallet.credentialRequest(CredentialConfigurations.JWT_VC_JSON, proof));
  }

  private String token() {
    return wallet.accessToken(wallet.offer(false));
  }

  @Test
  void anOfferIsRedeemedOnce() {
    JsonObject made = wallet.offer(false);
    assertThat(redeem(made, null).statusCode()).isEqualTo(200);

    assertThat(Wallet.error(redeem(made, null), 400)).isEqualTo("invalid_grant");
  }

  @Test
  void anExpiredOfferIsRefused() {
    JsonObject made = wallet.offer(false);
    clock.advance(Duration.ofMinutes(11));

    assertThat(Wallet.error(redeem(made, null), 400)).isEqualTo("invalid_grant");
  }

  @Test
  void anUnknownCodeIsRefused() {
    HttpResponse<String> response =
        wallet.token(
            "grant_type", TokenRequest.PRE_AUTHORIZED_CODE, "pre-authorized_code", "guessed");

    assertThat(Wallet.error(response, 400)).isEqualTo("invalid_grant");
  }

  @Test
  void aMissingTxCodeIsAnInvalidRequestAndAWrongOneAnInvalidGrant() {
    JsonObject made = wallet.offer(true);
    String wrong = made.getString("txCode").equals("000000") ? "111111" : "000000";

    assertThat(Wallet.error(redeem(made, null), 400)).isEqualTo("invalid_request");
    assertThat(Wallet.error(redeem(made, wrong), 400)).isEqualTo("invalid_grant");
    assertThat(redeem(made, made.getString("txCode")).statusCode()).isEqualTo(200);
  }

  @Test
  void fiveWrongTxCodesVoidTheOffer() {
    JsonObject made = wallet.offer(true);
    String wrong = made.getString("txCode").equals("000000") ? "111111" : "000000";
    for (int i = 0; i < 5; i++) {
      assertThat(Wallet.error(redeem(made, wrong), 400)).isEqualTo("invalid_grant");
    }

    assertThat(Wallet.error(redeem(made, made.getString("txCode")), 400))
        .isEqualTo("invalid_grant");
  }

  @Test
  void aTxCodeForAnOfferWithoutOneIsAnInvalidRequest() {
    assertThat(Wallet.error(redeem(wallet.offer(false), "123456"), 400))
        .isEqualTo("invalid_request");
  }

  @Test
  void malformedTokenRequestsGetTheirOAuthErrors() {
    JsonObject made = wallet.offer(false);
    String code = Wallet.preAuthorizedCode(made);
    assertThat(Wallet.error(wallet.token("grant_type", "authorization_code", "code", code), 400))
        .isEqualTo("unsupported_grant_type");
    assertThat(Wallet.error(wallet.token("pre-authorized_code", code), 400))
        .isEqualTo("invalid_request");
    assertThat(Wallet.error(wallet.token("grant_type", TokenRequest.PRE_AUTHORIZED_CODE), 400))
        .isEqualTo("invalid_request");
    String twice =
        "grant_type="
            + TokenRequest.PRE_AUTHORIZED_CODE
            + "&pre-authorized_code="
            + code
            + "&pre-authorized_code=x";
    assertThat(
            Wallet.error(
                wallet.raw(
                    IssuerMetadata.TOKEN_PATH, "application/x-www-form-urlencoded", twice, null),
                400))
        .isEqualTo("invalid_request");
    String json =
        new JsonObject()
            .put("grant_type", TokenRequest.PRE_AUTHORIZED_CODE)
            .put("pre-authorized_code", code)
            .encode();
    assertThat(
            Wallet.error(
                wallet.raw(IssuerMetadata.TOKEN_PATH, "application/json", json, null), 400))
        .isEqualTo("invalid_request");
    assertThat(
            Wallet.error(
                wallet.raw(
                    IssuerMetadata.TOKEN_PATH,
                    "application/x-www-form-urlencoded",
                    "grant_type=%zz",
                    null),
                400))
        .isEqualTo("invalid_request");
    assertThat(
            Wallet.error(
                wallet.raw(
                    IssuerMetadata.TOKEN_PATH,
                    "application/x-www-form-urlencoded",
                    "a=" + "x".repeat(20_000),
                    null),
                413))
        .isEqualTo("invalid_request");
    // None of these used the offer up.
    assertThat(redeem(made, null).statusCode()).isEqualTo(200);
  }

  @Test
  void aProofWithANonceTheNodeDidNotIssueOrAlreadyUsedIsAnInvalidNonce() {
    String token = token();
    Wallet.HolderKey key = Wallet.p256();
    String made = Wallet.proof(key, KeyProof.TYPE, node.url(), clock.instant(), "made-up");
    assertThat(Wallet.error(credentialWith(token, made), 400)).isEqualTo("invalid_nonce");

    String nonce = wallet.nonce();
    String first = Wallet.proof(key, KeyProof.TYPE, node.url(), clock.instant(), nonce);
    assertThat(credentialWith(token, first).statusCode()).isEqualTo(200);
    JsonObject again = wallet.offer(false);
    String second = Wallet.proof(key, KeyProof.TYPE, node.url(), clock.instant(), nonce);
    assertThat(Wallet.error(credentialWith(wallet.accessToken(again), second), 400))
        .isEqualTo("invalid_nonce");
  }

  @Test
  void aProofWithoutANonceOrWithAnExpiredOneIsRefused() {
    String token = token();
    Wallet.HolderKey key = Wallet.p256();
    assertThat(
            Wallet.error(
                credentialWith(
                    token, Wallet.proof(key, KeyProof.TYPE, node.url(), clock.instant(), null)),
                400))
        .isEqualTo("invalid_proof");

    String nonce = wallet.nonce();
    clock.advance(Duration.ofMinutes(4));
    String token2 = token();
    clock.advance(Duration.ofMinutes(2));
    assertThat(
            Wallet.error(
                credentialWith(
                    token2, Wallet.proof(key, KeyProof.TYPE, node.url(), clock.instant(), nonce)),
                400))
        .isEqualTo("invalid_nonce");
  }

  @Test
  void aProofForAnotherAudienceIsRefused() {
    String proof =
        Wallet.proof(
            Wallet.p256(), KeyProof.TYPE, "https://other.example", clock.instant(), wallet.nonce());

    assertThat(Wallet.error(credentialWith(token(), proof), 400)).isEqualTo("invalid_proof");
  }

  @Test
  void aStaleProofIsRefused() {
    String proof =
        Wallet.proof(
            Wallet.p256(),
            KeyProof.TYPE,
            node.url(),
            clock.instant().minus(Duration.ofMinutes(10)),
            wallet.nonce());

    assertThat(Wallet.error(credentialWith(token(), proof), 400)).isEqualTo("invalid_proof");
  }

  @Test
  void aProofThatIsNotAnOpenid4vciProofJwtIsRefused() {
    String proof = Wallet.proof(Wallet.p256(), "JWT", node.url(), clock.instant(), wallet.nonce());
    String untyped = Wallet.proof(Wallet.p256(), null, node.url(), clock.instant(), wallet.nonce());

    String token = token();
    assertThat(Wallet.error(credentialWith(token, proof), 400)).isEqualTo("invalid_proof");
    assertThat(Wallet.error(credentialWith(token, untyped), 400)).isEqualTo("invalid_proof");
  }

  @Test
  void anUnsignedProofIsRefused() {
    Wallet.HolderKey key = Wallet.p256();
    String header =
        new JsonObject()
            .put("alg", "none")
            .put("typ", KeyProof.TYPE)
            .put("jwk", new JsonObject(key.jwk().toJSONObject()))
            .encode();
    String claims =
        new JsonObject()
            .put("aud", node.url())
            .put("iat", clock.instant().getEpochSecond())
            .put("nonce", wallet.nonce())
            .encode();
    String none = b64(header) + "." + b64(claims) + ".";

    assertThat(Wallet.error(credentialWith(token(), none), 400)).isEqualTo("invalid_proof");
  }

  @Test
  void aProofSignedByAnotherKeyThanItsJwkIsRefused() {
    Wallet.HolderKey named = Wallet.p256();
    Wallet.HolderKey signing = Wallet.p256();
    Wallet.HolderKey forged =
        new Wallet.HolderKey(null, signing.signer(), signing.alg(), named.jwk(), null);
    String proof = Wallet.proof(forged, KeyProof.TYPE, node.url(), clock.instant(), wallet.nonce());

    assertThat(Wallet.error(credentialWith(token(), proof), 400)).isEqualTo("invalid_proof");
  }

  @Test
  void anSdJwtVcGoesOnlyToAnOfferListingItOnceAndOnlyToTheKeyThatSignedTheProof() {
    HttpResponse<String> made =
        wallet.offerResponse(
            new JsonObject()
                .put("course", "kosen-mc4-ec")
                .put(
                    "credentialConfigurationIds",
                    new JsonArray().add(CredentialConfigurations.JWT_VC_JSON)));
    assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
    String jwtOnly = wallet.accessToken(new JsonObject(made.body()));
    assertThat(
            Wallet.error(
                wallet.credential(
                    jwtOnly,
                    Wallet.credentialRequest(
                        CredentialConfigurations.SD_JWT_VC,
                        wallet.proof(Wallet.p256(), clock.instant()))),
                400))
        .isEqualTo("unknown_credential_configuration");

    Wallet.HolderKey named = Wallet.p256();
    Wallet.HolderKey signing = Wallet.p256();
    Wallet.HolderKey forged =
        new Wallet.HolderKey(null, signing.signer(), signing.alg(), named.jwk(), null);
    String token = token();
    String forgedProof =
        Wallet.proof(forged, KeyProof.TYPE, node.url(), clock.instant(), wallet.nonce());
    assertThat(
            Wallet.error(
                wallet.credential(
                    token,
                    Wallet.credentialRequest(CredentialConfigurations.SD_JWT_VC, forgedProof)),
                400))
        .isEqualTo("invalid_proof");

    HttpResponse<String> first =
        wallet.credential(
            token,
            Wallet.credentialRequest(
                CredentialConfigurations.SD_JWT_VC, wallet.proof(named, clock.instant())));
    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    assertThat(
            Wallet.error(
                wallet.credential(
                    token,
                    Wallet.credentialRequest(
                        CredentialConfigurations.SD_JWT_VC, wallet.proof(named, clock.instant()))),
                400))
        .isEqualTo("unknown_credential_configuration");
  }

  @Test
  void anUnknownCredentialConfigurationIsRefused() {
    String proof = wallet.proof(Wallet.p256(), clock.instant());
    HttpResponse<String> response =
        wallet.credential(token(), Wallet.credentialRequest("UniversityDegree_mso_mdoc", proof));

    assertThat(Wallet.error(response, 400)).isEqualTo("unknown_credential_configuration");
  }

  @Test
  void anAccessTokenIsGoodForOneCredentialPerConfigurationAndNoLongerThanItsLifetime() {
    String token = token();
    Wallet.HolderKey key = Wallet.p256();
    assertThat(credentialWith(token, wallet.proof(key, clock.instant())).statusCode())
        .isEqualTo(200);
    assertThat(Wallet.error(credentialWith(token, wallet.proof(key, clock.instant())), 400))
        .isEqualTo("unknown_credential_configuration");

    String late = token();
    clock.advance(Duration.ofMinutes(6));
    HttpResponse<String> expired = credentialWith(late, wallet.proof(key, clock.instant()));
    assertThat(Wallet.error(expired, 401)).isEqualTo("invalid_token");
    assertThat(expired.headers().firstValue("WWW-Authenticate").orElse(""))
        .contains("error=\"invalid_token\"");
  }

  @Test
  void aCredentialRequestWithoutOrWithAMadeUpTokenIsUnauthorized() {
    String proof = wallet.proof(Wallet.p256(), clock.instant());
    HttpResponse<String> none =
        wallet.credential(
            null, Wallet.credentialRequest(CredentialConfigurations.JWT_VC_JSON, proof));
    HttpResponse<String> madeUp =
        wallet.credential(
            "made-up", Wallet.credentialRequest(CredentialConfigurations.JWT_VC_JSON, proof));

    assertThat(Wallet.error(none, 401)).isEqualTo("invalid_token");
    assertThat(none.headers().firstValue("WWW-Authenticate").orElse(""))
        .startsWith("Bearer")
        .doesNotContain("error=");
    assertThat(Wallet.error(madeUp, 401)).isEqualTo("invalid_token");
  }

  @Test
  void malformedCredentialRequestsAreInvalidCredentialRequests() {
    String token = token();
    String path = IssuerMetadata.CREDENTIAL_PATH;
    assertThat(
            Wallet.error(
                wallet.raw(path, "application/json", "{\"credential_configuration_id\": ", token),
                400))
        .isEqualTo("invalid_credential_request");
    assertThat(Wallet.error(wallet.raw(path, "application/json", "[]", token), 400))
        .isEqualTo("invalid_credential_request");
    assertThat(Wallet.error(wallet.raw(path, "application/json", "{}", token), 400))
        .isEqualTo("invalid_credential_request");
    assertThat(Wallet.error(wallet.raw(path, "text/plain", "{}", token), 400))
        .isEqualTo("invalid_credential_request");
    assertThat(
            Wallet.error(
                wallet.raw(
                    path, "application/json", "{\"a\": \"" + "x".repeat(100_000) + "\"}", token),
                413))
        .isEqualTo("invalid_credential_request");
    JsonObject noProof =
        new JsonObject().put("credential_configuration_id", CredentialConfigurations.JWT_VC_JSON);
    assertThat(Wallet.error(wallet.credential(token, noProof), 400)).isEqualTo("invalid_proof");
    JsonObject ldp =
        noProof
            .copy()
            .put(
                "proofs",
                new JsonObject()
                    .put("di_vp", new io.vertx.core.json.JsonArray().add(new JsonObject())));
    assertThat(Wallet.error(wallet.credential(token, ldp), 400)).isEqualTo("invalid_proof");
    // Five refused requests with the token (the wrong media type and the size never reach it) use
    // it up.
    assertThat(
            Wallet.error(credentialWith(token, wallet.proof(Wallet.p256(), clock.instant())), 401))
        .isEqualTo("invalid_token");
  }

  private static String b64(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
