package network.baton.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import network.baton.credential.did.Multikey;
import network.baton.node.federation.Role;
import network.baton.node.federation.membership.MembershipList;
import network.baton.node.federation.membership.MembershipVerifier;
import network.baton.node.federation.membership.SignedMembershipList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MembershipCommandTest {

  private static final Map<String, String> ENV =
      Map.of(MembershipCommand.PASSPHRASE_ENV, "correct horse battery staple");

  @TempDir Path folder;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(Map<String, String> env, String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    return MembershipCommand.execute(
        env, new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  private String publicKeyPrinted() {
    return out.toString()
        .lines()
        .filter(l -> l.strip().startsWith("z6Mk"))
        .findFirst()
        .orElseThrow()
        .strip();
  }

  @Test
  void initAddRemoveSignShowRoundTrip() throws Exception {
    Path key = folder.resolve("coordinator.pem");
    Path list = folder.resolve("list.json");
    Path jwt = folder.resolve("membership.jwt");

    assertThat(
            run(
                ENV,
                "init",
                "--key",
                key.toString(),
                "--network",
                "BATON",
                "--out",
                list.toString()))
        .isZero();
    String publicKey = publicKeyPrinted();
    assertThat(key).exists();
    assertThat(Files.readString(key)).doesNotContain(publicKey).contains("ENCRYPTED");
    assertThat(
            run(
                ENV,
                "add",
                "--list",
                list.toString(),
                "--did",
                "did:web:kosen.example",
                "--url",
                "https://kosen.example",
                "--name",
                "Kosen",
                "--role",
                "issuer",
                "--role",
                "publisher"))
        .isZero();
    assertThat(
            run(
                ENV,
                "add",
                "--list",
                list.toString(),
                "--did",
                "did:web:hs.example",
                "--url",
                "https://hs.example",
                "--role",
                "publisher"))
        .isZero();
    assertThat(run(ENV, "remove", "--list", list.toString(), "--did", "did:web:hs.example"))
        .isZero();
    assertThat(
            run(
                ENV,
                "sign",
                "--list",
                list.toString(),
                "--key",
                key.toString(),
                "--out",
                jwt.toString()))
        .isZero();
    assertThat(out.toString()).contains("signed version 2", "1 members");

    SignedMembershipList signed =
        new MembershipVerifier(List.of(Multikey.decode(publicKey)), Clock.systemUTC())
            .verify(Files.readString(jwt));
    assertThat(signed.list().network()).isEqualTo("BATON");
    assertThat(signed.list().members())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.did()).isEqualTo("did:web:kosen.example");
              assertThat(m.roles()).containsExactlyInAnyOrder(Role.ISSUER, Role.PUBLISHER);
            });
    assertThat(MembershipList.fromJson(Files.readString(list)).version()).isEqualTo(2);

    assertThat(run(Map.of(), "show", jwt.toString(), "--coordinator-key", publicKey)).isZero();
    assertThat(out.toString())
        .contains(
            "valid signed membership list",
            "version:  2",
            "did:web:kosen.example",
            "[issuer, publisher]");

    assertThat(
            run(
                ENV,
                "sign",
                "--list",
                list.toString(),
                "--key",
                key.toString(),
                "--out",
                jwt.toString()))
        .isZero();
    assertThat(out.toString()).contains("signed version 3");
  }

  @Test
  void showRefusesAListSignedByAnotherCoordinator() throws Exception {
    Path list = folder.resolve("list.json");
    Path jwt = folder.resolve("membership.jwt");
    run(
        ENV,
        "init",
        "--key",
        folder.resolve("real.pem").toString(),
        "--network",
        "BATON",
        "--out",
        list.toString());
    String realKey = publicKeyPrinted();
    run(
        ENV,
        "init",
        "--key",
        folder.resolve("rogue.pem").toString(),
        "--network",
        "BATON",
        "--out",
        folder.resolve("rogue.json").toString());
    run(
        ENV,
        "sign",
        "--list",
        list.toString(),
        "--key",
        folder.resolve("rogue.pem").toString(),
        "--out",
        jwt.toString());

    int code = run(Map.of(), "show", jwt.toString(), "--coordinator-key", realKey);

    assertThat(code).isEqualTo(1);
    assertThat(err.toString().strip())
        .startsWith("baton: membership list refused: unknown key")
        .doesNotContain("\n");
  }

  @Test
  void missingPassphraseWrongPassphraseAndBadInputAreOneLineErrors() throws Exception {
    Path key = folder.resolve("coordinator.pem");
    Path list = folder.resolve("list.json");

    assertThat(
            run(
                Map.of(),
                "init",
                "--key",
                key.toString(),
                "--network",
                "N",
                "--out",
                list.toString()))
        .isEqualTo(2);
    assertThat(err.toString()).contains(MembershipCommand.PASSPHRASE_ENV);
    assertThat(key).doesNotExist();

    run(ENV, "init", "--key", key.toString(), "--network", "N", "--out", list.toString());
    assertThat(
            run(
                Map.of(MembershipCommand.PASSPHRASE_ENV, "wrong"),
                "sign",
                "--list",
                list.toString(),
                "--key",
                key.toString(),
                "--out",
                folder.resolve("m.jwt").toString()))
        .isEqualTo(1);
    assertThat(folder.resolve("m.jwt")).doesNotExist();

    assertThat(
            run(
                ENV,
                "add",
                "--list",
                list.toString(),
                "--did",
                "kosen",
                "--url",
                "https://kosen.example"))
        .isEqualTo(2);
    assertThat(err.toString().strip()).isEqualTo("baton: member DID must start with 'did:': kosen");
    assertThat(
            run(
                ENV,
                "add",
                "--list",
                list.toString(),
                "--did",
                "did:web:x",
                "--url",
                "https://x.example",
                "--role",
                "admin"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("unknown member role: admin");
    assertThat(run(ENV, "remove", "--list", list.toString(), "--did", "did:web:nobody"))
        .isEqualTo(1);
    assertThat(err.toString()).contains("not a member");
    assertThat(
            run(
                ENV,
                "init",
                "--key",
                key.toString(),
                "--network",
                "N",
                "--out",
                list.toString(),
                "--expires",
                "soon"))
        .isEqualTo(2);
    assertThat(run(Map.of(), "show", folder.resolve("none.jwt").toString())).isEqualTo(2);
    assertThat(run(Map.of(), "show", list.toString())).isZero();
    assertThat(out.toString()).contains("unsigned list draft");
  }

  @Test
  void batonHelpListsMembershipWithExamples() {
    StringWriter help = new StringWriter();
    assertThat(
            BatonCli.execute(
                new PrintWriter(help, true), new PrintWriter(err, true), "membership", "--help"))
        .isZero();
    assertThat(help.toString())
        .contains(
            "init",
            "add",
            "remove",
            "sign",
            "show",
            "baton membership sign --list list.json --key coord.pem --out membership.jwt");
  }
}
