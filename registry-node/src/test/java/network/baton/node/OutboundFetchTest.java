package network.baton.node;

import static java.nio.charset.StandardCharsets.UTF_8;
import static network.baton.credential.http.ReportChecks.check;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.util.List;
import network.baton.credential.issue.VcContexts;
import network.baton.credential.keys.SigningKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A node set up as on the internet never connects where a posted credential or presentation says
 * its keys are (issuer DID, holder key, key URLs in the JWS header): each refusal shows in the
 * verification report, or on the verify page, with its reason; no answer is a 5xx.
 */
class OutboundFetchTest extends OfflineNodeFixture {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "did:web:127.0.0.1%3A{port}",
        "did:web:localhost%3A{port}",
        "did:web:%5B%3A%3A1%5D%3A{port}",
        "did:web:0.0.0.0%3A{port}",
        "did:web:127.0.0.1%3A{port}:users:alice",
        "did:web:10.0.0.1",
        "did:web:192.168.0.10%3A8443",
        "did:web:169.254.169.254"
      })
  void credentialWhoseIssuerKeyIsAtARefusedAddressIsReportedWithTheReason(String template) {
    String did = did(template);
    String jwt = signedJwt(did, did + "#key-1", key("key-1"), vc -> vc, header -> header);

    JsonObject report = verifyCredential(jwt);

    assertThat(report.getBoolean("verified")).isFalse();
    JsonObject key = check(report, "key");
    assertThat(key.getBoolean("passed")).isFalse();
    assertThat(key.getString("reason"))
        .contains(did + " resolves to")
        .endsWith("which this node does not fetch from");
  }

  @Test
  void loopbackRefusalReadsAsThePersonNeedsIt() {
    String did = "did:web:127.0.0.1%3A" + tripwire.port();
    String jwt = signedJwt(did, did + "#key-1", key("key-1"), vc -> vc, header -> header);

    JsonObject key = check(verifyCredential(jwt), "key");

    assertThat(key.getString("reason"))
        .isEqualTo(
            "cannot resolve "
                + did
                + ": "
                + did
                + " resolves to a loopback address (127.0.0.1), which this node does not fetch"
                + " from");
  }

  @Test
  void presentationCarryingSuchACredentialReportsItAndConnectsNowhere() {
    String did = "did:web:127.0.0.1%3A" + tripwire.port();
    String jwt = signedJwt(did, did + "#key-1", key("key-1"), vc -> vc, header -> header);
    String challenge = publicPost("/challenges", new JsonObject()).getString("challenge");
    String vp = holder.present(List.of(jwt), challenge, node.url());

    JsonObject report =
        publicPost(
            "/presentations/verify",
            new JsonObject()
                .put("verifiablePresentation", vp)
                .put(
                    "options",
                    new JsonObject().put("challenge", challenge).put("domain", node.url())));

    assertThat(report.getBoolean("verified")).isFalse();
    assertThat(report.encode()).contains(did + " resolves to a loopback address (127.0.0.1)");
  }

  @Test
  void presentationSignedByAHolderKeyOnLoopbackConnectsNowhere() {
    String did = "did:web:localhost%3A" + tripwire.port();
    String challenge = publicPost("/challenges", new JsonObject()).getString("challenge");
    ObjectNode vp =
        com.fasterxml.jackson.databind.json.JsonMapper.builder().build().createObjectNode();
    vp.putArray("@context").add(VcContexts.CREDENTIALS_V2);
    vp.putArray("type").add("VerifiablePresentation");
    vp.put("holder", did);
    // A credential for this holder from an issuer resolved without fetching, so that the holder's
    // key is what remains to be looked up.
    SigningKey issuerKey = didKey();
    String credential =
        signedJwt(
            issuerOf(issuerKey),
            issuerKey.id(),
            issuerKey,
            vc -> {
              ((ObjectNode) vc.get("credentialSubject")).put("id", did);
              return vc;
            },
            h -> h);
    vp.putArray("verifiableCredential")
        .addObject()
        .put("@context", VcContexts.CREDENTIALS_V2)
        .put("id", VcContexts.ENVELOPED_VC_PREFIX + credential)
        .put("type", "EnvelopedVerifiableCredential");
    vp.put("nonce", challenge);
    vp.put("aud", node.url());
    String signed =
        sign(
            new JWSHeader.Builder(com.nimbusds.jose.JWSAlgorithm.EdDSA)
                .type(new JOSEObjectType(VcContexts.VP_JWT))
                .keyID(did + "#key-1")
                .build(),
            vp.toString(),
            key("key-1"));

    HttpResponse<String> response =
        post(
            "/presentations/verify",
            new JsonObject()
                .put("verifiablePresentation", signed)
                .put(
                    "options",
                    new JsonObject().put("challenge", challenge).put("domain", node.url())));

    assertThat(response.statusCode()).as(response.body()).isLessThan(500);
    assertThat(response.body()).contains("which this node does not fetch from");
  }

  @Test
  void verifyPageShowsTheRefusalAndConnectsNowhere() {
    String did = "did:web:127.0.0.1%3A" + tripwire.port();
    String jwt = signedJwt(did, did + "#key-1", key("key-1"), vc -> vc, header -> header);

    HttpResponse<String> page =
        node.postForm("/verify", "credential=" + URLEncoder.encode(jwt, UTF_8) + "&lang=en");

    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    assertThat(page.body())
        .contains("Not verified")
        .contains(
            "resolves to a loopback address (127.0.0.1), which this node does not fetch from");
  }

  // --- URLs inside an authentic credential ---

  @Test
  void keyUrlsInTheJwsHeaderAreNeverFollowed() {
    SigningKey key = didKey();
    URI trap = URI.create("https://127.0.0.1:" + tripwire.port() + "/jwks.json");
    String jwt =
        signedJwt(
            issuerOf(key),
            key.id(),
            key,
            vc -> vc,
            header ->
                header
                    .jwkURL(trap)
                    .x509CertURL(URI.create("http://localhost:" + tripwire.port() + "/cert.pem")));

    JsonObject report = verifyCredential(jwt);

    assertThat(check(report, "signature").getBoolean("passed")).as(report.encode()).isTrue();
  }
}
