package network.baton.node.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The web pages of a real node with the kosen sample, fetched as a browser would. */
class WebPagesTest extends KosenPagesFixture {

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
    String all = okPage("/catalogue?lang=en&q=" + encode("electrochemistry"));
    assertThat(all)
        .contains("<label for=\"q\">")
        .containsIgnoringCase("<mark>electrochemistry</mark>")
        .contains("id=\"facet-skillArea\"")
        .contains("id=\"facet-type\"");
    long total = total(all);
    String facet = href(all.substring(all.indexOf("id=\"facet-type\"")), "");
    String narrowed = okPage(facet);
    assertThat(narrowed).contains("class=\"selected\"");
    assertThat(total(narrowed)).isPositive().isLessThanOrEqualTo(total);
    String chosen = narrowed.substring(narrowed.indexOf("id=\"chosen-filters\""));
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
    String second = okPage(next);
    assertThat(second).contains("id=\"first-page\"");
    assertThat(firstHit(second)).isNotEqualTo(firstHit(first.body()));
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
    String bad = pageBody("/catalogue?lang=en&type=Spaceship", 400);
    assertThat(bad).contains("id=\"problems\"").contains("Spaceship");
  }

  @Test
  void textFromTheReaderIsEscaped() {
    HttpResponse<String> page = page("/catalogue?lang=en&q=" + encode("<script>alert(1)</script>"));
    assertThat(page.body()).doesNotContain("<script>alert(1)").contains("&lt;script&gt;");
  }

  @Test
  void resourcePageShowsTheLinkedDataInHumanForm() {
    String html = okPage("/resources/kosen-mec-programme?lang=en");
    assertThat(html)
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
    String missing = pageBody("/resources/no-such-thing?lang=en", 404);
    assertThat(missing).contains("<html lang=\"en\">").contains("Not found");
  }

  @Test
  void networkSearchShowsEachMembersStatusAndTheHits() {
    String page = okPage("/network?lang=en&q=" + encode("battery"));
    assertThat(page)
        .contains("id=\"member-status\"")
        .contains("Setouchi kosen")
        .contains("answered")
        .contains("class=\"hit-link\"");
    HttpResponse<String> empty = page("/network?lang=ja");
    assertThat(empty.body()).contains("検索語を入力するか");
  }

  @Test
  void skillTreeShowsJapaneseAndEnglishLabels() {
    String en = okPage("/skills?lang=en");
    assertThat(en)
        .contains("id=\"skill-tree\"")
        .contains(">Electrochemistry<")
        .contains(">電気化学<")
        .contains("href=\"/skills/ECH\"");
  }

  @Test
  void skillPageListsMaterialAcrossTheNetwork() {
    String page = okPage("/skills/ECH?lang=en");
    assertThat(page).contains("<h1>Electrochemistry</h1>").contains("id=\"material\"");
    assertThat(href(page, "id=\"network-search\"")).startsWith("/network?skill=");
  }

  @Test
  void unknownSkillGetsAnHtmlNotFoundPage() {
    String page = pageBody("/skills/NO-SUCH-SKILL?lang=en", 404);
    assertThat(page).contains("There is no skill with the code NO-SUCH-SKILL");
  }
}
