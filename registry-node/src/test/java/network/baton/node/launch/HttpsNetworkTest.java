package network.baton.node.launch;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.TrustManagerFactory;
import network.baton.credential.issue.HolderWallet;
import network.baton.node.cli.BatonCli;
import network.baton.node.config.CredentialSettings;
import network.baton.node.http.SecurityHeaders;
import network.baton.vocab.SampleContent.Institution;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two members on https with a certificate of the network's own CA: the node answers with that
 * certificate (trusted by a client trusting only the CA, refused by one with the JDK's trust
 * alone), and a credential the kosen issues verifies at the other member and with {@code baton
 * verify}, the DID document and the status list fetched over https without {@code
 * allowLoopbackHttp}, until it is revoked.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class HttpsNetworkTest {

  private static final String PASSPHRASE = "https network test";

  private Path root;
  private LocalNetwork network;
  private LocalMember kosen;
  private LocalMember verifier;
  private HttpClient trustingTheCa;

  @BeforeAll
  void start(@TempDir Path folder) throws Exception {
    root = folder;
    List<Integer> ports = LocalPorts.free(2);
    String kosenDid = "did:web:localhost%3A" + ports.get(0);
    network =
        LocalNetwork.start(
            root.resolve("network"),
            NetworkOptions.builder()
                .https()
                .credentials(
                    new CredentialSettings(PASSPHRASE, true, List.of())
                        .withStatusListCacheTtl(Duration.ZERO))
                .build(),
            List.of(
                MemberPlan.sample(Institution.KOSEN).withPort(ports.get(0)),
                MemberPlan.named("verifier")
                    .withPort(ports.get(1))
                    .withConfig(
                        c ->
                            c.withCredentials(
                                c.credentials().withTrustedIssuers(List.of(kosenDid))))));
    kosen = network.member("kosen");
    verifier = network.member("verifier");
    trustingTheCa = HttpClient.newBuilder().sslContext(onlyTheCa()).build();
  }

  @AfterAll
  void stop() {
    if (network != null) network.close();
  }

  @Test
  void membersAreOnHttpsWithTheLocalCaTrustedAndLoopbackOverHttpsOnly() {
    assertThat(kosen.baseUrl().toString()).isEqualTo("https://localhost:" + kosen.port());
    assertThat(kosen.did()).isEqualTo("did:web:localhost%3A" + kosen.port());
    assertThat(kosen.config().server().tls()).isNotNull();
    assertThat(kosen.config().credentials().allowLoopbackHttp()).isFalse();
    assertThat(kosen.config().credentials().allowLoopbackHttps()).isTrue();
    assertThat(kosen.config().credentials().trustedCertificates())
        .containsExactly(network.caCertificate());
    assertThat(network.caCertificate()).isEqualTo(network.folder().resolve("tls/ca.pem"));
  }

  @Test
  void theNodeAnswersHttpsWithItsCertificateAndHsts() throws Exception {
    HttpResponse<String> health = get(trustingTheCa, kosen.url() + "/health");

    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.headers().firstValue("Strict-Transport-Security"))
        .contains(SecurityHeaders.HSTS);
    X509Certificate served =
        (X509Certificate) health.sslSession().orElseThrow().getPeerCertificates()[0];
    assertThat(served.getIssuerX500Principal())
        .isEqualTo(
            LocalCa.in(network.folder().resolve("tls")).certificate().getSubjectX500Principal());
    assertThat(
            served.getSubjectAlternativeNames().stream().map(name -> String.valueOf(name.get(1))))
        .contains("localhost", "127.0.0.1");
  }

  @Test
  void withoutTheCaTheHandshakeFails() {
    HttpClient jdkTrustOnly = HttpClient.newHttpClient();

    assertThatThrownBy(() -> get(jdkTrustOnly, kosen.url() + "/health"))
        .isInstanceOfAny(SSLHandshakeException.class, SSLPeerUnverifiedException.class);
  }

  @Test
  void aCredentialIssuedOverHttpsVerifiesElsewhereUntilRevoked() throws Exception {
    Path ca = network.caCertificate();
    HolderWallet holder = HolderWallet.generate(new SecureRandom());
    Path credential = root.resolve("credential.json");
    Cli issued =
        atKosen(
            "issue",
            "--holder",
            holder.did(),
            "--achievement",
            kosen.url() + "/resources/kosen-mc4-ec",
            "--out",
            credential.toString());
    assertThat(issued.code()).as(issued.err()).isZero();
    String id = issued.err().substring(issued.err().lastIndexOf(' ') + 1).strip();

    JsonObject report = verifyAt(verifier, Files.readString(credential, UTF_8));
    assertThat(report.getBoolean("verified")).as(report.encodePrettily()).isTrue();
    assertThat(check(report, "status").getBoolean("passed")).isTrue();

    Cli online = verifyCli(credential, "--ca-cert", ca.toString(), "--allow-loopback-https");
    assertThat(online.code()).as(online.out() + online.err()).isZero();

    Cli withoutCa = verifyCli(credential, "--allow-loopback-https");
    assertThat(withoutCa.code()).as("the handshake fails without the CA").isEqualTo(1);
    Cli withoutLoopback = verifyCli(credential, "--ca-cert", ca.toString());
    assertThat(withoutLoopback.code()).isEqualTo(1);
    assertThat(withoutLoopback.out()).contains("loopback");

    Cli revoked = atKosen("revoke", id);
    assertThat(revoked.code()).as(revoked.err()).isZero();

    JsonObject after = verifyAt(verifier, Files.readString(credential, UTF_8));
    assertThat(after.getBoolean("verified")).isFalse();
    assertThat(check(after, "status").getBoolean("passed")).isFalse();
    assertThat(check(after, "signature").getBoolean("passed")).isTrue();
    Cli offlineNow = verifyCli(credential, "--ca-cert", ca.toString(), "--allow-loopback-https");
    assertThat(offlineNow.code()).isEqualTo(1);
    assertThat(offlineNow.out()).containsIgnoringCase("revoked");
  }

  @Test
  void theDidDocumentIsServedWhereDidWebSaysOverHttps() throws Exception {
    HttpResponse<String> descriptor = get(trustingTheCa, kosen.url() + "/.well-known/did.json");
    assertThat(descriptor.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(descriptor.body()).getString("id")).isEqualTo(kosen.did());
  }

  // `baton credential SUB` at the kosen, trusting the network's CA.
  private Cli atKosen(String sub, String... more) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "credential",
                sub,
                "--node",
                kosen.url(),
                "--token",
                kosen.adminToken(),
                "--ca-cert",
                network.caCertificate().toString()));
    args.addAll(List.of(more));
    return cli(args.toArray(String[]::new));
  }

  private Cli verifyCli(Path credential, String... more) {
    String[] args = new String[4 + more.length];
    args[0] = "verify";
    args[1] = credential.toString();
    args[2] = "--trust-issuer";
    args[3] = kosen.did();
    System.arraycopy(more, 0, args, 4, more.length);
    return cli(args);
  }

  private JsonObject verifyAt(LocalMember member, String issued) throws Exception {
    JsonObject answer = new JsonObject(issued);
    JsonObject credential =
        answer.containsKey("verifiableCredential")
            ? answer.getJsonObject("verifiableCredential")
            : answer;
    HttpResponse<String> response =
        trustingTheCa.send(
            HttpRequest.newBuilder(URI.create(member.url() + "/credentials/verify"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        new JsonObject().put("verifiableCredential", credential).encode(), UTF_8))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return new JsonObject(response.body());
  }

  private static JsonObject check(JsonObject report, String name) {
    for (Object check : report.getJsonArray("checks", new JsonArray())) {
      JsonObject c = (JsonObject) check;
      if (c.getString("check").equals(name)) return c;
    }
    throw new AssertionError("no check " + name + " in " + report.encodePrettily());
  }

  private record Cli(int code, String out, String err) {}

  private static Cli cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = BatonCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Cli(code, out.toString(), err.toString());
  }

  private static HttpResponse<String> get(HttpClient client, String url) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private SSLContext onlyTheCa() throws Exception {
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    store.load(null, null);
    store.setCertificateEntry("ca", LocalCa.in(network.folder().resolve("tls")).certificate());
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, factory.getTrustManagers(), null);
    return context;
  }
}
