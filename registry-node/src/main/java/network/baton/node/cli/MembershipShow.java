package network.baton.node.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import network.baton.credential.keys.PublicKeyMaterial;
import network.baton.node.config.ConfigException;
import network.baton.node.federation.Member;
import network.baton.node.federation.Role;
import network.baton.node.federation.membership.InvalidMembershipList;
import network.baton.node.federation.membership.MembershipList;
import network.baton.node.federation.membership.MembershipVerifier;
import network.baton.node.federation.membership.SignedMembershipList;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** Verifies and prints a signed list (or prints a draft). */
@Command(
    name = "show",
    description = {
      "Verifies a signed list against the coordinator key and prints it.",
      "A list draft (JSON) is printed without a check.",
      "Give the public key (--coordinator-key, multibase or JWK JSON) or the key file (--key)."
    },
    footer = {
      "",
      "Examples:",
      "  baton membership show membership.jwt --coordinator-key z6Mk...",
      "  baton membership show membership.jwt --key coordinator.pem",
      "  baton membership show list.json"
    })
final class MembershipShow extends TaskCommand {
  @ParentCommand MembershipCommand parent;

  @Parameters(paramLabel = "FILE", description = "signed list (membership.jwt) or draft")
  Path file;

  @Option(
      names = "--coordinator-key",
      paramLabel = "KEY",
      description = "trusted coordinator public key; repeat for several")
  List<String> coordinatorKeys = new ArrayList<>();

  @Option(names = "--key", paramLabel = "FILE", description = "coordinator key file")
  Path key;

  @Override
  public Integer call() {
    String text;
    try {
      text = Files.readString(file, UTF_8).strip();
    } catch (java.nio.file.NoSuchFileException e) {
      throw new ConfigException("file not found: " + file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (text.startsWith("{")) {
      out.println("unsigned list draft " + file);
      print(out, MembershipList.fromJson(text));
      return 0;
    }
    List<PublicKeyMaterial> anchors = anchors();
    try {
      SignedMembershipList signed = new MembershipVerifier(anchors, parent.clock()).verify(text);
      out.println("valid signed membership list " + file);
      print(out, signed.list());
      return 0;
    } catch (InvalidMembershipList e) {
      spec.commandLine().getErr().println("baton: membership list refused: " + e.getMessage());
      return 1;
    }
  }

  private List<PublicKeyMaterial> anchors() {
    List<PublicKeyMaterial> anchors =
        new ArrayList<>(SavedMembership.coordinatorKeys(coordinatorKeys));
    if (key != null) {
      anchors.add(parent.readKey(key).publicKey());
    }
    if (anchors.isEmpty()) {
      throw new ConfigException(
          "give the coordinator key to check against: --coordinator-key KEY or --key FILE");
    }
    return anchors;
  }

  static void print(PrintWriter out, MembershipList list) {
    out.println("network:  " + list.network());
    out.println("version:  " + list.version());
    out.println("issued:   " + list.issuedAt());
    out.println("expires:  " + list.expiresAt());
    out.println("members:  " + list.members().size());
    for (Member member : list.members()) {
      out.println(
          "  "
              + member.did()
              + "  "
              + member.baseUrl()
              + "  "
              + (member.name().isEmpty() ? "-" : member.name())
              + "  ["
              + roleNames(member)
              + "]");
    }
  }

  static String roleNames(Member member) {
    return member.roles().stream().map(Role::jsonName).sorted().collect(Collectors.joining(", "));
  }
}
