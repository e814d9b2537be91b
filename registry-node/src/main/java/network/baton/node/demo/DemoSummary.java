package network.baton.node.demo;

import java.io.PrintWriter;
import java.nio.file.Path;
import network.baton.vocab.SampleContent.Institution;

/** What `baton demo` prints once the network runs: the URLs to open and the commands to try. */
public final class DemoSummary {
  private DemoSummary() {}

  /**
   * Prints where to look and what to type next; paths under {@code workingDir} are shown relative
   * to it so the commands paste as they are.
   */
  public static void print(PrintWriter out, DemoNetwork network, Path workingDir) {
    DemoMember kosen = network.member(Institution.KOSEN);
    DemoMember university = network.member(Institution.UNIVERSITY);
    SampleCredential credential = network.credential();
    String credentialFile = shown(credential.jwtFile(), workingDir);
    String trust = shown(credential.trustFile(), workingDir);
    Path ca = network.caCertificate();
    // How the commands below reach the members: trusting the local CA on https.
    String loopback =
        ca == null
            ? " --allow-loopback-http"
            : " --ca-cert " + shown(ca, workingDir) + " --allow-loopback-https";
    String curl = ca == null ? "curl" : "curl --cacert " + shown(ca, workingDir);
    out.println();
    out.println("BATON demo network is running; Ctrl-C stops it.");
    out.println("Folder: " + shown(network.folder(), workingDir) + " (see README.txt there)");
    if (ca != null) {
      out.println(
          "HTTPS with a local CA: "
              + shown(ca, workingDir)
              + " (trust it: curl --cacert, baton ... --ca-cert, or import it into a browser)");
    }
    out.println();
    out.println("Members (open in a browser):");
    for (DemoMember member : network.members()) {
      out.printf("  %-30s %s/%n", member.name(), member.baseUrl());
    }
    out.println("  pages on each: /  /catalogue  /network  /verify  /skills");
    out.println();
    out.println("API (on any member; all of it described at " + kosen.url("/openapi.json") + "):");
    out.println("  " + kosen.url("/federation/search?q=battery") + "   network-wide search");
    out.println("  " + kosen.url("/search?q=battery") + "              this member only");
    out.println("  " + kosen.url("/sparql") + "                        SPARQL 1.1 endpoint");
    out.println("  " + kosen.url("/federation/membership") + "         signed membership list");
    out.println();
    out.println("Sample graduate " + credential.holderDid());
    out.println("  holds " + credential.credentialId() + " from " + kosen.name());
    out.println("  for " + credential.achievement());
    out.println("  vc+jwt:            " + credentialFile);
    out.println("  eddsa-rdfc-2022:   " + shown(credential.dataIntegrityFile(), workingDir));
    out.println(
        "  vp+jwt:            "
            + shown(credential.presentationFile(), workingDir)
            + " (nonce "
            + credential.nonce()
            + ", audience "
            + credential.audience()
            + ")");
    out.println();
    out.println("Try next, in another terminal:");
    out.println("  # search the whole network from the university");
    out.println("  " + curl + " '" + university.url("/federation/search?q=battery") + "'");
    out.println("  # verify the credential as an employer, online (DID and status fetched)");
    out.println("  ./baton verify " + credentialFile + " --trust " + trust + loopback);
    out.println(
        "  # ... and offline, from the saved DID document and status list, trusting the issuers"
            + " the coordinator's signed membership list names");
    out.println(
        "  ./baton verify "
            + credentialFile
            + " --offline --did-docs "
            + shown(credential.didDocsDir(), workingDir)
            + " --status-lists "
            + shown(credential.statusListsDir(), workingDir)
            + " --membership "
            + shown(network.membershipFile(), workingDir)
            + " --coordinator-key "
            + network.coordinatorPublicKey());
    out.println("  # verify the graduate's presentation");
    out.println(
        "  ./baton verify "
            + shown(credential.presentationFile(), workingDir)
            + " --nonce "
            + credential.nonce()
            + " --aud "
            + credential.audience()
            + " --trust "
            + trust
            + loopback);
    out.println("  # the kosen revokes it; verify again: NOT VALID (revoked)");
    out.println(
        "  ./baton credential revoke --node "
            + kosen.baseUrl()
            + (ca == null ? "" : " --ca-cert " + shown(ca, workingDir))
            + " --token \"$(cat "
            + shown(kosen.tokenFile(), workingDir)
            + ")\" "
            + credential.credentialId());
    out.println("  ./baton verify " + credentialFile + " --trust " + trust + loopback);
    out.flush();
  }

  // Paths under the working folder are shown relative to it, so commands paste as they are.
  private static String shown(Path path, Path workingDir) {
    Path absolute = path.toAbsolutePath().normalize();
    return absolute.startsWith(workingDir) && !absolute.equals(workingDir)
        ? workingDir.relativize(absolute).toString()
        : absolute.toString();
  }
}
