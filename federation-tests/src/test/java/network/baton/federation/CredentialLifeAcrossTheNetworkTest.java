package network.baton.federation;

import static network.baton.federation.SignedNetwork.check;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import network.baton.node.cli.BatonCli;
import network.baton.node.federation.Member;
import network.baton.node.federation.Role;
import network.baton.node.federation.membership.MembershipList;
import network.baton.node.launch.LocalMember;
import network.baton.vocab.SampleContent.Institution;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The whole life of a skill credential in a network formed from a signed membership list alone:
 * issued by the kosen node, presented by a graduate, verified by the university node (which trusts
 * kosen only because the list names it as an issuer) and by an employer offline with saved copies,
 * revoked on kosen, then refused everywhere. In both securing formats.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CredentialLifeAcrossTheNetworkTest {

  private static final String COURSE = "kosen-mc4-ec";

  @TempDir static Path root;

  private SignedNetwork network;
  private LocalMember kosen;
  private LocalMember university;
  private Path wallet;
  private Path walletPassphrase;
  private String graduate;
  private Path employer;
  private Path membership;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeAll
  void formTheNetworkAndMakeAWallet() throws Exception {
    network = new SignedNetwork(root, Duration.ZERO);
    kosen = network.start("kosen", Institution.KOSEN);
    university = network.start("university", Institution.UNIVERSITY);
    String v1 = network.sign(1, kosen, university).jws();
    assertThat(network.offer(kosen, v1).statusCode()).isEqualTo(200);
    assertThat(network.offer(university, v1).statusCode()).isEqualTo(200);

    walletPassphrase = Files.writeString(root.resolve("wallet-pass"), "graduate passphrase\n");
    wallet = root.resolve("graduate.pem");
    String passphrase = walletPassphrase.toString();
    int keygen =
        cli("wallet", "keygen", "--out", wallet.toString(), "--passphrase-file", passphrase);
    assertThat(keygen).as(err.toString()).isZero();
    graduate = out.toString().strip();

    // The employer keeps a copy of the list any member serves, checked later with the
    // coordinator's published key.
    employer = Files.createDirectories(root.resolve("employer"));
    membership = Files.writeString(employer.resolve("membership.jwt"), network.listOf(university));
  }

  @AfterAll
  void stopNetwork() {
    if (network != null) network.close();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"vc+jwt", "eddsa-rdfc-2022"})
  void credentialIsTrustedAcrossTheNetworkUntilRevokedThenRefusedEverywhere(String format)
      throws Exception {
    String tag = format.equals("vc+jwt") ? "jwt" : "di";
    JsonObject issued = network.issue(kosen, graduate, COURSE, format);
    JsonObject credential = issued.getJsonObject("verifiableCredential");
    Path file = Files.writeString(root.resolve("ec-" + tag + ".json"), issued.encodePrettily());

    // The university node verifies it: kosen is trusted because the signed list names it.
    JsonObject atUniversity = network.verifyCredential(university, credential);
    assertThat(atUniversity.getBoolean("verified")).as(atUniversity.encodePrettily()).isTrue();
    assertThat(check(atUniversity, "issuer trusted").getBoolean("passed")).isTrue();
    assertThat(atUniversity.getJsonObject("achievement").getString("id"))
        .isEqualTo(kosen.url() + "/resources/" + COURSE);
    // The graduate presents it to the university, answering the challenge the university gave.
    Presentation presented = present(file, tag, network.challenge(university), university.url());
    JsonObject shown =
        network.verifyPresentation(
            university, presented.sent(), presented.nonce(), university.url());
    assertThat(shown.getBoolean("verified")).as(shown.encodePrettily()).isTrue();
    assertThat(check(shown, "holder binding").getBoolean("passed")).isTrue();
    // The same presentation again is a replay: the challenge was used up.
    JsonObject replayed =
        network.verifyPresentation(
            university, presented.sent(), presented.nonce(), university.url());
    assertThat(replayed.getBoolean("verified")).isFalse();

    // The employer saves what it needs once, then verifies with no network at all.
    Path saved = employer.resolve(tag);
    assertThat(cli("verify", file.toString(), "--save", saved.toString(), "--allow-loopback-http"))
        .as(out + "\n" + err)
        .isZero();
    assertThat(offline(saved, file)).as(out.toString() + err).isZero();
    assertThat(out.toString())
        .startsWith("membership list: BATON version 1, 2 issuer(s) trusted")
        .contains("credential: VALID", "✓ signature", "✓ status", "✓ issuer trusted")
        .contains("achievement: Electrochemistry")
        .doesNotContain("✗");
    {
      // A presentation names what it needs just as well: save from it, then verify it offline.
      Path fromPresentation = employer.resolve("from-vp");
      assertThat(
              cli(
                  "verify",
                  presented.file().toString(),
                  "--save",
                  fromPresentation.toString(),
                  "--allow-loopback-http"))
          .as(err.toString())
          .isZero();
      assertThat(
              offline(
                  fromPresentation,
                  presented.file(),
                  "--nonce",
                  presented.nonce(),
                  "--aud",
                  university.url()))
          .as(out.toString())
          .isZero();
      assertThat(out.toString()).contains("presentation: VALID", "credential 0: VALID");
    }

    network.revoke(kosen, issued.getString("credentialId"));

    for (LocalMember node : List.of(university, kosen)) {
      JsonObject report = network.verifyCredential(node, credential);
      assertThat(report.getBoolean("verified")).as(node.name()).isFalse();
      assertThat(check(report, "status").getString("reason")).as(node.name()).contains("revoked");
      assertThat(check(report, "signature").getBoolean("passed")).isTrue();
    }
    {
      Presentation again = present(file, tag, network.challenge(university), university.url());
      JsonObject report =
          network.verifyPresentation(university, again.sent(), again.nonce(), university.url());
      assertThat(report.getBoolean("verified")).isFalse();
    }

    // An offline employer sees only what its saved status list says: the old copy predates the
    // revocation, so the credential still passes there, and the report says what the status is
    // based on.
    assertThat(offline(saved, file)).as(out.toString()).isZero();
    assertThat(out.toString())
        .contains("✓ status")
        .contains(
            "note: status is as of the saved status lists in " + saved.resolve("status-lists"));
    // Refreshing the saved copies shows the revocation offline too.
    assertThat(cli("verify", file.toString(), "--save", saved.toString(), "--allow-loopback-http"))
        .isZero();
    assertThat(offline(saved, file)).isEqualTo(1);
    assertThat(out.toString())
        .contains("credential: NOT VALID", "✗ status: the credential is revoked");
  }

  @Test
  void offlineEmployerTrustsOnlyMembersTheSavedListNamesAsIssuers() throws Exception {
    JsonObject issued = network.issue(kosen, graduate, "kosen-mc5-safety", "vc+jwt");
    Path file = Files.writeString(root.resolve("ec-roles.json"), issued.encodePrettily());
    Path saved = employer.resolve("roles");
    assertThat(cli("verify", file.toString(), "--save", saved.toString(), "--allow-loopback-http"))
        .isZero();
    Instant now = Instant.now();
    Path publisherOnly =
        Files.writeString(
            employer.resolve("publisher-only.jwt"),
            network
                .sign(
                    new MembershipList(
                        7,
                        now.minusSeconds(60),
                        now.plus(Duration.ofDays(30)),
                        "BATON",
                        List.of(
                            new Member(
                                kosen.did(), kosen.baseUrl(), "kosen", Set.of(Role.PUBLISHER)))))
                .jws());

    int code = offline(publisherOnly, saved, file);

    assertThat(code).isEqualTo(1);
    assertThat(out.toString())
        .startsWith("membership list: BATON version 7, 0 issuer(s) trusted")
        .contains("✓ signature", "✗ issuer trusted");
  }

  /** A presentation file and what goes over the wire: a vp+jwt string or a JSON-LD object. */
  private record Presentation(Path file, Object sent, String nonce) {}

  /** {@code baton wallet present --format jwt|di}, as the graduate runs it. */
  private Presentation present(Path credential, String format, String nonce, String audience)
      throws Exception {
    Path file = root.resolve("vp-" + nonce + (format.equals("jwt") ? ".jwt" : ".json"));
    List<String> args = new ArrayList<>(List.of("wallet", "present", "--format", format));
    args.addAll(List.of("--wallet", wallet.toString(), "--credential", credential.toString()));
    args.addAll(List.of("--nonce", nonce, "--aud", audience, "--out", file.toString()));
    args.addAll(List.of("--passphrase-file", walletPassphrase.toString()));
    assertThat(cli(args.toArray(String[]::new))).as(err.toString()).isZero();
    String content = Files.readString(file, StandardCharsets.UTF_8).strip();
    return new Presentation(file, format.equals("jwt") ? content : new JsonObject(content), nonce);
  }

  /** {@code baton verify FILE --offline} with the employer's copies saved in a folder, and list. */
  private int offline(Path saved, Path file, String... more) {
    return offline(membership, saved, file, more);
  }

  private int offline(Path list, Path saved, Path file, String... more) {
    List<String> args = new ArrayList<>(List.of("verify", file.toString(), "--offline"));
    args.addAll(List.of("--did-docs", saved.resolve("dids").toString()));
    args.addAll(List.of("--status-lists", saved.resolve("status-lists").toString()));
    args.addAll(List.of("--membership", list.toString()));
    args.addAll(List.of("--coordinator-key", network.coordinatorKey()));
    args.addAll(List.of(more));
    return cli(args.toArray(String[]::new));
  }

  private int cli(String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    return BatonCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }
}
