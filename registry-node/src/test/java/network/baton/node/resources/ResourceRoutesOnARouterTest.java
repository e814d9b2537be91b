package network.baton.node.resources;

import static network.baton.node.RunningNode.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import network.baton.credential.http.Problem;
import network.baton.credential.http.ProblemHandler;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.junit.jupiter.api.Test;

/**
 * The resource routes on a bare router ({@link ResourceRouter}) with the real service over TDB2 in
 * a temp folder, the admin check and the body limit, no node and no pages: publishing, reading,
 * conditional requests, batches and every refusal, in milliseconds per test. Listing and the change
 * log are in {@link ResourceListingRoutesTest}; what needs a whole node (the HTML page, search over
 * what was published) is in {@link ResourceRoutesTest}.
 */
class ResourceRoutesOnARouterTest extends ResourceRouterFixture {

  @Test
  void withoutPagesABrowserGetsLinkedDataAndAnExplicitHtmlAskIsNotAcceptable() {
    assertThat(node.post("/resources", TURTLE, fixture("course.ttl")).statusCode()).isEqualTo(201);

    HttpResponse<String> browser =
        node.get(COURSE, "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8");
    assertThat(browser.statusCode()).isEqualTo(200);
    assertThat(browser.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/ld+json");

    HttpResponse<String> html = node.get(COURSE + "?format=html", null);
    assertThat(html.statusCode()).isEqualTo(406);
    assertThat(html.headers().firstValue("Content-Type")).hasValue(ProblemHandler.PROBLEM_JSON);
    assertThat(new JsonObject(html.body()).getString("type"))
        .isEqualTo(Problem.TYPE_PREFIX + "not-acceptable");

    assertThat(node.get(COURSE, "text/html").statusCode()).isEqualTo(406);
  }

  @Test
  void domainFailuresAreAnsweredByTheResourcesProblemMapping() {
    JsonObject missing = new JsonObject(node.get("/resources/none", "text/turtle").body());
    assertThat(missing.getInteger("status")).isEqualTo(404);
    assertThat(missing.getString("type")).isEqualTo(Problem.TYPE_PREFIX + "not-found");

    HttpResponse<String> malformed = node.post("/resources", TURTLE, fixture("malformed.ttl"));
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(new JsonObject(malformed.body()).getString("type"))
        .isEqualTo(Problem.TYPE_PREFIX + "malformed-input");
    assertThat(new JsonObject(malformed.body()).getInteger("line")).isPositive();

    HttpResponse<String> invalid = node.post("/resources", TURTLE, fixture("missing-licence.ttl"));
    assertThat(invalid.statusCode()).isEqualTo(422);
    assertThat(new JsonObject(invalid.body()).getJsonArray("violations")).isNotEmpty();
  }

  @Test
  void publishedTurtleKeepsItsRelativeIriAndIsServedBackWithProvenance() {
    HttpResponse<String> created = node.post("/resources", TURTLE, fixture("course.ttl"));

    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.headers().firstValue("Location")).hasValue(IRI);
    assertThat(created.headers().firstValue("ETag")).hasValue("\"1-jsonld\"");

    HttpResponse<String> read = node.get(COURSE, TURTLE);
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(read.headers().firstValue("Content-Type").orElseThrow()).startsWith(TURTLE);
    Graph graph = parse(read.body(), Lang.TURTLE);
    Node course = NodeFactory.createURI(IRI);
    assertThat(
            graph.contains(
                course,
                uri("http://schema.org/courseCode"),
                NodeFactory.createLiteralString("EC101")))
        .as("https://schema.org/ is normalised to http://schema.org/")
        .isTrue();
    assertThat(
            graph.contains(
                course, uri("http://www.w3.org/ns/prov#wasAttributedTo"), uri("http://node.test")))
        .isTrue();
    assertThat(graph.find(course, uri("http://purl.org/dc/terms/created"), Node.ANY).hasNext())
        .isTrue();
    assertThat(graph.find(course, uri("http://purl.org/dc/terms/modified"), Node.ANY).hasNext())
        .isTrue();
  }

