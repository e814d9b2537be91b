package network.baton.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import network.baton.credential.did.Multikey;
import network.baton.node.Cli;
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
  private final Cli cli = new Cli();

  private int run(Map<String, String> env, String... args) {
    cli.clear();
    return MembershipCommand.execute(env, cli.outWriter(), cli.errWriter(), args);
  }

  private int init(Map<String, String> env, Path key, String network, Path list, String... more) {
    String[] init = {
      "init", "--key", key.toString(), "--network", network, "--out", list.toString()
    };
    return run(env, Cli.join(init, more));
  }

  private int add(Path list, String did, String url, String... roles) {
    return run(
        ENV,
        Cli.join(
            new String[] {"add", "--list", list.toString(), "--did", did, "--url", url}, roles));
  }

  private int sign(Map<String, String> env, Path list, Path key, Path jwt) {
    return run(
        env, "sign", "--list", list.toString(), "--key", key.toString(), "--out", jwt.toString());
  }

  private String publicKeyPrinted() {
    return cli.out()
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

    assertThat(init(ENV, key, "BATON", list)).isZero();
    String publicKey = publicKeyPrinted();
    assertThat(key).exists();
    assertThat(Files.readString(key)).doesNotContain(publicKey).contains("ENCRYPTED");
    assertThat(
            add(
                list,
                "did:web:kosen.example",
                "https://kosen.example",
                "--name",
                "Kosen",
                "--role",
                "issuer",
                "--role",
                "publisher"))
        .isZero();
    assertThat(add(list, "did:web:hs.example", "https://hs.example", "--role", "publisher"))
        .isZero();
    assertThat(run(ENV, "remove", "--list", list.toString(), "--did", "did:web:hs.example"))
        .isZero();
    assertThat(sign(ENV, list, key, jwt)).isZero();
    assertThat(cli.out()).contains("signed version 2", "1 members");

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
    assertThat(cli.out())
        .contains(
            "valid signed membership list",
            "version:  2",
            "did:web:kosen.example",
            "[issuer, publisher]");

    assertThat(sign(ENV, list, key, jwt)).isZero();
    assertThat(cli.out()).contains("signed version 3");
  }

  @Test
  void showRefusesAListSignedByAnotherCoordinator() throws Exception {
    Path list = folder.resolve("list.json");
    Path jwt = folder.resolve("membership.jwt");
    init(ENV, folder.resolve("real.pem"), "BATON", list);
    String realKey = publicKeyPrinted();
    init(ENV, folder.resolve("rogue.pem"), "BATON", folder.resolve("rogue.json"));
    sign(ENV, list, folder.resolve("rogue.pem"), jwt);

    int code = run(Map.of(), "show", jwt.toString(), "--coordinator-key", realKey);

    assertThat(code).isEqualTo(1);
    assertThat(cli.err().strip())
        .startsWith("baton: membership list refused: unknown key")
        .doesNotContain("\n");
  }

  @Test
  void missingPassphraseWrongPassphraseAndBadInputAreOneLineErrors() throws Exception {
    Path key = folder.resolve("coordinator.pem");
    Path list = folder.resolve("list.json");

    assertThat(init(Map.of(), key, "N", list)).isEqualTo(2);
    assertThat(cli.err()).contains(MembershipCommand.PASSPHRASE_ENV);
    assertThat(key).doesNotExist();

    init(ENV, key, "N", list);
    assertThat(
            sign(
                Map.of(MembershipCommand.PASSPHRASE_ENV, "wrong"),
                list,
                key,
                folder.resolve("m.jwt")))
        .isEqualTo(1);
    assertThat(folder.resolve("m.jwt")).doesNotExist();

    assertThat(add(list, "kosen", "https://kosen.example")).isEqualTo(2);
    assertThat(cli.err().strip()).isEqualTo("baton: member DID must start with 'did:': kosen");
    assertThat(add(list, "did:web:x", "https://x.example", "--role", "admin")).isEqualTo(2);
    assertThat(cli.err()).contains("unknown member role: admin");
    assertThat(run(ENV, "remove", "--list", list.toString(), "--did", "did:web:nobody"))
        .isEqualTo(1);
    assertThat(cli.err()).contains("not a member");
    assertThat(init(ENV, key, "N", list, "--expires", "soon")).isEqualTo(2);
    assertThat(run(Map.of(), "show", folder.resolve("none.jwt").toString())).isEqualTo(2);
    assertThat(run(Map.of(), "show", list.toString())).isZero();
    assertThat(cli.out()).contains("unsigned list draft");
  }

  @Test
  void batonHelpListsMembershipWithExamples() {
    assertThat(cli.run("membership", "--help")).isZero();
    assertThat(cli.out())
        .contains(
            "init",
            "add",
            "remove",
            "sign",
            "show",
            "baton membership sign --list list.json --key coord.pem --out membership.jwt");
  }
}
