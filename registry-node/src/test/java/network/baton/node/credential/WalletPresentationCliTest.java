package network.baton.node.credential;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import network.baton.node.Cli;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The graduate's command line against a real node: a wallet made with {@code baton wallet keygen}
 * presents the node's credentials, and {@code baton verify} checks the presentations.
 */
@Timeout(120)
class WalletPresentationCliTest extends CredentialNodeCli {
  private static final String AUDIENCE = "https://employer.example";

  private Path wallet;
  private Path walletPassphrase;
  private String holderDid;
  private Path credential;

  @BeforeAll
  void makeAWallet() throws Exception {
    walletPassphrase = Files.writeString(folder.resolve("wallet-pass"), "graduate passphrase\n");
    wallet = folder.resolve("me.pem");
    int keygen =
        cli.run("wallet", "keygen", "--out", wallet.toString(), "--passphrase-file", pass());
    assertThat(keygen).as(cli.err()).isZero();
    holderDid = cli.out().strip();
    assertThat(holderDid).startsWith("did:key:z6Mk");
    credential = Files.writeString(folder.resolve("ec.json"), issue("vc+jwt"));
  }

  private String issue(String format) {
    return CredentialNode.issue(node, holderDid, "resources/kosen-mc4-ec", format);
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
}
