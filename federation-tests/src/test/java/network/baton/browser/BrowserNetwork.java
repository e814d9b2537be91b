package network.baton.browser;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import network.baton.node.cli.BatonCli;
import network.baton.node.demo.DemoMember;
import network.baton.node.demo.DemoNetwork;
import network.baton.node.demo.DemoOptions;
import network.baton.node.demo.SampleCredential;
import network.baton.vocab.SampleContent.Institution;

/**
 * The network the browser tests open: the demo network ({@code ./baton demo}) on free loopback
 * ports: three members with the sample content and a signed membership list, and the sample
 * credential the kosen issued to the sample graduate.
 */
final class BrowserNetwork implements AutoCloseable {

  private final DemoNetwork demo;

  private BrowserNetwork(DemoNetwork demo) {
    this.demo = demo;
  }

  /** Starts the demo network in folder. */
  static BrowserNetwork start(Path folder) {
    BrowserNetwork network =
        new BrowserNetwork(DemoNetwork.start(folder.resolve("demo"), DemoOptions.randomPorts()));
    try {
      network.warmUp();
      return network;
    } catch (RuntimeException e) {
      network.close();
      throw e;
    }
  }

  /** The kosen member's base URL (the node whose pages the tests open). */
  String kosenUrl() {
    return trimSlash(demo.member(Institution.KOSEN).baseUrl().toString());
  }

  /** The sample credential's vc+jwt, as the demo wrote it to its file. */
  String credentialJwt() {
    return read(demo.credential().jwtFile()).strip();
  }

  /** The sample credential. */
  SampleCredential credential() {
    return demo.credential();
  }

  /**
   * A presentation of the sample credential for a challenge and domain, made with the graduate's
   * wallet as {@code baton wallet present} does.
   */
  String presentation(String challenge, String domain) {
    Path out = demo.folder().resolve("graduate-presentation-" + challenge + ".jwt");
    StringWriter log = new StringWriter();
    int exit =
        BatonCli.execute(
            new PrintWriter(log, true),
            new PrintWriter(log, true),
            "wallet",
            "present",
            "--wallet",
            demo.walletFile().toString(),
            "--passphrase-file",
            demo.walletPassphraseFile().toString(),
            "--credential",
            demo.credential().jwtFile().toString(),
            "--challenge",
            challenge,
            "--domain",
            domain,
            "--out",
            out.toString());
    if (exit != 0) throw new IllegalStateException("wallet present failed: " + log);
    return read(out).strip();
  }

  // The first network search of a cold JVM (class loading, JIT, text index readers) can miss the
  // 2 s deadline meant for people on a busy machine; one search per member first keeps the
  // browser tests about the pages.
  private void warmUp() {
    HttpClient client = HttpClient.newHttpClient();
    for (DemoMember member : demo.members()) {
      try {
        client.send(
            HttpRequest.newBuilder(
                    URI.create(
                        trimSlash(member.baseUrl().toString())
                            + "/federation/search?q=battery&deadline=10000"))
                .build(),
            HttpResponse.BodyHandlers.discarding());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  private static String trimSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    demo.close();
  }
}
