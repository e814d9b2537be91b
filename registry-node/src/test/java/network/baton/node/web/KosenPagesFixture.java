package network.baton.node.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import network.baton.node.RunningNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A real node with the kosen sample whose web pages the tests fetch as a browser would. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
abstract class KosenPagesFixture {

  Vertx vertx;
  RunningNode node;

  @BeforeAll
  void startNode(@TempDir Path folder) {
    vertx = Vertx.vertx();
    node = WebNode.start(vertx, folder);
  }

  @AfterAll
  void stopNode() {
    if (node != null) node.close();
    if (vertx != null) vertx.close().toCompletionStage().toCompletableFuture().join();
  }

  HttpResponse<String> page(String path) {
    return node.send(node.request(path).header("Accept", "text/html").GET());
  }

  /** The body of a page that must answer 200. */
  String okPage(String path) {
    return pageBody(path, 200);
  }

  /** The body of a page that must answer with this status. */
  String pageBody(String path, int status) {
    HttpResponse<String> page = page(path);
    assertThat(page.statusCode()).as(path).isEqualTo(status);
    return page.body();
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** The href of the first link whose id or class names it, unescaped. */
  static String href(String html, String marker) {
    Matcher m =
        Pattern.compile(
                "<a[^>]*href=\"([^\"]*)\"[^>]*"
                    + marker
                    + "|<a[^>]*"
                    + marker
                    + "[^>]*href=\"([^\"]*)\"")
            .matcher(html);
    assertThat(m.find()).as("a link marked " + marker).isTrue();
    String href = m.group(1) != null ? m.group(1) : m.group(2);
    return href.replace("&amp;", "&");
  }

  HttpResponse<String> postVerify(String credential) {
    String form = "credential=" + encode(credential) + "&lang=en";
    return node.postForm("/verify", form);
  }

  static long total(String html) {
    Matcher m = Pattern.compile("id=\"total\">([0-9]+)<").matcher(html);
    assertThat(m.find()).as("a result count").isTrue();
    return Long.parseLong(m.group(1));
  }

  static String firstHit(String html) {
    return href(html, "class=\"hit-link\"");
  }

  // The value of the form field with this id, as the page renders it.
  static String inputValue(String html, String id) {
    Matcher m = Pattern.compile("id=\"" + id + "\"[^>]*value=\"([^\"]*)\"").matcher(html);
    return m.find() ? m.group(1) : null;
  }
}