  @Test
  void jsonLdIsCompactedWithTheBatonContext() {
    node.post("/resources", TURTLE, fixture("course.ttl"));

    JsonObject json = new JsonObject(node.get(COURSE, "application/ld+json").body());

    assertThat(json.getString("@context")).isEqualTo("https://w3id.org/baton/context/v1");
    assertThat(json.getString("id")).isEqualTo(IRI);
    assertThat(json.getString("type")).isEqualTo("Course");
    assertThat(json.getJsonObject("name").getString("ja")).isEqualTo("電気化学基礎");
    assertThat(json.getString("courseCode")).isEqualTo("EC101");
  }

  @Test
  void blankSubjectGetsAnIdMintedFromItsName() {
    HttpResponse<String> created = node.post("/resources", TURTLE, fixture("unnamed-subject.ttl"));

    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.headers().firstValue("Location"))
        .hasValue("http://node.test/resources/electrode-coating-drying-basics");
    assertThat(new JsonObject(created.body()).getString("id"))
        .isEqualTo("electrode-coating-drying-basics");
  }

  @Test
  void jsonLdIsAcceptedAndItsIriKept() {
    HttpResponse<String> created =
        node.post("/resources", "application/ld+json", fixture("course.jsonld"));

    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.headers().firstValue("Location"))
        .hasValue("http://node.test/resources/json-course");
    assertThat(node.get("/resources/json-course", TURTLE).body()).contains("電池の安全");
  }

  @Test
  void secondPostToTheSameIriIsAConflict() {
    node.post("/resources", TURTLE, fixture("course.ttl"));

    HttpResponse<String> again = node.post("/resources", TURTLE, fixture("course.ttl"));

    assertProblem(again, 409).contains("use PUT");
  }

  @Test
  void malformedTurtleIsRefusedWithLineAndColumn() {
    HttpResponse<String> response = node.post("/resources", TURTLE, fixture("malformed.ttl"));

    assertProblem(response, 400).contains("line 4");
    JsonObject problem = new JsonObject(response.body());
    assertThat(problem.getLong("line")).isEqualTo(4);
    assertThat(problem.getLong("column")).isPositive();
  }

  @Test
  void malformedJsonIsRefusedWithLineAndColumn() {
    HttpResponse<String> response =
        node.post(
            "/resources",
            "application/ld+json",
            "{\n  \"@id\": \"resources/x\",\n  \"name\" \"oops\"\n}");

    assertProblem(response, 400).contains("line 3").contains("malformed JSON");
    assertThat(new JsonObject(response.body()).getLong("line")).isEqualTo(3);
  }

  @Test
  void shapeViolationIs422WithViolationsAndNothingIsStored() {
    HttpResponse<String> response = node.post("/resources", TURTLE, fixture("missing-licence.ttl"));

    assertProblem(response, 422);
    JsonObject problem = new JsonObject(response.body());
    assertThat(problem.getJsonArray("violations")).isNotEmpty();
    assertThat(problem.getJsonArray("violations").getJsonObject(0).getString("path"))
        .contains("license");
    assertThat(node.get("/resources/no-licence", TURTLE).statusCode()).isEqualTo(404);
    assertThat(new JsonObject(node.get("/resources", null).body()).getLong("total")).isZero();
    assertThat(new JsonObject(node.get("/changes", null).body()).getLong("latest")).isZero();
  }

  @Test
  void bodyOverTheLimitIs413() {
    String big = "# " + "x".repeat(70 * 1024) + "\n" + fixture("course.ttl");

    HttpResponse<String> response = node.post("/resources", TURTLE, big);

    assertProblem(response, 413);
    assertThat(node.get(COURSE, TURTLE).statusCode()).isEqualTo(404);
  }

  @Test
  void unsupportedContentTypeIs415() {
    assertProblem(node.post("/resources", "application/pdf", "%PDF-1.7"), 415)
        .contains("text/turtle");
  }

  @Test
  void unacceptableAcceptIs406() {
    node.post("/resources", TURTLE, fixture("course.ttl"));

    assertProblem(node.get(COURSE, "image/png"), 406);
    assertProblem(node.get(COURSE, "text/turtle;q=0, image/*"), 406);
    assertThat(
            node.get(COURSE, "application/json").headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/ld+json");
  }

  @Test
  void unknownResourceAndUnknownPathAre404() {
    assertProblem(node.get("/resources/nothing-here", TURTLE), 404);
    assertProblem(node.get("/no/such/path", null), 404);
  }

  @Test
  void deletedResourceAnswers410AndCannotBeRepublished() {
    node.post("/resources", TURTLE, fixture("course.ttl"));

    assertThat(node.delete(COURSE).statusCode()).isEqualTo(204);

    assertProblem(node.get(COURSE, TURTLE), 410);
    assertProblem(node.post("/resources", TURTLE, fixture("course.ttl")), 409).contains("deleted");
    assertProblem(node.delete(COURSE), 410);
  }

  @Test
  void putWithStaleETagIs412AndCurrentETagSucceeds() {
    node.post("/resources", TURTLE, fixture("course.ttl"));
    String changed = fixture("course.ttl").replace("EC101", "EC102");
    String version1 = node.get(COURSE, TURTLE).headers().firstValue("ETag").orElseThrow();
    assertThat(version1).isEqualTo("\"1-ttl\"");

    HttpResponse<String> first = node.put(COURSE, TURTLE, changed, version1);
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(first.body()).getLong("version")).isEqualTo(2);
    // RFC 9110 9.3.4: the node stores the graph, not the bytes sent, so a PUT answers no validator.
    assertThat(first.headers().firstValue("ETag")).isEmpty();

    HttpResponse<String> stale = node.put(COURSE, TURTLE, fixture("course.ttl"), version1);
    assertProblem(stale, 412).contains("version 2");
    assertThat(node.get(COURSE, TURTLE).body()).contains("EC102");
    assertThat(node.get(COURSE, TURTLE).headers().firstValue("ETag")).hasValue("\"2-ttl\"");
  }

  @Test
  void putKeepsCreatedAndRefusesABodyAboutAnotherResource() {
    node.post("/resources", TURTLE, fixture("course.ttl"));
    String other = fixture("course.ttl").replace("resources/kosen-ec101", "resources/other");

    assertProblem(node.put(COURSE, TURTLE, other, null), 400).contains("resources/other");
  }

  @Test
  void writesWithoutTokenAre401AndWithWrongTokenAre403() {
    HttpResponse<String> anonymous =
        node.send(
            node.request("/resources")
                .header("Content-Type", TURTLE)
                .POST(HttpRequest.BodyPublishers.ofString(fixture("course.ttl"))));
    assertProblem(anonymous, 401);
    assertThat(anonymous.headers().firstValue("WWW-Authenticate").orElseThrow())
        .startsWith("Bearer");

    HttpResponse<String> wrong =
        node.send(
            node.request("/resources")
                .header("Content-Type", TURTLE)
                .header("Authorization", "Bearer not-the-token")
                .POST(HttpRequest.BodyPublishers.ofString(fixture("course.ttl"))));
    assertProblem(wrong, 403);

    HttpResponse<String> delete =
        node.send(node.request(COURSE).header("Authorization", "Bearer nope").DELETE());
    assertProblem(delete, 403);
    assertThat(node.get(COURSE, TURTLE).statusCode()).isEqualTo(404);
  }

  @Test
  void conditionalGetWithCurrentETagIs304() {
    node.post("/resources", TURTLE, fixture("course.ttl"));

    HttpResponse<String> response =
        node.send(node.request(COURSE).header("If-None-Match", "\"1-jsonld\"").GET());

    assertThat(response.statusCode()).isEqualTo(304);
  }

  @Test
  void batchRefusesTriplesOutsideNamedGraphsTurtleAndOversizedBodiesWithNothingStored() {
    String defaultGraph =
        fixture("batch.trig") + "\n<resources/stray> a <http://schema.org/Course> .\n";
    assertProblem(node.post("/resources/batch", "application/trig", defaultGraph), 400)
        .contains("named graph");
    assertProblem(node.post("/resources/batch", TURTLE, fixture("course.ttl")), 415)
        .contains("application/n-quads");
    assertProblem(node.post("/resources/batch", "application/n-quads", "<a> <b> ."), 400);
    String big = "# " + "x".repeat(70 * 1024) + "\n" + fixture("batch.trig");
    assertProblem(node.post("/resources/batch", "application/trig", big), 413);
    HttpResponse<String> anonymous =
        node.send(
            node.request("/resources/batch")
                .header("Content-Type", "application/trig")
                .POST(HttpRequest.BodyPublishers.ofString(fixture("batch.trig"))));
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(new JsonObject(node.get("/resources", null).body()).getLong("total")).isZero();
  }
}
