package network.baton.node.resources;

import static network.baton.node.RunningNode.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import network.baton.node.NodePerTest;
import network.baton.node.RunningNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Validators per representation (RFC 9110 8.8.3, 13.1): each format of a version has its own strong
 * ETag, If-None-Match compares weakly and only within one representation, If-Match strongly.
 */
@Timeout(60)
class RepresentationValidatorsTest extends NodePerTest {

  private static final String COURSE = "/resources/kosen-ec101";
  private static final List<String> FORMATS =
      List.of("application/ld+json", "text/turtle", "application/n-triples", "application/rdf+xml");

  @BeforeEach
  void startNode(Vertx vertx) {
    start(vertx);
    assertThat(node.post("/resources", "text/turtle", fixture("course.ttl")).statusCode())
        .isEqualTo(201);
  }

  @Test
  void eachRepresentationHasItsOwnStrongEtagAndVariesOnAccept() {
    Set<String> tags = new HashSet<>();
    for (String format : FORMATS) {
      HttpResponse<String> read = node.get(COURSE, format);
      String etag = read.headers().firstValue("ETag").orElseThrow();
      assertThat(etag).as(format).matches("\"1-[a-z]+\"");
      assertThat(read.headers().firstValue("Vary")).as(format).hasValue("Accept");
      tags.add(etag);
    }
    assertThat(tags).hasSize(FORMATS.size());
  }

  @Test
  void theTurtleEtagIsNoValidatorOfTheJsonLd() {
    String turtle = node.get(COURSE, "text/turtle").headers().firstValue("ETag").orElseThrow();

    HttpResponse<String> jsonLd = conditional("application/ld+json", turtle);
    assertThat(jsonLd.statusCode()).isEqualTo(200);
    assertThat(jsonLd.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/ld+json");
    assertThat(jsonLd.body()).contains("EC101");

    HttpResponse<String> same = conditional("text/turtle", turtle);
    assertThat(same.statusCode()).isEqualTo(304);
    assertThat(same.body()).isEmpty();
    // RFC 9110 15.4.5: a 304 carries the ETag and Vary the 200 would have.
    assertThat(same.headers().firstValue("ETag")).hasValue(turtle);
    assertThat(same.headers().firstValue("Vary")).hasValue("Accept");
  }

  @Test
  void ifNoneMatchComparesWeaklyAndReadsLists() {
    String turtle = node.get(COURSE, "text/turtle").headers().firstValue("ETag").orElseThrow();

    for (String header : List.of("W/" + turtle, "\"9-ttl\", " + turtle, "*")) {
      assertThat(conditional("text/turtle", header).statusCode()).as(header).isEqualTo(304);
    }
    for (String header : List.of("\"1\"", "\"2-ttl\"", "W/\"1-nt\"", "garbage")) {
      assertThat(conditional("text/turtle", header).statusCode()).as(header).isEqualTo(200);
    }
  }

  @Test
  void ifMatchComparesStronglyAndAcceptsAnyRepresentationOfTheCurrentVersion() {
    String changed = fixture("course.ttl").replace("EC101", "EC102");
    String rdfXml =
        node.get(COURSE, "application/rdf+xml").headers().firstValue("ETag").orElseThrow();

    assertThat(node.put(COURSE, "text/turtle", changed, "W/" + rdfXml).statusCode())
        .as("a weak tag never matches If-Match")
        .isEqualTo(412);
    assertThat(node.put(COURSE, "text/turtle", changed, "\"1\"").statusCode())
        .as("not a tag this node hands out")
        .isEqualTo(412);
    assertThat(node.put(COURSE, "text/turtle", changed, "\"7-ttl\", " + rdfXml).statusCode())
        .isEqualTo(200);
    assertThat(node.put(COURSE, "text/turtle", changed, rdfXml).statusCode())
        .as("version 1 is gone")
        .isEqualTo(412);
    assertThat(
            node.send(
                    node.request(COURSE)
                        .header("Authorization", "Bearer " + RunningNode.TOKEN)
                        .header("If-Match", "\"2-jsonld\"")
                        .DELETE())
                .statusCode())
        .isEqualTo(204);
  }

  @Test
  void ifMatchStarNeedsAResourceThatExists() {
    String body = fixture("course.ttl").replace("kosen-ec101", "kosen-new");

    assertThat(node.put("/resources/kosen-new", "text/turtle", body, "*").statusCode())
        .isEqualTo(412);
    assertThat(node.put(COURSE, "text/turtle", fixture("course.ttl"), "*").statusCode())
        .isEqualTo(200);
  }

  private HttpResponse<String> conditional(String accept, String ifNoneMatch) {
    HttpRequest.Builder request =
        node.request(COURSE).header("Accept", accept).header("If-None-Match", ifNoneMatch).GET();
    return node.send(request);
  }
}
