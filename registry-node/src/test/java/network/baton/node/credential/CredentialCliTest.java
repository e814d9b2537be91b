package network.baton.node.credential;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import network.baton.node.RunningNode;
import network.baton.node.TamperedJws;
import network.baton.node.cli.BatonCli;
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
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeAll
  void startNodeAndMakeAWallet(@TempDir Path folder) throws Exception {
    this.folder = folder;
    vertx = Vertx.vertx();
    node = CredentialNode.start(vertx, folder, config -> config);
    nodeDid = "did:web:localhost%3A" + java.net.URI.create(node.url()).getPort();
    walletPassphrase = Files.writeString(folder.resolve("wallet-pass"), "graduate passphrase\n");
    wallet = folder.resolve("me.pem");
    assertThat(
            run(
                "wallet",
                "keygen",
                "--out",
                wallet.toString(),
                "--passphrase-file",
                walletPassphrase.toString()))
        .as(err.toString())
        .isZero();
    holderDid = out.toString().strip();
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
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
  }

  private String issue() {
    return issue("vc+jwt");
  }

  private String issue(String format) {
    JsonObject body =
        new JsonObject()
            .put("options", new JsonObject().put("format", format))
            .put(
                "credential",
                new JsonObject()
                    .put(
                        "credentialSubject",
                        new JsonObject()
                            .put("id", holderDid)
                            .put("achievement", node.url() + "/resources/kosen-mc4-ec")));
    HttpResponse<String> response =
        node.post("/credentials/issue", "application/json", body.encode());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return response.body();
  }

  @Test
  void presentationMadeWithTheWalletVerifiesOnlineWithTicksAndLabels() throws Exception {
    Path presentation = folder.resolve("vp-" + System.nanoTime() + ".jwt");
    assertThat(
            run(
                "wallet",
                "present",
                "--wallet",
                wallet.toString(),
                "--credential",
                credential.toString(),
                "--nonce",
                "n-42",
                "--aud",
                AUDIENCE,
                "--out",
                presentation.toString(),
                "--passphrase-file",
                walletPassphrase.toString()))
        .as(err.toString())
        .isZero();

    int code =
        run(
            "verify",
            presentation.toString(),
            "--nonce",
            "n-42",
            "--aud",
            AUDIENCE,
            "--trust-issuer",
            nodeDid,
            "--allow-loopback-http");

    assertThat(code).as(out + "\n" + err).isZero();
    assertThat(out.toString())
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
            run(
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
        .as(err.toString())
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
        run(
            "verify",
            presentation.toString(),
            "--challenge",
            challenge.getString("challenge"),
            "--domain",
            AUDIENCE,
            "--trust-issuer",
            nodeDid,
            "--allow-loopback-http");

    assertThat(onNode.getBoolean("verified")).as(onNode.encodePrettily()).isTrue();
    assertThat(replay.getBoolean("verified")).isFalse();
    assertThat(code).as(out + "\n" + err).isZero();
    assertThat(out.toString())
        .startsWith("presentation: VALID")
        .contains("✓ signature", "✓ nonce", "✓ audience", "✓ holder binding", "credential 1: VALID")
        .doesNotContain("✗");
  }

  @Test
  void envelopedWalletPresentationIsWhatAVcApiVerifierTakes() throws Exception {
    Path presentation = folder.resolve("vp-enveloped-" + System.nanoTime() + ".json");
    assertThat(
            run(
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
                walletPassphrase.toString()))
        .as(err.toString())
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
    run(
        "wallet",
        "present",
        "--format",
        "di",
        "--wallet",
        wallet.toString(),
        "--credential",
        diCredential.toString(),
        "--nonce",
        "n-7",
        "--aud",
        AUDIENCE,
        "--out",
        presentation.toString(),
        "--passphrase-file",
        walletPassphrase.toString());
    JsonObject vp = new JsonObject(Files.readString(presentation));
    vp.getJsonObject("proof").put("domain", "https://other.example");
    Path tampered = Files.writeString(folder.resolve("vp-di-tampered.json"), vp.encode());

    int code =
        run(
            "verify",
            tampered.toString(),
            "--nonce",
            "n-7",
            "--aud",
            AUDIENCE,
            "--trust-issuer",
            nodeDid,
            "--allow-loopback-http");

    assertThat(code).isEqualTo(1);
    assertThat(out.toString()).startsWith("presentation: NOT VALID").contains("✗ signature");
  }

  @Test
  void presentationWithAnotherNonceFailsWithExitCode1() {
    Path presentation = folder.resolve("vp-other.jwt");
    run(
        "wallet",
        "present",
        "--wallet",
        wallet.toString(),
        "--credential",
        credential.toString(),
        "--nonce",
        "n-1",
        "--aud",
        AUDIENCE,
        "--out",
        presentation.toString(),
        "--passphrase-file",
        walletPassphrase.toString());

    int code =
        run(
            "verify",
            presentation.toString(),
            "--nonce",
            "n-2",
            "--aud",
            AUDIENCE,
            "--trust-issuer",
            nodeDid,
            "--allow-loopback-http");

    assertThat(code).isEqualTo(1);
    assertThat(out.toString()).startsWith("presentation: NOT VALID").contains("✗ nonce");
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
        run("verify", tampered.toString(), "--trust-issuer", nodeDid, "--allow-loopback-http");

    assertThat(code).isEqualTo(1);
    assertThat(out.toString()).startsWith("credential: NOT VALID").contains("✗ signature");
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

    int withLists =
        run(
            "verify",
            credential.toString(),
            "--offline",
            "--did-docs",
            dids.toString(),
            "--status-lists",
            lists.toString(),
            "--trust-issuer",
            nodeDid);
    String complete = out.toString();
    clearOutput();
    int withoutLists =
        run(
            "verify",
            credential.toString(),
            "--offline",
            "--did-docs",
            dids.toString(),
            "--trust-issuer",
            nodeDid);

    assertThat(withLists).as(complete + err).isZero();
    assertThat(complete).startsWith("credential: VALID").contains("✓ signature", "✓ status");
    assertThat(withoutLists).isEqualTo(1);
    assertThat(out.toString())
        .contains("✓ signature", "✗ status")
        .contains(
            "not checked offline: status (no saved status list for "
                + node.url()
                + "/status/0-revocation)");
  }

  @Test
  void withoutAllowLoopbackHttpALocalIssuerIsNeitherResolvedNorSaved() {
    String refusal = nodeDid + " resolves to a loopback address";

    int verified = run("verify", credential.toString(), "--trust-issuer", nodeDid);
    int saved = run("verify", credential.toString(), "--save", folder.resolve("kept").toString());

    assertThat(verified).isEqualTo(1);
    assertThat(out.toString()).contains("✗ key").contains(refusal);
    assertThat(saved).isEqualTo(2);
    assertThat(err.toString())
        .contains("cannot fetch the DID document of " + nodeDid + ": " + refusal);
    assertThat(folder.resolve("kept")).doesNotExist();
  }

  @Test
  void credentialOfAnIssuerNotTrustedFailsAndSaysHowToTrustOne() {
    int code = run("verify", credential.toString(), "--allow-loopback-http");

    assertThat(code).isEqualTo(1);
    assertThat(out.toString()).contains("✓ signature", "✗ issuer trusted", "--trust-issuer");
  }

  @Test
  void trustFileListsTheIssuersAccepted() throws Exception {
    Path trusting = Files.writeString(folder.resolve("trusted.json"), "[\"" + nodeDid + "\"]");
    Path other =
        Files.writeString(folder.resolve("others.txt"), "# members\ndid:web:university.example\n");
    Path broken = Files.writeString(folder.resolve("bad-trust.txt"), "https://not-a-did.example\n");

    assertThat(
            run(
                "verify",
                credential.toString(),
                "--trust",
                trusting.toString(),
                "--allow-loopback-http"))
        .as(out.toString())
        .isZero();
    assertThat(
            run(
                "verify",
                credential.toString(),
                "--trust",
                other.toString(),
                "--allow-loopback-http"))
        .isEqualTo(1);
    assertThat(out.toString())
        .contains("✗ issuer trusted: issuer " + nodeDid + " is not in the trust list");
    assertThat(run("verify", credential.toString(), "--trust", broken.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("not a DID in the trust list");
  }

  @Test
  void usageErrorsAreExitCode2() throws Exception {
    Path presentation = folder.resolve("vp-usage.jwt");
    run(
        "wallet",
        "present",
        "--wallet",
        wallet.toString(),
        "--credential",
        credential.toString(),
        "--nonce",
        "n",
        "--aud",
        AUDIENCE,
        "--out",
        presentation.toString(),
        "--passphrase-file",
        walletPassphrase.toString());

    assertThat(run("verify", presentation.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("needs --nonce N and --aud A");
    assertThat(run("verify", folder.resolve("missing.json").toString())).isEqualTo(2);
    assertThat(run("verify", credential.toString(), "--offline")).isEqualTo(2);
    assertThat(err.toString()).contains("--offline needs --did-docs DIR");
    Path broken = Files.writeString(folder.resolve("broken.json"), "{\"verifiableCredential\": ");
    assertThat(run("verify", broken.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("is not valid JSON (line 1");
  }

  @Test
  void wrongWalletPassphraseIsExitCode2() throws Exception {
    Path wrong = Files.writeString(folder.resolve("wrong-pass"), "not it\n");

    int code =
        run(
            "wallet",
            "present",
            "--wallet",
            wallet.toString(),
            "--credential",
            credential.toString(),
            "--nonce",
            "n",
            "--aud",
            AUDIENCE,
            "--passphrase-file",
            wrong.toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString().strip()).startsWith("baton wallet present: wrong passphrase");
  }

  @Test
  void credentialIssuedSuspendedAndRevokedThroughTheCommandLine() throws Exception {
    Path issued = folder.resolve("cli-issued.json");
    assertThat(
            run(
                "credential",
                "issue",
                "--node",
                node.url(),
                "--token",
                RunningNode.TOKEN,
                "--holder",
                holderDid,
                "--achievement",
                node.url() + "/resources/kosen-mc5-safety",
                "--format",
                "di",
                "--out",
                issued.toString()))
        .as(err.toString())
        .isZero();
    String id = new JsonObject(Files.readString(issued)).getString("credentialId");
    assertThat(
            new JsonObject(Files.readString(issued))
                .getJsonObject("verifiableCredential")
                .getJsonObject("proof"))
        .isNotNull();
    String[] verify = {
      "verify", issued.toString(), "--trust-issuer", nodeDid, "--allow-loopback-http"
    };
    assertThat(run(verify)).as(out.toString()).isZero();

    assertThat(run("credential", "suspend", "--node", node.url(), "--token", RunningNode.TOKEN, id))
        .isZero();
    assertThat(out.toString()).contains(id + ": suspended");
    clearOutput();
    assertThat(run(verify)).isEqualTo(1);
    assertThat(out.toString()).contains("✗ status: the credential is suspended");

    assertThat(
            run("credential", "unsuspend", "--node", node.url(), "--token", RunningNode.TOKEN, id))
        .isZero();
    assertThat(run(verify)).isZero();
    assertThat(run("credential", "revoke", "--node", node.url(), "--token", RunningNode.TOKEN, id))
        .isZero();
    clearOutput();
    assertThat(run("credential", "suspend", "--node", node.url(), "--token", RunningNode.TOKEN, id))
        .as("revocation is final")
        .isEqualTo(1);
    assertThat(err.toString()).contains("HTTP 409", "revocation is final");
  }

  @Test
  void nodeRefusalsAreExitCode1AndAnUnreachableNodeExitCode2() {
    assertThat(
            run(
                "credential",
                "issue",
                "--node",
                node.url(),
                "--token",
                RunningNode.TOKEN,
                "--holder",
                holderDid,
                "--achievement",
                "https://elsewhere.example/resources/x"))
        .isEqualTo(1);
    assertThat(err.toString()).contains("HTTP 422");
    clearOutput();
    assertThat(
            run(
                "credential",
                "revoke",
                "--node",
                node.url(),
                "--token",
                "wrong-token",
                "urn:uuid:x"))
        .isEqualTo(1);
    assertThat(err.toString()).contains("HTTP 403");
    clearOutput();
    int closedPort = CredentialNode.freePort();
    assertThat(
            run(
                "credential",
                "revoke",
                "--node",
                "http://localhost:" + closedPort,
                "--token",
                RunningNode.TOKEN,
                "urn:uuid:x"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("cannot reach");
  }

  private int run(String... args) {
    return BatonCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }
}
