package network.baton.node.openid4vci;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import network.baton.credential.did.DidKey;
import network.baton.credential.keys.KeyAlgorithm;
import network.baton.credential.keys.PublicKeyMaterial;
import network.baton.credential.keys.SigningKey;
import network.baton.credential.sdjwt.SdJwt;
import network.baton.credential.sdjwt.SdJwtPresenter;
import network.baton.credential.sdjwt.SkillCredentialType;
import network.baton.node.Cli;
import network.baton.node.RunningNode;
import org.junit.jupiter.api.Test;

/**
 * The whole pre-authorized code flow against a real node, once per format: staff make an offer, the
 * wallet reads the metadata, redeems the code (and transaction code), gets a nonce, proves its key
 * and receives a credential bound to that key, which the node's own verifier accepts and staff can
 * revoke like any other.
 */
class Openid4vciIssuanceTest extends WalletNodeTest {

  @Test
  void metadataNamesTheEndpointsAndEveryFormatInJapaneseAndEnglish() {
    JsonObject issuer = json(node.get(IssuerMetadata.ISSUER_PATH, null));
    JsonObject server = json(node.get(IssuerMetadata.AUTHORIZATION_SERVER_PATH, null));

    assertThat(issuer.getString("credential_issuer")).isEqualTo(node.url());
    assertThat(issuer.getString("credential_endpoint"))
        .isEqualTo(node.url() + "/openid4vci/credential");
    assertThat(issuer.getString("nonce_endpoint")).isEqualTo(node.url() + "/openid4vci/nonce");
    JsonObject configurations = issuer.getJsonObject("credential_configurations_supported");
    assertThat(configurations.fieldNames())
        .containsExactlyInAnyOrder(
            CredentialConfigurations.JWT_VC_JSON,
            CredentialConfigurations.LDP_VC,
            CredentialConfigurations.SD_JWT_VC);
    JsonObject jwt = configurations.getJsonObject(CredentialConfigurations.JWT_VC_JSON);
    assertThat(jwt.getString("format")).isEqualTo("jwt_vc_json");
    assertThat(jwt.getJsonObject("credential_definition").getJsonArray("type"))
        .contains("VerifiableCredential", "OpenBadgeCredential");
    assertThat(jwt.getJsonArray("cryptographic_binding_methods_supported"))
        .contains("did:key", "did:jwk");
    assertThat(
            configurations
                .getJsonObject(CredentialConfigurations.LDP_VC)
                .getJsonArray("credential_signing_alg_values_supported"))
        .containsExactly("eddsa-rdfc-2022");
    JsonArray display = jwt.getJsonObject("credential_metadata").getJsonArray("display");
    assertThat(display.stream().map(d -> ((JsonObject) d).getString("locale")))
        .containsExactly("ja", "en");
    JsonObject sdJwt = configurations.getJsonObject(CredentialConfigurations.SD_JWT_VC);
    assertThat(sdJwt.getString("format")).isEqualTo("dc+sd-jwt");
    assertThat(sdJwt.getString("vct")).isEqualTo(node.url() + SkillCredentialType.PATH);
    assertThat(sdJwt.getJsonArray("cryptographic_binding_methods_supported"))
        .containsExactly("jwk");
    assertThat(sdJwt.getJsonObject("proof_types_supported").containsKey("jwt")).isTrue();
    JsonObject sdJwtMetadata = sdJwt.getJsonObject("credential_metadata");
    assertThat(
            sdJwtMetadata.getJsonArray("display").stream()
                .map(d -> ((JsonObject) d).getString("locale")))
        .containsExactly("ja", "en");
    assertThat(
            sdJwtMetadata.getJsonArray("claims").stream()
                .map(c -> ((JsonObject) c).getJsonArray("path").getString(0)))
        .contains("achievement", "skills");
    assertThat(server.getString("issuer")).isEqualTo(node.url());
    assertThat(server.getString("token_endpoint")).isEqualTo(node.url() + "/openid4vci/token");
    assertThat(server.getBoolean("pre-authorized_grant_anonymous_access_supported")).isTrue();
    assertThat(server.getJsonArray("grant_types_supported"))
        .containsExactly(TokenRequest.PRE_AUTHORIZED_CODE);
  }

