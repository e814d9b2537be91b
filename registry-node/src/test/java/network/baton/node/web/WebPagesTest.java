package network.baton.node.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import network.baton.credential.issue.HolderWallet;
import network.baton.node.RunningNode;
import network.baton.node.TamperedJws;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The web pages of a real node with the kosen sample, fetched as a browser would. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class WebPagesTest {

  private Vertx vertx;
  private RunningNode node;

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

  private HttpResponse<String> page(String path) {
    return node.send(node.request(path).header("Accept", "text/html").GET());
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** The href of the first link whose id or class names it, unescaped. */
  private static String href(String html, String marker) {
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

  private HttpResponse<String> postVerify(String credential) {
    String form = "credential=" + encode(credential) + "&lang=en";
    return node.postForm("/verify", form);
  }

  @Test
  void homeDescribesTheNodeAndItsNetworkInBothLanguages() {
    HttpResponse<String> en = page("/?lang=en");
    assertThat(en.statusCode()).isEqualTo(200);
    assertThat(en.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    assertThat(en.body())
        .contains("<html lang=\"en\">")
        .contains("What this node publishes")
        .contains("Setouchi kosen")
        .contains("href=\"#main\"")
        .containsPattern("id=\"resource-count\">[1-9][0-9]*<");
    HttpResponse<String> ja = page("/?lang=ja");
    assertThat(ja.body()).contains("<html lang=\"ja\">").contains("公開しているもの");
    assertThat(ja.body()).contains("id=\"lang-switch\"").contains("lang=en");
  }

  @Test
  void everyPageForbidsFramingAndForeignContentAndHasNoInlineScriptOrStyle() {
    // The policy allows no 'unsafe-inline': a page that needed it would break in browsers.
    Pattern inline =
        Pattern.compile(
            "<script(?![^>]*\\bsrc=)|<style|\\sstyle=|\\son[a-z]+=|javascript:",
            Pattern.CASE_INSENSITIVE);
    for (String path :
        List.of(
            "/?lang=en",
            "/catalogue?q=battery",
            "/network?q=battery",
            "/verify",
            "/skills",
            "/skills/ECH",
            "/resources/kosen-mc4-ec",
            "/resources/no-such-thing",
            "/skills/NOPE")) {
      HttpResponse<String> page = page(path);

      assertThat(page.headers().firstValue("Content-Type").orElseThrow())
          .as(path)
          .startsWith("text/html");
      assertThat(page.headers().firstValue("Content-Security-Policy"))
          .as(path)
          .hasValue(
              "default-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self';"
                  + " frame-ancestors 'none'");
      assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
      assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
      assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
      assertThat(inline.matcher(page.body()).find())
          .as(path + " has inline script or style")
          .isFalse();
    }
  }

  @Test
  void apiAnswersLoadNothingAndAreNeverSniffed() {
    for (String path : List.of("/health", "/resources", "/no-such-route", "/openapi.json")) {
      HttpResponse<String> answer = node.get(path, "application/json");

      assertThat(answer.headers().firstValue("Content-Security-Policy"))
          .as(path)
          .hasValue("default-src 'none'; frame-ancestors 'none'");
      assertThat(answer.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
      assertThat(answer.headers().firstValue("X-Frame-Options")).hasValue("DENY");
      assertThat(answer.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
      assertThat(answer.headers().firstValue("Strict-Transport-Security"))
          .as("no HSTS over plain http")
          .isEmpty();
    }
  }

  @Test
  void languageComesFromTheParameterThenTheCookieThenAcceptLanguage() {
    HttpResponse<String> chosen = page("/skills?lang=en");
    assertThat(chosen.headers().allValues("Set-Cookie"))
        .anySatisfy(cookie -> assertThat(cookie).startsWith("baton-lang=en"));
    HttpResponse<String> byHeader =
        node.send(node.request("/skills").header("Accept-Language", "ja,en;q=0.5").GET());
    assertThat(byHeader.body()).contains("<html lang=\"ja\">").contains("スキル体系");
    HttpResponse<String> byCookie =
        node.send(
            node.request("/skills")
                .header("Accept-Language", "ja")
                .header("Cookie", "baton-lang=en")
                .GET());
    assertThat(byCookie.body()).contains("<html lang=\"en\">").contains("Skill framework");
  }

  @Test
  void catalogueMarksTheQueryInResultsAndFacetLinksNarrowThem() {
    HttpResponse<String> all = page("/catalogue?lang=en&q=" + encode("electrochemistry"));
    assertThat(all.statusCode()).isEqualTo(200);
    assertThat(all.body())
        .contains("<label for=\"q\">")
        .containsIgnoringCase("<mark>electrochemistry</mark>")
        .contains("id=\"facet-skillArea\"")
        .contains("id=\"facet-type\"");
    long total = total(all.body());
    String facet = href(all.body().substring(all.body().indexOf("id=\"facet-type\"")), "");
    HttpResponse<String> narrowed = page(facet);
    assertThat(narrowed.statusCode()).isEqualTo(200);
    assertThat(narrowed.body()).contains("class=\"selected\"");
    assertThat(total(narrowed.body())).isPositive().isLessThanOrEqualTo(total);
    String chosen = narrowed.body().substring(narrowed.body().indexOf("id=\"chosen-filters\""));
    HttpResponse<String> widened = page(href(chosen, ""));
    assertThat(total(widened.body())).isEqualTo(total);
    assertThat(widened.body()).doesNotContain("id=\"chosen-filters\"");
  }

  @Test
  void catalogueListsEverythingPageByPage() {
    HttpResponse<String> first = page("/catalogue?lang=en");
    assertThat(total(first.body())).isGreaterThan(SearchForm.PAGE_SIZE);
    String next = href(first.body(), "id=\"next-page\"");
    assertThat(next).contains("cursor=");
    HttpResponse<String> second = page(next);
    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(second.body()).contains("id=\"first-page\"");
    assertThat(firstHit(second.body())).isNotEqualTo(firstHit(first.body()));
  }

  @Test
  void pagesWorkWhenTheReaderComesOverIpv6Loopback() {
    java.net.URI ipv6 =
        java.net.URI.create(
            "http://[::1]:" + java.net.URI.create(node.url()).getPort() + "/catalogue?lang=en");
    HttpResponse<String> page = node.send(HttpRequest.newBuilder(ipv6).GET());
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    assertThat(total(page.body())).isPositive();
  }

  @Test
  void badSearchInputIsExplainedOnThePage() {
    HttpResponse<String> bad = page("/catalogue?lang=en&type=Spaceship");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("id=\"problems\"").contains("Spaceship");
  }

  @Test
  void textFromTheReaderIsEscaped() {
    HttpResponse<String> page = page("/catalogue?lang=en&q=" + encode("<script>alert(1)</script>"));
    assertThat(page.body()).doesNotContain("<script>alert(1)").contains("&lt;script&gt;");
  }

  @Test
  void resourcePageShowsTheLinkedDataInHumanForm() {
    HttpResponse<String> html = page("/resources/kosen-mec-programme?lang=en");
    assertThat(html.statusCode()).isEqualTo(200);
    assertThat(html.body())
        .contains("Department of Materials and Electrochemistry")
        .contains("href=\"/skills/ECH\"")
        .contains(">Electrochemistry<")
        .contains("CC BY 4.0")
        .contains("Japanese")
        .contains("id=\"parts\"")
        .contains("?format=ttl")
        .contains("?format=jsonld")
        .contains("?format=nt")
        .contains("?format=rdf");
    HttpResponse<String> ja = page("/resources/kosen-mec-programme?lang=ja");
    assertThat(ja.body()).contains("物質・電気化学工学科").contains(">電気化学<");
    HttpResponse<String> turtle = node.get("/resources/kosen-mec-programme", "text/turtle");
    assertThat(turtle.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/turtle");
  }

  @Test
  void unknownResourceGetsAnHtmlNotFoundPage() {
    HttpResponse<String> missing = page("/resources/no-such-thing?lang=en");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).contains("<html lang=\"en\">").contains("Not found");
  }

  @Test
  void networkSearchShowsEachMembersStatusAndTheHits() {
    HttpResponse<String> page = page("/network?lang=en&q=" + encode("battery"));
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("id=\"member-status\"")
        .contains("Setouchi kosen")
        .contains("answered")
        .contains("class=\"hit-link\"");
    HttpResponse<String> empty = page("/network?lang=ja");
    assertThat(empty.body()).contains("検索語を入力するか");
  }

  @Test
  void verifyingAnIssuedCredentialReportsEveryCheckAndTheSkills() {
    String jwt = WebNode.issueJwt(node, node.url() + "/resources/kosen-mc4-ec");
    HttpResponse<String> report = postVerify(jwt);
    assertThat(report.statusCode()).as(report.body()).isEqualTo(200);
    assertThat(report.body())
        .contains("Verified: every check passed.")
        .contains("data-check=\"signature\"")
        .contains("class=\"attested-skills\"")
        .contains("did:web:localhost");
    assertThat(report.body()).doesNotContain("Why it failed");
  }

  @Test
  void tamperedCredentialFailsWithTheReasonShown() {
    String jwt = WebNode.issueJwt(node, node.url() + "/resources/kosen-mc4-ec");
    String tampered = TamperedJws.replacingInPayload(jwt, "kosen-mc4-ec", "kosen-mc5-bms");
    HttpResponse<String> report = postVerify(tampered);
    assertThat(report.statusCode()).isEqualTo(200);
    assertThat(report.body())
        .contains("Not verified")
        .contains("Why it failed")
        .containsPattern("class=\"fail\" data-check=\"signature\"");
  }

  @Test
  void presentationIsVerifiedWithItsChallengeAndEachCredentialReported() {
    HolderWallet holder = HolderWallet.generate(new SecureRandom());
    String jwt = WebNode.issueJwt(node, node.url() + "/resources/kosen-mc4-ec", holder);
    // The verify page offers a challenge this node handed out; the holder presents for it.
    String page = node.send(node.request("/verify?lang=en").GET()).body();
    String challenge = inputValue(page, "challenge");
    String domain = inputValue(page, "domain");
    assertThat(challenge).isNotBlank();
    assertThat(domain).isEqualTo(node.url());
    assertThat(page).contains("accepts each challenge once");
    String vp = holder.present(List.of(jwt), challenge, domain);
    String form =
        "credential="
            + encode(vp)
            + "&challenge="
            + encode(challenge)
            + "&domain="
            + encode(domain)
            + "&lang=en";
    HttpResponse<String> report = node.postForm("/verify", form);
    assertThat(report.statusCode()).as(report.body()).isEqualTo(200);
    assertThat(report.body())
        .contains("Verified: every check passed.")
        .contains("Credential in the presentation 1")
        .contains("class=\"attested-skills\"");
    // The page then offers a new challenge: the one used is gone, and sending it again is a replay.
    assertThat(inputValue(report.body(), "challenge")).isNotBlank().isNotEqualTo(challenge);
    HttpResponse<String> replay = node.postForm("/verify", form);
    assertThat(replay.body()).contains("Not verified").contains("replay");
    HttpResponse<String> withoutChallenge = postVerify(vp);
    assertThat(withoutChallenge.statusCode()).isEqualTo(400);
    assertThat(withoutChallenge.body()).contains("challenge and domain it was made for");
  }

  @Test
  void verifyExplainsInputItCannotRead() {
    HttpResponse<String> empty = postVerify("  ");
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(empty.body()).contains("Paste a credential or presentation first.");
    HttpResponse<String> garbage = postVerify("{not json");
    assertThat(garbage.statusCode()).isEqualTo(400);
    assertThat(garbage.body()).contains("The text is not valid JSON.");
  }

  @Test
  void verifyTakesAFieldOverVertxsEightKibibyteFormDefault() {
    // A Data Integrity presentation is this big; here a credential padded with JSON whitespace.
    String jwt = WebNode.issueJwt(node, node.url() + "/resources/kosen-mc4-ec");
    String padded = "{\"verifiableCredential\": \"" + jwt + "\"" + " ".repeat(12_000) + "}";

    HttpResponse<String> report = postVerify(padded);

    assertThat(report.statusCode()).as(report.body()).isEqualTo(200);
    assertThat(report.body()).contains("Verified: every check passed.");
  }

  @Test
  void aBadPercentEscapeInTheVerifyFormGetsAnHtml400() {
    HttpResponse<String> response = node.postForm("/verify?lang=en", "credential=%zz&lang=en");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    assertThat(response.body())
        .contains("The request was not understood")
        .contains("two hex digits");
  }

  @Test
  void aVerifyFormThatIsNotUtf8IsRefusedNamingTheByte() {
    HttpResponse<String> response = node.postForm("/verify?lang=en", "lang=en&credential=ab%FFcd");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    assertThat(response.body()).contains("not valid UTF-8 at byte 21 (0xFF)");
  }

  @Test
  void oversizedVerifyInputGetsAnHtml413() {
    String huge = "x".repeat((int) WebRoutes.VERIFY_FORM_LIMIT + 1024);
    HttpResponse<String> response = postVerify(huge);
    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    assertThat(response.body()).contains("The input is too large");
  }

  @Test
  void skillTreeShowsJapaneseAndEnglishLabels() {
    HttpResponse<String> en = page("/skills?lang=en");
    assertThat(en.statusCode()).isEqualTo(200);
    assertThat(en.body())
        .contains("id=\"skill-tree\"")
        .contains(">Electrochemistry<")
        .contains(">電気化学<")
        .contains("href=\"/skills/ECH\"");
  }

  @Test
  void skillPageListsMaterialAcrossTheNetwork() {
    HttpResponse<String> page = page("/skills/ECH?lang=en");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<h1>Electrochemistry</h1>").contains("id=\"material\"");
    assertThat(href(page.body(), "id=\"network-search\"")).startsWith("/network?skill=");
  }

  @Test
  void unknownSkillGetsAnHtmlNotFoundPage() {
    HttpResponse<String> page = page("/skills/NO-SUCH-SKILL?lang=en");
    assertThat(page.statusCode()).isEqualTo(404);
    assertThat(page.body()).contains("There is no skill with the code NO-SUCH-SKILL");
  }

  private static long total(String html) {
    Matcher m = Pattern.compile("id=\"total\">([0-9]+)<").matcher(html);
    assertThat(m.find()).as("a result count").isTrue();
    return Long.parseLong(m.group(1));
  }

  private static String firstHit(String html) {
    return href(html, "class=\"hit-link\"");
  }

  // The value of the form field with this id, as the page renders it.
  private static String inputValue(String html, String id) {
    Matcher m = Pattern.compile("id=\"" + id + "\"[^>]*value=\"([^\"]*)\"").matcher(html);
    return m.find() ? m.group(1) : null;
  }
}
