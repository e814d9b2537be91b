package network.baton.node.credential;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import network.baton.node.Cli;
import network.baton.node.TamperedJws;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The employer's command line against a real node: {@code baton verify} checks a credential the
 * node issued online and offline, against the issuers it is told to trust.
 */
@Timeout(120)
class VerifyCredentialCliTest extends CredentialNodeCli {

  private Path credential;

  @BeforeAll
  void issueACredential() throws Exception {
    credential =
        Files.writeString(
            folder.resolve("ec.json"),
            CredentialNode.issue(node, HOLDER, "resources/kosen-mc4-ec", "vc+jwt"));
  }

  @Test
  void tamperedCredentialFailsTheSignatureCheckWithExitCode1() throws Exception {
    String jwt =
        new JsonObject(Files.readString(credential))
            .getJsonObject("verifiableCredential")
            .getString("id")
            .substring("data:application/vc+jwt,".length());
    String forged =
        TamperedJws.replacingInPayload(jwt, "Electrochemistry", "Electrochemistry with honours");
    assertThat(forged).isNotEqualTo(jwt);
    Path tampered = Files.writeString(folder.resolve("tampered.jwt"), forged);

    int code =
        cli.run("verify", tampered.toString(), "--trust-issuer", nodeDid, "--allow-loopback-http");

    assertThat(code).isEqualTo(1);
    assertThat(cli.out()).startsWith("credential: NOT VALID").contains("✗ signature");
  }

  @Test
  void offlineVerificationUsesSavedDocumentsAndSaysWhatItCouldNotCheck() throws Exception {
    Path dids = Files.createDirectories(folder.resolve("dids"));
    Files.writeString(dids.resolve("kosen.json"), node.get("/.well-known/did.json", null).body());
    Path lists = Files.createDirectories(folder.resolve("lists"));
    for (String list : new String[] {"0-revocation", "0-suspension"}) {
      HttpResponse<String> saved = node.get("/status/" + list, "application/vc+jwt");
      assertThat(saved.statusCode()).isEqualTo(200);
      Files.writeString(lists.resolve(list + ".jwt"), saved.body());
    }

    String[] offline = {
      "verify", credential.toString(), "--offline", "--did-docs", dids.toString()
    };
    String[] trust = {"--trust-issuer", nodeDid};
    int withLists =
        cli.run(Cli.join(offline, new String[] {"--status-lists", lists.toString()}, trust));
    String complete = cli.out();
    cli.clear();
    int withoutLists = cli.run(Cli.join(offline, trust));

    assertThat(withLists).as(complete + cli.err()).isZero();
    assertThat(complete).startsWith("credential: VALID").contains("✓ signature", "✓ status");
    assertThat(withoutLists).isEqualTo(1);
    assertThat(cli.out())
        .contains("✓ signature", "✗ status")
        .contains(
            "not checked offline: status (no saved status list for "
                + node.url()
                + "/status/0-revocation)");
  }

  @Test
  void withoutAllowLoopbackHttpALocalIssuerIsNeitherResolvedNorSaved() {
    String refusal = nodeDid + " resolves to a loopback address";

    int verified = cli.run("verify", credential.toString(), "--trust-issuer", nodeDid);
    int saved =
        cli.run("verify", credential.toString(), "--save", folder.resolve("kept").toString());

    assertThat(verified).isEqualTo(1);
    assertThat(cli.out()).contains("✗ key").contains(refusal);
    assertThat(saved).isEqualTo(2);
    assertThat(cli.err()).contains("cannot fetch the DID document of " + nodeDid + ": " + refusal);
    assertThat(folder.resolve("kept")).doesNotExist();
  }

  @Test
  void credentialOfAnIssuerNotTrustedFailsAndSaysHowToTrustOne() {
    int code = cli.run("verify", credential.toString(), "--allow-loopback-http");

    assertThat(code).isEqualTo(1);
    assertThat(cli.out()).contains("✓ signature", "✗ issuer trusted", "--trust-issuer");
  }

  @Test
  void trustFileListsTheIssuersAccepted() throws Exception {
    Path trusting = Files.writeString(folder.resolve("trusted.json"), "[\"" + nodeDid + "\"]");
    Path other =
        Files.writeString(folder.resolve("others.txt"), "# members\ndid:web:university.example\n");
    Path broken = Files.writeString(folder.resolve("bad-trust.txt"), "https://not-a-did.example\n");

    assertThat(
            cli.run(
                "verify",
                credential.toString(),
                "--trust",
                trusting.toString(),
                "--allow-loopback-http"))
        .as(cli.out())
        .isZero();
    assertThat(
            cli.run(
                "verify",
                credential.toString(),
                "--trust",
                other.toString(),
                "--allow-loopback-http"))
        .isEqualTo(1);
    assertThat(cli.out())
        .contains("✗ issuer trusted: issuer " + nodeDid + " is not in the trust list");
    assertThat(cli.run("verify", credential.toString(), "--trust", broken.toString())).isEqualTo(2);
    assertThat(cli.err()).contains("not a DID in the trust list");
  }
}
