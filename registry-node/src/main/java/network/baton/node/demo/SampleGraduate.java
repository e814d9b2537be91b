package network.baton.node.demo;

import static java.nio.charset.StandardCharsets.UTF_8;
import static network.baton.node.demo.DemoFolder.read;
import static network.baton.node.demo.DemoFolder.write;

import com.fasterxml.jackson.databind.node.TextNode;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import network.baton.credential.did.DidMethodResolver;
import network.baton.credential.did.DidWebOptions;
import network.baton.credential.did.DidWebResolver;
import network.baton.credential.fetch.FetchPolicy;
import network.baton.credential.http.CredentialRoutes;
import network.baton.credential.issue.HolderWallet;
import network.baton.credential.issue.VcContexts;
import network.baton.credential.keys.KeyFile;
import network.baton.node.credential.HttpStatusListFetcher;
import network.baton.node.credential.OfflineCopies;

/**
 * The demo's sample graduate: their wallet, the credential the kosen issues to them (asked of the
 * running kosen node over HTTP, as its staff would), a presentation of it for the employer, and
 * what an offline employer needs to check it.
 */
final class SampleGraduate {
  private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(30);

  private final DemoFolder folder;
  private final SecureRandom random;
  private final KeyFile keyFile;
  private final PrintWriter progress;
  private final FetchPolicy policy;
  private final HttpClient http;

  /** The graduate, the demo reaching its members under this policy (and the CA it trusts). */
  SampleGraduate(
      DemoFolder folder,
      SecureRandom random,
      KeyFile keyFile,
      PrintWriter progress,
      FetchPolicy policy) {
    this.folder = folder;
    this.random = random;
    this.keyFile = keyFile;
    this.progress = progress;
    this.policy = policy;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .sslContext(policy.trust().sslContext())
            .build();
  }

  /** The graduate's wallet from an earlier start, or a new one. */
  HolderWallet wallet() {
    Path file = folder.graduate("wallet.pem");
    char[] passphrase = folder.secret(folder.graduate("passphrase.txt")).toCharArray();
    if (Files.isRegularFile(file)) {
      return HolderWallet.load(file, passphrase, keyFile);
    }
    HolderWallet wallet = HolderWallet.generate(random);
    DemoFolder.createDirectories(file.getParent());
    wallet.save(file, passphrase, keyFile);
    write(folder.graduate("did.txt"), wallet.did() + "\n");
    progress.println("baton demo: created the graduate's wallet " + file);
    return wallet;
  }

  /**
   * The credential from an earlier start (its ids in {@code state}), or a new one from the kosen
   * for its course, in both formats, with a presentation of it; a new one is saved in {@code
   * state}.
   */
  SampleCredential credential(DemoMember kosen, HolderWallet graduate, JsonObject state) {
    Path dir = folder.credentials();
    Path offline = folder.offline();
    JsonObject saved = state.getJsonObject("credential");
    String achievement = kosen.url(DemoNetwork.ACHIEVEMENT_PATH);
    if (saved == null || !Files.isRegularFile(dir.resolve("credential.jwt"))) {
      JsonObject answer = issue(kosen, graduate, achievement, "vc+jwt");
      String id = answer.getJsonObject("verifiableCredential").getString("id", "");
      if (!id.startsWith(VcContexts.ENVELOPED_VC_PREFIX)) {
        throw new IllegalStateException("the kosen node did not answer with a vc+jwt");
      }
      String jwt = id.substring(VcContexts.ENVELOPED_VC_PREFIX.length());
      write(dir.resolve("credential.jwt"), jwt + "\n");
      JsonObject dataIntegrity = issue(kosen, graduate, achievement, "eddsa-rdfc-2022");
      write(
          dir.resolve("credential-di.json"),
          dataIntegrity.getJsonObject("verifiableCredential").encodePrettily() + "\n");
      String nonce = HexFormat.of().formatHex(random.generateSeed(8));
      write(
          dir.resolve("presentation.jwt"),
          graduate.present(List.of(jwt), nonce, DemoNetwork.EMPLOYER));
      saved =
          new JsonObject()
              .put("credentialId", answer.getString("credentialId"))
              .put("dataIntegrityCredentialId", dataIntegrity.getString("credentialId"))
              .put("nonce", nonce);
      state.put("credential", saved);
      folder.writeState(state);
      progress.println(
          "baton demo: the kosen issued "
              + answer.getString("credentialId")
              + " to the graduate "
              + graduate.did());
    }
    return new SampleCredential(
        saved.getString("credentialId"),
        kosen.did(),
        graduate.did(),
        achievement,
        dir.resolve("credential.jwt"),
        dir.resolve("credential-di.json"),
        dir.resolve("presentation.jwt"),
        saved.getString("nonce"),
        DemoNetwork.EMPLOYER,
        OfflineCopies.didDocs(offline),
        OfflineCopies.statusLists(offline),
        offline.resolve("trusted.json"));
  }

  /**
   * Saves what an offline employer needs, as {@code baton verify --save} would: the issuer's DID
   * document and the credential's status list as it is now (both refreshed at every start), and the
   * issuers to trust.
   */
  void saveOfflineCopies(SampleCredential credential) {
    OfflineCopies copies =
        new OfflineCopies(
            new DidMethodResolver(
                new DidWebResolver(DidWebOptions.defaults().withTimeout(HTTP_TIMEOUT), policy)),
            new HttpStatusListFetcher(
                HTTP_TIMEOUT, HttpStatusListFetcher.DEFAULT_MAX_BYTES, policy));
    copies.save(
        TextNode.valueOf(read(credential.jwtFile()).strip()), credential.didDocsDir().getParent());
    write(
        credential.trustFile(),
        new JsonArray().add(credential.issuerDid()).encodePrettily() + "\n");
  }

  private JsonObject issue(
      DemoMember issuer, HolderWallet graduate, String achievement, String format) {
    JsonObject body = CredentialRoutes.issueRequest(graduate.did(), achievement, format);
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(URI.create(issuer.url("/credentials/issue")))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + issuer.adminToken())
                .POST(HttpRequest.BodyPublishers.ofString(body.encode(), UTF_8)));
    if (response.statusCode() != 201) {
      throw new IllegalStateException(
          "the "
              + issuer.key()
              + " node refused to issue the sample credential (HTTP "
              + response.statusCode()
              + "): "
              + response.body());
    }
    return new JsonObject(response.body());
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.timeout(HTTP_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException("a demo node did not answer: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while talking to a demo node", e);
    }
  }
}
