package network.baton.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import network.baton.credential.did.Multikey;
import network.baton.credential.keys.KeyAlgorithm;
import network.baton.credential.keys.SigningKey;
import network.baton.node.RunningNode;
import network.baton.node.TamperedJws;
import network.baton.node.federation.Member;
import network.baton.node.federation.Role;
import network.baton.node.federation.membership.MembershipList;
import network.baton.node.federation.membership.SignedMembershipList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code baton verify --membership LIST --coordinator-key KEY}: a saved list that is forged,
 * changed, expired or checked against the wrong key stops the command with one line and exit code
 * 2, before anything is verified.
 */
class VerifyMembershipOptionTest {

  private static final SigningKey COORDINATOR =
      SigningKey.generate(KeyAlgorithm.ED25519, "coordinator", new SecureRandom());
  private static final String COORDINATOR_KEY = Multikey.encode(COORDINATOR.publicKey());

  @TempDir Path folder;
  private Path credential;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void saveACredential() throws Exception {
    credential =
        Files.writeString(
            folder.resolve("ec.json"), RunningNode.fixture("credential/ob3-simple.json"));
  }

  private static MembershipList list(long version, Instant issued, Instant expires) {
    return new MembershipList(
        version,
        issued,
        expires,
        "BATON",
        List.of(
            new Member(
                "did:web:kosen.example",
                URI.create("https://kosen.example"),
                "Kosen",
                Set.of(Role.ISSUER))));
  }

  private Path saved(String name, String jws) throws Exception {
    return Files.writeString(folder.resolve(name), jws);
  }

  private int verifyWith(Path membership, String key) {
    return run(
        "verify",
        credential.toString(),
        "--membership",
        membership.toString(),
        "--coordinator-key",
        key);
  }

  private String current() {
    Instant now = Instant.now();
    return SignedMembershipList.sign(
            list(3, now.minusSeconds(60), now.plus(Duration.ofDays(30))), COORDINATOR)
        .jws();
  }

  @Test
  void listSignedByAnotherKeyIsRefusedInOneLine() throws Exception {
    SigningKey forger = SigningKey.generate(KeyAlgorithm.ED25519, "forger", new SecureRandom());
    Instant now = Instant.now();
    Path forged =
        saved(
            "forged.jwt",
            SignedMembershipList.sign(
                    list(9, now.minusSeconds(60), now.plus(Duration.ofDays(30))), forger)
                .jws());

    int code = verifyWith(forged, COORDINATOR_KEY);

    assertThat(code).isEqualTo(2);
    assertThat(err.toString().strip())
        .startsWith("baton verify: membership list " + forged + " refused: unknown key")
        .doesNotContain("\n");
    assertThat(out.toString()).doesNotContain("credential:");
  }

  @Test
  void listChangedAfterSigningFailsItsSignature() throws Exception {
    String tampered =
        TamperedJws.replacingInPayload(
            current(), "did:web:kosen.example", "did:web:attacker.example");

    int code = verifyWith(saved("tampered.jwt", tampered), COORDINATOR_KEY);

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("refused: bad signature");
  }

  @Test
  void expiredListIsRefused() throws Exception {
    Instant past = Instant.now().minus(Duration.ofDays(100));
    Path expired =
        saved(
            "expired.jwt",
            SignedMembershipList.sign(list(2, past, past.plus(Duration.ofDays(90))), COORDINATOR)
                .jws());

    int code = verifyWith(expired, COORDINATOR_KEY);

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("refused: expired: version 2 expired at");
  }

  @Test
  void genuineListCheckedAgainstTheWrongKeyIsRefused() throws Exception {
    String otherKey =
        Multikey.encode(
            SigningKey.generate(KeyAlgorithm.ED25519, "other", new SecureRandom()).publicKey());

    int code = verifyWith(saved("membership.jwt", current()), otherKey);

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("refused: unknown key");
  }

  @Test
  void somethingThatIsNotAListOrNotAKeyIsAUsageError() throws Exception {
    assertThat(verifyWith(saved("garbage.jwt", "hello"), COORDINATOR_KEY)).isEqualTo(2);
    assertThat(err.toString()).contains("refused: malformed");

    assertThat(verifyWith(saved("membership.jwt", current()), "z-not-a-key")).isEqualTo(2);
    assertThat(err.toString()).contains("--coordinator-key is not a public key");
  }

  @Test
  void membershipNeedsTheCoordinatorKeyAndTheKeyNeedsAList() throws Exception {
    Path membership = saved("membership.jwt", current());

    assertThat(run("verify", credential.toString(), "--membership", membership.toString()))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--membership needs --coordinator-key");
    assertThat(run("verify", credential.toString(), "--coordinator-key", COORDINATOR_KEY))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--coordinator-key is for checking a --membership list");
    assertThat(
            run(
                "verify",
                credential.toString(),
                "--membership",
                folder.resolve("missing.jwt").toString(),
                "--coordinator-key",
                COORDINATOR_KEY))
        .isEqualTo(2);
    assertThat(err.toString()).contains("no file");
  }

  @Test
  void savingForOfflineUseIsRefusedOfflineAndForAFileWithoutADidIssuer() {
    assertThat(
            run(
                "verify",
                credential.toString(),
                "--save",
                folder.resolve("saved").toString(),
                "--offline"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--save fetches from the network; drop --offline");
    assertThat(run("verify", credential.toString(), "--save", folder.resolve("saved").toString()))
        .as("the 1EdTech example's issuer is a urn:uuid, which cannot be fetched")
        .isEqualTo(2);
    assertThat(err.toString()).contains("a credential has no issuer DID");
    assertThat(folder.resolve("saved")).doesNotExist();
  }

  private int run(String... args) {
    return BatonCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }
}