  @Test
  void aJwtVcJsonCredentialReachesAWalletBoundToItsKeyAndVerifies() throws Exception {
    Wallet.HolderKey key = Wallet.p256();
    JsonObject made = wallet.offer(false);
    JsonObject offer = Wallet.offerObject(made);
    assertThat(offer.getString("credential_issuer")).isEqualTo(node.url());
    assertThat(offer.getJsonArray("credential_configuration_ids"))
        .contains(CredentialConfigurations.JWT_VC_JSON);
    assertThat(made.containsKey("txCode")).isFalse();

    String token = wallet.accessToken(made);
    HttpResponse<String> response =
        wallet.credential(
            token,
            Wallet.credentialRequest(
                CredentialConfigurations.JWT_VC_JSON, wallet.proof(key, clock.instant())));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
    Object credential =
        new JsonObject(response.body())
            .getJsonArray("credentials")
            .getJsonObject(0)
            .getValue("credential");
    assertThat(credential).isInstanceOf(String.class);
    SignedJWT jwt = SignedJWT.parse((String) credential);
    assertThat(jwt.getHeader().getType().toString()).isEqualTo("vc+jwt");
    String holder = DidKey.of(PublicKeyMaterial.fromJwk(key.jwk().toJSONObject()));
    JsonObject vc = new JsonObject(jwt.getPayload().toString());
    assertThat(vc.getJsonObject("credentialSubject").getString("id")).isEqualTo(holder);
    assertThat(vc.getJsonObject("credentialSubject").getJsonObject("achievement").getString("id"))
        .isEqualTo(node.url() + "/resources/kosen-mc4-ec");
    assertThat(verify(credential).getBoolean("verified")).isTrue();
  }

  @Test
  void anLdpVcCredentialWithATransactionCodeReachesADidKeyWalletAndVerifies() {
    Wallet.HolderKey key = Wallet.ed25519();
    JsonObject made = wallet.offer(true);
    assertThat(made.getString("txCode")).matches("\\d{6}");
    assertThat(
            Wallet.offerObject(made)
                .getJsonObject("grants")
                .getJsonObject(TokenRequest.PRE_AUTHORIZED_CODE)
                .getJsonObject("tx_code")
                .getString("input_mode"))
        .isEqualTo("numeric");

    String token = wallet.accessToken(made);
    HttpResponse<String> response =
        wallet.credential(
            token,
            Wallet.credentialRequest(
                CredentialConfigurations.LDP_VC, wallet.proof(key, clock.instant())));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonObject credential =
        new JsonObject(response.body())
            .getJsonArray("credentials")
            .getJsonObject(0)
            .getJsonObject("credential");
    assertThat(credential.getJsonObject("proof").getString("cryptosuite"))
        .isEqualTo("eddsa-rdfc-2022");
    assertThat(credential.getJsonObject("credentialSubject").getString("id")).isEqualTo(key.did());
    assertThat(verify(credential).getBoolean("verified")).isTrue();
  }

