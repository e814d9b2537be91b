package network.baton.node.credential;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import network.baton.credential.http.CredentialRoutes;
import network.baton.node.Cli;
import network.baton.node.RunningNode;
import network.baton.node.TamperedJws;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The graduate's and the employer's command lines against a real node over loopback HTTP. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class CredentialCliTest {
  private static final String AUDIENCE = "https://employer.example";

  private Vertx vertx;
  private RunningNode node;
  private String nodeDid;
  private Path folder;
  private Path wallet;
  private Path walletPassphrase;
  private String holderDid;
  private Path credential;
  private final Cli cli = new Cli();

  @BeforeAll
  void startNodeAndMakeAWallet(@TempDir Path folder) throws Exception {
    this.folder = folder;
    vertx = Vertx.vertx();
    node = CredentialNode.start(vertx, folder, config -> config);
    nodeDid = "did:web:localhost%3A" + java.net.URI.create(node.url()).getPort();
    walletPassphrase = Files.writeString(folder.resolve("wallet-pass"), "graduate passphrase\n");
    wallet = folder.resolve("me.pem");
    int keygen =
        cli.run("wallet", "keygen", "--out", wallet.toString(), "--passphrase-file", pass());
    assertThat(keygen).as(cli.err()).isZero();
    holderDid = cli.out().strip();
    assertThat(holderDid).startsWith("did:key:z6Mk");
    credential = Files.writeString(folder.resolve("ec.json"), issue());
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

  private String issue() {
    return issue("vc+jwt");
  }

  private String issue(String format) {
    String course = node.url() + "/resources/kosen-mc4-ec";
    JsonObject body = CredentialRoutes.issueRequest(holderDid, course, format);
    body.getJsonObject("credential").getJsonObject("credentialSubject").put("achievement", course);
    HttpResponse<String> response =
        node.post("/credentials/issue", "application/json", body.encode());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return response.body();
  }

  private String pass() {
    return walletPassphrase.toString();
  }

  private int present(String format, Path credential, String nonce, Path presentation) {
    String[] file = {"--out", presentation.toString(), "--passphrase-file", pass()};
    return cli.run(Cli.join(presenting(format, credential, nonce), file));
  }

  private String[] presenting(String format, Path credential, String nonce) {
    String[] present = {"wallet", "present", "--format", format, "--wallet", wallet.toString()};
    String[] input = {"--credential", credential.toString(), "--nonce", nonce, "--aud", AUDIENCE};
    return Cli.join(present, input);
  }

  private int verifyPresentation(Path presentation, String... binding) {
    String[] trust = {"--trust-issuer", nodeDid, "--allow-loopback-http"};
    return cli.run(Cli.join(new String[] {"verify", presentation.toString()}, binding, trust));
  }

  private int issueOnTheNode(String achievement, String... options) {
    String[] issue = {"--holder", holderDid, "--achievement", achievement};
    return onTheNode("issue", Cli.join(issue, options));
  }

  private int onTheNode(String command, String... args) {
    String[] prefix = {"credential", command, "--node", node.url(), "--token", RunningNode.TOKEN};
    return cli.run(Cli.join(prefix, args));
  }

  @Test
  void presentationMadeWithTheWalletVerifiesOnlineWithTicksAndLabels() throws Exception {
    Path presentation = folder.resolve("vp-" + System.nanoTime() + ".jwt");
    assertThat(present("jwt", credential, "n-42", presentation)).as(cli.err()).isZero();

    int code = verifyPresentation(presentation, "--nonce", "n-42", "--aud", AUDIENCE);

    assertThat(code).as(cli.printed()).isZero();
    assertThat(cli.out())
        .startsWith("presentation: VALID")
        .contains(
            "✓ nonce", "✓ holder binding", "credential 0: VALID", "✓ status", "✓ issuer trusted")
        .contains("achievement: Electrochemistry")
        .contains("ECH-THERMO", " / ")
        .doesNotContain("✗");
  }

  @Test
  void dataIntegrityPresentationWithTheNodesChallengeVerifiesOnTheNodeOnceAndWithBatonVerify()
      throws Exception {
    Path diCredential = Files.writeString(folder.resolve("ec-di.json"), issue("eddsa-rdfc-2022"));
    JsonObject challenge =
        new JsonObject(
            node.post(
                    "/challenges",
                    "application/json",
                    new JsonObject().put("domain", AUDIENCE).encode())
                .body());
    Path presentation = folder.resolve("vp-di.json");
    assertThat(
            cli.run(
                "wallet",
                "present",
                "--format",
                "di",
                "--wallet",
                wallet.toString(),
                "--credential",
                diCredential.toString(),
                "--credential",
                credential.toString(),
                "--challenge",
                challenge.getString("challenge"),
                "--domain",
                AUDIENCE,
                "--out",
                presentation.toString(),
                "--passphrase-file",
                walletPassphrase.toString()))
        .as(cli.err())
        .isZero();
    JsonObject vp = new JsonObject(Files.readString(presentation));
    assertThat(vp.getJsonObject("proof").getString("proofPurpose")).isEqualTo("authentication");
    assertThat(vp.getJsonObject("proof").getString("challenge"))
        .isEqualTo(challenge.getString("challenge"));

    String request =
        new JsonObject()
            .put("verifiablePresentation", vp)
            .put("options", new JsonObject().put("challenge", challenge.getString("challenge")))
            .encode();
    JsonObject onNode =
        new JsonObject(node.post("/presentations/verify", "application/json", request).body());
    JsonObject replay =
        new JsonObject(node.post("/presentations/verify", "application/json", request).body());
    int code =
        verifyPresentation(
            presentation, "--challenge", challenge.getString("challenge"), "--domain", AUDIENCE);

    assertThat(onNode.getBoolean("verified")).as(onNode.encodePrettily()).isTrue();
    assertThat(replay.getBoolean("verified")).isFalse();
    assertThat(code).as(cli.printed()).isZero();
    assertThat(cli.out())
        .startsWith("presentation: VALID")
        .contains("✓ signature", "✓ nonce", "✓ audience", "✓ holder binding", "credential 1: VALID")
        .doesNotContain("✗");
  }

  @Test
  void envelopedWalletPresentationIsWhatAVcApiVerifierTakes() throws Exception {
    Path presentation = folder.resolve("vp-enveloped-" + System.nanoTime() + ".json");
    assertThat(
            cli.run(
                "wallet",
                "present",
                "--enveloped",
                "--wallet",
                wallet.toString(),
                "--credential",
                credential.toString(),
                "--nonce",
                "caller-chosen-nonce",
                "--aud",
                AUDIENCE,
                "--out",
                presentation.toString(),
                "--passphrase-file",
                pass()))
        .as(cli.err())
        .isZero();
    JsonObject vp = new JsonObject(Files.readString(presentation));
    assertThat(vp.getJsonArray("@context").getString(0))
        .isEqualTo("https://www.w3.org/ns/credentials/v2");
    assertThat(vp.getString("type")).isEqualTo("EnvelopedVerifiablePresentation");
    assertThat(vp.getString("id")).startsWith("data:application/vp+jwt,");

    String request =
        new JsonObject()
            .put("verifiablePresentation", vp)
            .put(
                "options",
                new JsonObject()
                    .put("challenge", "caller-chosen-nonce")
                    .put("domain", AUDIENCE)
                    .put("holderBinding", true))
            .encode();
    HttpResponse<String> response = node.post("/presentations/verify", "application/json", request);
    JsonObject report = new JsonObject(response.body());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(report.getBoolean("verified")).as(report.encodePrettily()).isTrue();
  }

  @Test
  void tamperedDataIntegrityPresentationFailsWithExitCode1() throws Exception {
    Path diCredential = Files.writeString(folder.resolve("ec-di-2.json"), issue("eddsa-rdfc-2022"));
    Path presentation = folder.resolve("vp-di-2.json");
    present("di", diCredential, "n-7", presentation);
    JsonObject vp = new JsonObject(Files.readString(presentation));
    vp.getJsonObject("proof").put("domain", "https://other.example");
    Path tampered = Files.writeString(folder.resolve("vp-di-tampered.json"), vp.encode());

    int code = verifyPresentation(tampered, "--nonce", "n-7", "--aud", AUDIENCE);

    assertThat(code).isEqualTo(1);
    assertThat(cli.out()).startsWith("presentation: NOT VALID").contains("✗ signature");
  }

  @Test
  void presentationWithAnotherNonceFailsWithExitCode1() {
    Path presentation = folder.resolve("vp-other.jwt");
    present("jwt", credential, "n-1", presentation);

    int code = verifyPresentation(presentation, "--nonce", "n-2", "--aud", AUDIENCE);

    assertThat(code).isEqualTo(1);
    assertThat(cli.out()).startsWith("presentation: NOT VALID").contains("✗ nonce");
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

  @Test
  void usageErrorsAreExitCode2() throws Exception {
    Path presentation = folder.resolve("vp-usage.jwt");
    present("jwt", credential, "n", presentation);

    assertThat(cli.run("verify", presentation.toString())).isEqualTo(2);
    assertThat(cli.err()).contains("needs --nonce N and --aud A");
    assertThat(cli.run("verify", folder.resolve("missing.json").toString())).isEqualTo(2);
    assertThat(cli.run("verify", credential.toString(), "--offline")).isEqualTo(2);
    assertThat(cli.err()).contains("--offline needs --did-docs DIR");
    Path broken = Files.writeString(folder.resolve("broken.json"), "{\"verifiableCredential\": ");
    assertThat(cli.run("verify", broken.toString())).isEqualTo(2);
    assertThat(cli.err()).contains("is not valid JSON (line 1");
  }

  @Test
  void wrongWalletPassphraseIsExitCode2() throws Exception {
    Path wrong = Files.writeString(folder.resolve("wrong-pass"), "not it\n");

    String[] passphrase = {"--passphrase-file", wrong.toString()};

    int code = cli.run(Cli.join(presenting("jwt", credential, "n"), passphrase));

    assertThat(code).isEqualTo(2);
    assertThat(cli.err().strip()).startsWith("baton wallet present: wrong passphrase");
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
