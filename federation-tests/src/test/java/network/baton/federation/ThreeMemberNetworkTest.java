package network.baton.federation;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import network.baton.node.launch.LocalMember;
import network.baton.vocab.SampleContent.Institution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.exec.http.QueryExecutionHTTP;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three real member nodes (kosen, university, technical high school) on loopback, each publishing
 * its own sample content: what a coordinator sees before federated search exists, asking each
 * member in turn.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ThreeMemberNetworkTest {

  private static final String COURSES_BY_SKILL =
      """
      PREFIX schema: <http://schema.org/>
      SELECT ?course ?publisher WHERE {
        ?course a schema:Course ; schema:publisher ?publisher ;
                schema:teaches <https://w3id.org/baton/skill/SAF-TRUN> .
      }""";

  @TempDir static Path root;

  private final HttpClient http = HttpClient.newHttpClient();
  private ListedNetwork network;

  @BeforeAll
  void startNetwork() {
    network =
        ListedNetwork.start(
            root, List.of(Institution.KOSEN, Institution.UNIVERSITY, Institution.HIGH_SCHOOL));
  }

  @AfterAll
  void stopNetwork() {
    if (network != null) {
      network.close();
    }
  }

  @Test
  void everyMemberPublishesItsOwnContentUnderItsOwnBaseUrl() throws Exception {
    for (LocalMember member : network.members()) {
      assertThat(network.published(member)).as(member.key()).isGreaterThanOrEqualTo(15);
      JsonObject descriptor =
          new JsonObject(get(member.url() + "/.well-known/baton-node", "application/ld+json"));
      assertThat(descriptor.getLong("resourceCount")).isEqualTo(network.published(member));

      String institution = member.url() + "/resources/institution";
      Model model = ModelFactory.createDefaultModel();
      RDFParser.fromString(get(institution, "text/turtle"), Lang.TURTLE)
          .base(institution)
          .parse(model);
      assertThat(model.containsResource(model.createResource(institution)))
          .as("the institution IRI dereferences to its own description")
          .isTrue();
    }
  }

  @Test
  void eachMemberAnswersSparqlOverItsOwnStoreOnly() {
    Map<String, Set<String>> publishersByMember = new HashMap<>();
    Set<String> courses = new HashSet<>();
    for (LocalMember member : network.members()) {
      try (QueryExecutionHTTP query =
          QueryExecutionHTTP.service(member.url() + "/sparql").query(COURSES_BY_SKILL).build()) {
        query
            .execSelect()
            .forEachRemaining(
                (QuerySolution row) -> {
                  courses.add(row.getResource("course").getURI());
                  publishersByMember
                      .computeIfAbsent(member.url(), k -> new HashSet<>())
                      .add(row.getResource("publisher").getURI());
                });
      }
    }
    assertThat(publishersByMember)
        .as("every member teaches thermal runaway, and says so itself")
        .hasSize(3);
    publishersByMember.forEach(
        (base, publishers) ->
            assertThat(publishers).containsExactly(base + "/resources/institution"));
    assertThat(courses).allSatisfy(iri -> assertThat(iri).contains("/resources/"));
  }

  @Test
  void aJapaneseSearchFindsCompoundWordsOnEveryMember() throws Exception {
    for (LocalMember member : network.members()) {
      JsonObject result =
          new JsonObject(
              get(
                  member.url() + "/search?q=" + URLEncoder.encode("電池", StandardCharsets.UTF_8),
                  "application/json"));
      JsonArray hits = result.getJsonArray("hits");
      assertThat(hits).as(member.key()).isNotEmpty();
      for (Object hit : hits) {
        assertThat(((JsonObject) hit).getString("iri")).startsWith(member.url() + "/resources/");
      }
    }
  }

  private String get(String url, String accept) throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(url)).header("Accept", accept).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(url).isEqualTo(200);
    return response.body();
  }
}