  @Test
  void anSdJwtVcReachesAWalletBoundToItsJwkAndVerifies() throws Exception {
    Wallet.HolderKey key = Wallet.p256();
    JsonObject made = wallet.offer(false);
    assertThat(Wallet.offerObject(made).getJsonArray("credential_configuration_ids"))
        .contains(CredentialConfigurations.SD_JWT_VC);

    String credential = sdJwtVc(made, key);

    SdJwt sdJwt = SdJwt.parse(credential);
    assertThat(sdJwt.disclosures()).isNotEmpty();
    assertThat(sdJwt.keyBinding()).isNull();
    SignedJWT jwt = SignedJWT.parse(sdJwt.issuerJwt());
    assertThat(jwt.getHeader().getType().toString()).isEqualTo("dc+sd-jwt");
    JsonObject claims = new JsonObject(jwt.getPayload().toString());
    assertThat(claims.getString("vct")).isEqualTo(node.url() + SkillCredentialType.PATH);
    JsonObject cnf = claims.getJsonObject("cnf").getJsonObject("jwk");
    assertThat(PublicKeyMaterial.fromJwk(cnf.getMap()))
        .isEqualTo(PublicKeyMaterial.fromJwk(key.jwk().toJSONObject()));
    assertThat(claims.getJsonObject("achievement").getString("id"))
        .isEqualTo(node.url() + "/resources/kosen-mc4-ec");
    HttpResponse<String> verified = verifyResponse(credential);
    assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
    assertThat(new JsonObject(verified.body()).getBoolean("verified")).as(verified.body()).isTrue();
  }

