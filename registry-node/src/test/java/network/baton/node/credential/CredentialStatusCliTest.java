package network.baton.node.credential;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import network.baton.node.Cli;
import network.baton.node.RunningNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issuing, suspending and revoking through {@code baton credential} against a real node. Issue 13:
 * {@code --status} chooses the status entries (revocation alone by default), bad values are
 * one-line usage errors, and suspending a credential without a suspension entry is a one-line
 * refusal with exit code 1; other refusals of the node are exit code 1, an unreachable node 2.
 */
@Timeout(120)
class CredentialStatusCliTest extends CredentialNodeCli {
  private int issueOnTheNode(String achievement, String... options) {
    String[] issue = {"--holder", HOLDER, "--achievement", achievement};
    return onTheNode("issue", Cli.join(issue, options));
  }

  private JsonObject issued(String... status) throws Exception {
    Path out = folder.resolve("issued-" + System.nanoTime() + ".json");
    String course = node.url() + "/resources/kosen-mc5-safety";
    String[] issue = {"--holder", HOLDER, "--achievement", course, "--out", out.toString()};
    assertThat(onTheNode("issue", Cli.join(issue, status))).as(cli.err()).isZero();
    return new JsonObject(Files.readString(out));
  }

  @Test
  void byDefaultOneRevocationEntryAndSuspendingItIsAOneLineRefusal() throws Exception {
    JsonObject issued = issued("--format", "di");
    Object status = issued.getJsonObject("verifiableCredential").getValue("credentialStatus");
    assertThat(status).isInstanceOf(JsonObject.class);
    assertThat(((JsonObject) status).getString("statusPurpose")).isEqualTo("revocation");
    cli.clear();

    int code = onTheNode("suspend", issued.getString("credentialId"));

    assertThat(code).isEqualTo(1);
    assertThat(cli.err().strip())
        .doesNotContain("\n")
        .startsWith("baton credential suspend: the node refused (HTTP 409)")
        .contains("no suspension status entry");
    cli.clear();
    assertThat(onTheNode("revoke", issued.getString("credentialId"))).as(cli.err()).isZero();
    assertThat(cli.out()).contains(": revoked");
  }

  @Test
  void statusRevocationSuspensionGivesTwoEntriesAndSuspendWorks() throws Exception {
    JsonObject issued = issued("--format", "di", "--status", "revocation,suspension");
    assertThat(issued.getJsonObject("verifiableCredential").getJsonArray("credentialStatus"))
        .hasSize(2);
    cli.clear();

    assertThat(onTheNode("suspend", issued.getString("credentialId"))).as(cli.err()).isZero();
    assertThat(cli.out()).contains(issued.getString("credentialId") + ": suspended");
  }

  @Test
  void sdJwtFormatIssuesAnSdJwtVcThatCanBeSuspended() throws Exception {
    JsonObject issued = issued("--format", "sd-jwt");
    assertThat(issued.getString("format")).isEqualTo("dc+sd-jwt");
    assertThat(issued.getString("verifiableCredential")).contains("~");
    assertThat(onTheNode("suspend", issued.getString("credentialId"))).as(cli.err()).isZero();
    assertThat(cli.out()).contains(issued.getString("credentialId") + ": suspended");
  }

  @Test
  void badStatusValuesAreOneLineUsageErrors() {
    String course = node.url() + "/resources/kosen-mc5-safety";
    for (String bad : new String[] {"none", "revoked", "revocation,", ""}) {
      cli.clear();
      int code = onTheNode("issue", "--holder", HOLDER, "--achievement", course, "--status", bad);

      assertThat(code).as(bad).isEqualTo(2);
      assertThat(cli.err().strip())
          .doesNotContain("\n")
          .startsWith("baton credential issue: --status must be revocation, suspension or")
          .contains("'" + bad + "'");
    }
  }

  @Test
  void credentialIssuedSuspendedAndRevokedThroughTheCommandLine() throws Exception {
    Path issued = folder.resolve("cli-issued.json");
    String course = node.url() + "/resources/kosen-mc5-safety";
    String[] di = {
      "--format", "di", "--status", "revocation,suspension", "--out", issued.toString()
    };
    assertThat(issueOnTheNode(course, di)).as(cli.err()).isZero();
    String id = new JsonObject(Files.readString(issued)).getString("credentialId");
    assertThat(
            new JsonObject(Files.readString(issued))
                .getJsonObject("verifiableCredential")
                .getJsonObject("proof"))
        .isNotNull();
    String[] verify = {
      "verify", issued.toString(), "--trust-issuer", nodeDid, "--allow-loopback-http"
    };
    assertThat(cli.run(verify)).as(cli.out()).isZero();

    assertThat(onTheNode("suspend", id)).isZero();
    assertThat(cli.out()).contains(id + ": suspended");
    cli.clear();
    assertThat(cli.run(verify)).isEqualTo(1);
    assertThat(cli.out()).contains("✗ status: the credential is suspended");

    assertThat(onTheNode("unsuspend", id)).isZero();
    assertThat(cli.run(verify)).isZero();
    assertThat(onTheNode("revoke", id)).isZero();
    cli.clear();
    assertThat(onTheNode("suspend", id)).as("revocation is final").isEqualTo(1);
    assertThat(cli.err()).contains("HTTP 409", "revocation is final");
  }

  @Test
  void nodeRefusalsAreExitCode1AndAnUnreachableNodeExitCode2() {
    assertThat(issueOnTheNode("https://elsewhere.example/resources/x")).isEqualTo(1);
    assertThat(cli.err()).contains("HTTP 422");
    cli.clear();
    assertThat(
            cli.run(
                "credential",
                "revoke",
                "--node",
                node.url(),
                "--token",
                "wrong-token",
                "urn:uuid:x"))
        .isEqualTo(1);
    assertThat(cli.err()).contains("HTTP 403");
    cli.clear();
    int closedPort = CredentialNode.freePort();
    assertThat(
            cli.run(
                "credential",
                "revoke",
                "--node",
                "http://localhost:" + closedPort,
                "--token",
                RunningNode.TOKEN,
                "urn:uuid:x"))
        .isEqualTo(2);
    assertThat(cli.err()).contains("cannot reach");
  }
}
