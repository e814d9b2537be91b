package network.baton.node.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.List;
import network.baton.credential.issue.HolderWallet;
import network.baton.node.TamperedJws;
import org.junit.jupiter.api.Test;

/**
 * The verify page of a real node with the kosen sample: credentials and presentations pasted in are
 * reported check by check, and input it cannot read is explained on an HTML page.
 */
class VerifyPageTest extends KosenPagesFixture {

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
    String huge = "x".repeat((int) VerifyPages.FORM_LIMIT + 1024);
    HttpResponse<String> response = postVerify(huge);
    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    assertThat(response.body()).contains("The input is too large");
  }
}
