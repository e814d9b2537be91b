package network.baton.node.credential;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import network.baton.node.Cli;
import network.baton.node.RunningNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 on the command line: {@code baton credential issue --status} chooses the status entries
 * (revocation alone by default), bad values are one-line usage errors, and suspending a credential
 * without a suspension entry is a one-line refusal with exit code 1.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class CredentialStatusCliTest {
  private static final String HOLDER = "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK";

  private Vertx vertx;
  private RunningNode node;
  private Path folder;
  private final Cli cli = new Cli();

  @BeforeAll
  void startNode(@TempDir Path folder) {
    this.folder = folder;
    vertx = Vertx.vertx();
    node = CredentialNode.start(vertx, folder, config -> config);
  }

  @AfterAll
  void stopNode() {
    if (node != null) node.close();
    if (vertx != null) vertx.close().toCompletionStage().toCompletableFuture().join();
  }

  @BeforeEach
  void clearOutput() {
    cli.clear();
  }

  private int onTheNode(String command, String... args) {
    String[] prefix = {"credential", command, "--node", node.url(), "--token", RunningNode.TOKEN};
    return cli.run(Cli.join(prefix, args));
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
}
