package network.baton.node;

import static java.nio.charset.StandardCharsets.UTF_8;
import static network.baton.credential.http.ReportChecks.check;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import network.baton.credential.http.CredentialRoutes;
import network.baton.credential.keys.SigningKey;
import network.baton.credential.status.StatusEntry;
import network.baton.credential.status.StatusPurpose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A node set up as on the internet never fetches the documents a posted credential, resource or
 * query names (status list, credential schema, JSON-LD context, SPARQL FROM graph): each is refused
 * with its reason, and no answer is a 5xx.
 */
class OutboundDocumentFetchTest extends OfflineNodeFixture {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://127.0.0.1:{port}/status/0-revocation",
        "http://127.0.0.1:{port}/status/0-revocation",
        "https://localhost:{port}/status/0-revocation",
        "https://[::1]:{port}/status/0-revocation",
        "https://169.254.169.254/status/0-revocation"
      })
  void statusListAtARefusedAddressIsNotFetchedAndTheStatusCheckSaysWhy(String template) {
    String url = template.replace("{port}", String.valueOf(tripwire.port()));
    SigningKey key = didKey();
    String issuer = issuerOf(key);
    ObjectNode status = StatusEntry.of(URI.create(url), StatusPurpose.REVOCATION, 7).toJson();
    String jwt = signedJwt(issuer, key.id(), key, vc -> vc.set("credentialStatus", status), h -> h);

    JsonObject report = verifyCredential(jwt);

    assertThat(check(report, "signature").getBoolean("passed")).as(report.encode()).isTrue();
    assertThat(check(report, "status").getString("reason"))
        .startsWith("status list could not be fetched from " + url + ": ")
        .contains("this node");
  }

  @Test
  void credentialSchemaIdIsNeverFetched() {
    SigningKey key = didKey();
    String schema = "https://127.0.0.1:" + tripwire.port() + "/schema.json";
    String jwt =
        signedJwt(
            issuerOf(key),
            key.id(),
            key,
            vc -> {
              vc.putArray("credentialSchema")
                  .addObject()
                  .put("id", schema)
                  .put("type", "1EdTechJsonSchemaValidator2019");
              return vc;
            },
            h -> h);

    JsonObject report = verifyCredential(jwt);

    assertThat(check(report, "signature").getBoolean("passed")).as(report.encode()).isTrue();
  }

  @Test
  void jsonLdCredentialNamingAContextOnTheTripwireIsNotFetched() {
    HttpResponse<String> issued =
        node.send(
            node.request("/credentials/issue")
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + RunningNode.TOKEN)
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        CredentialRoutes.issueRequest(
                                holder.did(), node.url() + COURSE_PATH, "eddsa-rdfc-2022")
                            .encode())));
    assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
    JsonObject credential = new JsonObject(issued.body()).getJsonObject("verifiableCredential");
    String trap = "https://127.0.0.1:" + tripwire.port() + "/context.jsonld";
    credential.getJsonArray("@context").add(trap);
    JsonObject proof = credential.getJsonObject("proof");
    if (proof.getValue("@context") instanceof JsonArray proofContext) proofContext.add(trap);

    JsonObject report =
        publicPost("/credentials/verify", new JsonObject().put("verifiableCredential", credential));

    assertThat(report.getBoolean("verified")).isFalse();
    assertThat(check(report, "signature").getString("reason"))
        .contains("not one of the bundled contexts (nothing is fetched)")
        .contains(trap);
  }

  @Test
  void resourceNamingAContextOnTheTripwireIsRefusedWithoutFetching() {
    String trap = "http://127.0.0.1:" + tripwire.port() + "/context.jsonld";
    for (String context :
        List.of(
            "\"" + trap + "\"",
            "[\"https://schema.org/\", \"https://localhost:" + tripwire.port() + "/c\"]",
            "{\"@import\": \"" + trap + "\"}")) {
      String body =
          "{\"@context\": "
              + context
              + ", \"@id\": \"resources/trap\", \"@type\": \"Course\", \"name\": \"Trap\"}";

      HttpResponse<String> response = node.post("/resources", "application/ld+json", body);

      assertThat(response.statusCode()).as(response.body()).isBetween(400, 499);
      assertThat(response.body()).contains("not bundled");
    }
  }

  @Test
  void sparqlFromClauseNamingTheTripwireIsNotFetched() {
    String query =
        "SELECT * FROM <http://127.0.0.1:"
            + tripwire.port()
            + "/data.ttl> FROM NAMED <https://localhost:"
            + tripwire.port()
            + "/g> WHERE { ?s ?p ?o } LIMIT 1";

    HttpResponse<String> response =
        node.get(
            "/sparql?query=" + URLEncoder.encode(query, UTF_8), "application/sparql-results+json");

    assertThat(response.statusCode()).as(response.body()).isLessThan(500);
  }

  // --- helpers ---

}