  @Test
  void anSdJwtVcForADidKeyIsPresentedWithOneSkillAndAKeyBindingByThatKey() throws Exception {
    SigningKey holder = SigningKey.generate(KeyAlgorithm.ED25519, "holder", new SecureRandom());
    String credential = sdJwtVc(wallet.offer(true), Wallet.ed25519(holder));
    SdJwt received = SdJwt.parse(credential);
    JsonObject cnf =
        new JsonObject(SignedJWT.parse(received.issuerJwt()).getPayload().toString())
            .getJsonObject("cnf")
            .getJsonObject("jwk");
    assertThat(PublicKeyMaterial.fromJwk(cnf.getMap())).isEqualTo(holder.publicKey());
    String code =
        new JsonArray(
                new String(
                    Base64.getUrlDecoder().decode(received.disclosures().get(0)),
                    StandardCharsets.UTF_8))
            .getJsonObject(1)
            .getString("code");
    String employer = "https://employer.example";
    String vp =
        SdJwtPresenter.present(
                SdJwtPresenter.choose(received, List.of(code)),
                holder,
                "n-1",
                employer,
                clock.instant())
            .toString();

    HttpResponse<String> response =
        node.send(
            node.request("/presentations/verify")
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        new JsonObject()
                            .put("verifiablePresentation", vp)
                            .put(
                                "options",
                                new JsonObject().put("challenge", "n-1").put("domain", employer))
                            .encode(),
                        StandardCharsets.UTF_8)));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonObject report = new JsonObject(response.body());
    assertThat(report.getBoolean("verified")).as(response.body()).isTrue();
    assertThat(report.getJsonArray("disclosed")).isEqualTo(new JsonArray().add("skills[0]"));
  }

  @Test
  void staffRevokeAWalletSdJwtVcAndItsTokenStatusFlips() throws Exception {
    String credential = sdJwtVc(wallet.offer(false), Wallet.p256());
    assertThat(verify(credential).getBoolean("verified")).isTrue();
    String id =
        new JsonObject(SignedJWT.parse(SdJwt.parse(credential).issuerJwt()).getPayload().toString())
            .getString("jti");

    Cli cli = new Cli();
    int code =
        cli.run("credential", "revoke", "--node", node.url(), "--token", RunningNode.TOKEN, id);

    assertThat(code).as(cli.printed()).isZero();
    JsonObject report = verify(credential);
    assertThat(report.getBoolean("verified")).as(report.encodePrettily()).isFalse();
    assertThat(report.encode()).contains("revoked");
  }

  @Test
  void aWalletCredentialIsRecordedAndStaffRevokeItLikeAnyOther() {
    String jwt =
        (String)
            credential(wallet.offer(false), CredentialConfigurations.JWT_VC_JSON, Wallet.p256());
    String id = new JsonObject(jwtPayload(jwt)).getString("id");

    Cli cli = new Cli();
    int code =
        cli.run("credential", "revoke", "--node", node.url(), "--token", RunningNode.TOKEN, id);

    assertThat(code).as(cli.printed()).isZero();
    assertThat(verify(jwt).getBoolean("verified")).isFalse();
  }

  @Test
  void theCliPrintsTheLinkThePageAndTheTxCodeAndThePageShowsTheQrCodeInJapaneseTime() {
    Cli cli = new Cli();
    int code =
        cli.run(
            "credential",
            "offer",
            "--node",
            node.url(),
            "--token",
            RunningNode.TOKEN,
            "--course",
            "kosen-mc4-ec",
            "--tx-code");

    assertThat(code).as(cli.printed()).isZero();
    String out = cli.out();
    assertThat(out).contains("offer link: openid-credential-offer://?credential_offer=");
    assertThat(out).containsPattern("tx code: +\\d{6}");
    String page =
        out.lines()
            .filter(l -> l.startsWith("page:"))
            .findFirst()
            .orElseThrow()
            .substring(5)
            .strip();
    assertThat(page).startsWith(node.url() + "/offers/");

    HttpResponse<String> ja =
        node.get(
            URI.create(page).getRawPath() + "?" + URI.create(page).getRawQuery() + "&lang=ja",
            "text/html");
    assertThat(ja.statusCode()).as(ja.body()).isEqualTo(200);
    assertThat(ja.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(ja.body())
        .contains("<svg", "id=\"offer-qr\"", "openid-credential-offer://", "日本時間", "6 桁");
    HttpResponse<String> wrongCode =
        node.get(URI.create(page).getRawPath() + "?code=" + UUID.randomUUID(), "text/html");
    assertThat(wrongCode.statusCode()).isEqualTo(404);
  }

  @Test
  void theOfferPageSaysSoOnceTheOfferIsUsed() {
    JsonObject made = wallet.offer(false);
    URI page = URI.create(made.getString("pageUrl"));
    HttpResponse<String> before =
        node.get(page.getRawPath() + "?" + page.getRawQuery() + "&lang=en", "text/html");
    assertThat(before.statusCode()).isEqualTo(200);
    assertThat(before.body()).contains("UTC").doesNotContain("id=\"offer-closed\"");

    wallet.accessToken(made);
    HttpResponse<String> after =
        node.get(page.getRawPath() + "?" + page.getRawQuery(), "text/html");

    assertThat(after.statusCode()).isEqualTo(410);
    assertThat(after.body())
        .contains("id=\"offer-closed\"")
        .doesNotContain("openid-credential-offer://");
  }

  /** The SD-JWT VC the credential endpoint answers for this offer and key. */
  private String sdJwtVc(JsonObject made, Wallet.HolderKey key) {
    Object credential = credential(made, CredentialConfigurations.SD_JWT_VC, key);
    assertThat(credential).isInstanceOf(String.class);
    return (String) credential;
  }

  /** The credential the endpoint answers for this offer, configuration and key. */
  private Object credential(JsonObject made, String configuration, Wallet.HolderKey key) {
    HttpResponse<String> response =
        wallet.credential(
            wallet.accessToken(made),
            Wallet.credentialRequest(configuration, wallet.proof(key, clock.instant())));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return new JsonObject(response.body())
        .getJsonArray("credentials")
        .getJsonObject(0)
        .getValue("credential");
  }

  private JsonObject verify(Object credential) {
    return new JsonObject(verifyResponse(credential).body());
  }

  private HttpResponse<String> verifyResponse(Object credential) {
    return node.send(
        node.request("/credentials/verify")
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    new JsonObject().put("verifiableCredential", credential).encode(),
                    StandardCharsets.UTF_8)));
  }

  private static String jwtPayload(String jwt) {
    return new String(
        java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
  }

  private static JsonObject json(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return new JsonObject(response.body());
  }
}
