package network.baton.node.demo;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.node.TextNode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import network.baton.credential.did.DidMethodResolver;
import network.baton.credential.did.DidWeb;
import network.baton.credential.did.DidWebOptions;
import network.baton.credential.did.DidWebResolver;
import network.baton.credential.did.Multikey;
import network.baton.credential.fetch.FetchPolicy;
import network.baton.credential.http.CredentialRoutes;
import network.baton.credential.issue.HolderWallet;
import network.baton.credential.issue.VcContexts;
import network.baton.credential.keys.EncryptedKeyPem;
import network.baton.credential.keys.KeyAlgorithm;
import network.baton.credential.keys.KeyFile;
import network.baton.credential.keys.SigningKey;
import network.baton.node.NodeSetup;
import network.baton.node.NodeVerticle;
import network.baton.node.auth.AdminTokens;
import network.baton.node.config.ConfigException;
import network.baton.node.config.CredentialSettings;
import network.baton.node.config.NodeConfig;
import network.baton.node.credential.HttpStatusListFetcher;
import network.baton.node.credential.OfflineCopies;
import network.baton.node.federation.Member;
import network.baton.node.federation.Role;
import network.baton.node.federation.membership.MembershipList;
import network.baton.node.federation.membership.MembershipState;
import network.baton.node.federation.membership.SignedMembershipList;
import network.baton.node.importer.ImportSummary;
import network.baton.node.importer.SampleImport;
import network.baton.vocab.SampleContent.Institution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local network of three members (a kosen, a university, a technical high school) on loopback
 * ports, everything in one folder: each member's store with its sample content, a coordinator key
 * and the signed membership list naming the three, admin tokens, a sample graduate's wallet and a
 * credential the kosen issued to them. Starting again on the same folder reuses all of it (no
 * second import, the same credential); {@link #close()} stops every node and closes its store.
 *
 * <p>Demo only: tokens and passphrases are kept in plain files next to what they protect.
 */
public final class DemoNetwork implements AutoCloseable {
  /** The folder the command line uses when none is given. */
  public static final Path DEFAULT_FOLDER = Path.of("baton-demo");

  /** The network name in the signed membership list. */
  public static final String NETWORK_NAME = "BATON demo network";

  /** The kosen course the sample credential attests (Electrochemistry). */
  public static final String ACHIEVEMENT_PATH = "/resources/kosen-mc4-ec";

  /** The audience of the sample presentation: the employer the graduate presents to. */
  public static final String EMPLOYER = "https://employer.example";

  private static final Logger log = LoggerFactory.getLogger(DemoNetwork.class);
  private static final List<Institution> MEMBERS =
      List.of(Institution.KOSEN, Institution.UNIVERSITY, Institution.HIGH_SCHOOL);
  private static final String HOST = "127.0.0.1";
  private static final String STATE_FILE = "demo.json";
  private static final Duration LIST_VALIDITY = Duration.ofDays(90);
  private static final Duration MEMBERSHIP_SYNC = Duration.ofSeconds(30);
  private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(30);

  private final Path folder;
  private final DemoOptions options;
  private final Vertx vertx = Vertx.vertx();
  private final SecureRandom random = new SecureRandom();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final KeyFile keyFile = new KeyFile(new EncryptedKeyPem(random));
  private final List<DemoMember> members = new ArrayList<>();
  private JsonObject state;
  private String coordinatorPublicKey;
  private HolderWallet graduate;
  private SampleCredential credential;
  private boolean closed;

  private DemoNetwork(Path folder, DemoOptions options) {
    this.folder = folder;
    this.options = options;
  }

  /**
   * Starts the demo network in this folder (created when missing, wiped first with {@code reset});
   * fails with a {@link ConfigException} naming the port when one is taken.
   */
  public static DemoNetwork start(Path folder, DemoOptions options) {
    DemoNetwork network = new DemoNetwork(folder.toAbsolutePath().normalize(), options);
    try {
      network.run();
      return network;
    } catch (RuntimeException e) {
      network.close();
      throw e;
    }
  }

  /** The first port a folder was set up with, if it holds a demo already. */
  public static Optional<Integer> storedPortBase(Path folder) {
    Path file = folder.resolve(STATE_FILE);
    if (!Files.isRegularFile(file)) return Optional.empty();
    JsonObject ports = readJson(file).getJsonObject("ports", new JsonObject());
    return Optional.ofNullable(ports.getInteger(Institution.KOSEN.key()));
  }

  /** The demo's folder (absolute). */
  public Path folder() {
    return folder;
  }

  /** The three members: kosen, university, high school. */
  public List<DemoMember> members() {
    return List.copyOf(members);
  }

  /** The member publishing this institution's sample content. */
  public DemoMember member(Institution institution) {
    return members.stream()
        .filter(m -> m.institution() == institution)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no demo member " + institution));
  }

  /** The coordinator's encrypted Ed25519 key file. */
  public Path coordinatorKeyFile() {
    return folder.resolve("coordinator").resolve("coordinator.pem");
  }

  /** The file holding the coordinator key's passphrase (demo only). */
  public Path coordinatorPassphraseFile() {
    return folder.resolve("coordinator").resolve("passphrase.txt");
  }

  /** The coordinator's public key, multibase ({@code z6Mk...}): the nodes' trust anchor. */
  public String coordinatorPublicKey() {
    return coordinatorPublicKey;
  }

  /** The editable list draft ({@code baton membership add|remove|sign --list}). */
  public Path membershipDraftFile() {
    return folder.resolve("coordinator").resolve("list.json");
  }

  /** The signed membership list (JWS) every member was given. */
  public Path membershipFile() {
    return folder.resolve("coordinator").resolve("membership.jwt");
  }

  /** The graduate's encrypted holder key ({@code baton wallet present --wallet}). */
  public Path walletFile() {
    return folder.resolve("graduate").resolve("wallet.pem");
  }

  /** The file holding the wallet's passphrase ({@code --passphrase-file}; demo only). */
  public Path walletPassphraseFile() {
    return folder.resolve("graduate").resolve("passphrase.txt");
  }

  /** The graduate's did:key. */
  public String graduateDid() {
    return graduate.did();
  }

  /** The credential issued to the graduate and the files written for it. */
  public SampleCredential credential() {
    return credential;
  }

  /** Stops every node (closing its store and credential records); safe to call twice. */
  @Override
  public synchronized void close() {
    if (closed) return;
    closed = true;
    try {
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      log.info("demo network stopped [folder: {}]", folder);
    } catch (Exception e) {
      log.warn("demo network did not stop cleanly [folder: {}, reason: {}]", folder, e.toString());
    }
  }

  private void run() {
    if (options.reset()) wipe();
    Path stateFile = folder.resolve(STATE_FILE);
    state = Files.isRegularFile(stateFile) ? readJson(stateFile) : new JsonObject();
    // Ports first: a taken port leaves no half-made folder behind.
    Map<Institution, Integer> ports = ports();
    createDirectories(folder);
    for (Map.Entry<Institution, Integer> port : ports.entrySet()) {
      state.getJsonObject("ports").put(port.getKey().key(), port.getValue());
    }
    writeState();
    writeReadme();
    SigningKey coordinator = coordinatorKey();
    String nodeKeyPassphrase = secret(folder.resolve("node-key-passphrase.txt"));
    for (Institution institution : MEMBERS) {
      URI base = URI.create("http://localhost:" + ports.get(institution));
      Path tokenFile = folder.resolve("tokens").resolve(institution.key() + ".token");
      members.add(
          new DemoMember(
              institution,
              displayName(institution),
              base,
              DidWeb.fromBaseUrl(base),
              secret(tokenFile),
              tokenFile,
              folder.resolve(institution.key())));
    }
    String membership = signMembership(coordinator);
    // The three start side by side (store, shapes, keys); their sample imports follow.
    List<NodeVerticle> nodes = new ArrayList<>();
    List<NodeSetup> setups = new ArrayList<>();
    List<Future<String>> started = new ArrayList<>();
    for (DemoMember member : members) {
      NodeConfig config = nodeConfig(member, membership, nodeKeyPassphrase);
      NodeSetup setup = NodeSetup.standard(config);
      NodeVerticle node = new NodeVerticle(config, setup);
      setups.add(setup);
      nodes.add(node);
      started.add(vertx.deployVerticle(node));
    }
    try {
      await(Future.join(started), "start the members");
    } catch (IllegalStateException e) {
      for (int i = 0; i < started.size(); i++) {
        if (started.get(i).failed() && bindFailure(started.get(i).cause())) {
          throw portInUse(members.get(i).baseUrl().getPort());
        }
      }
      throw e;
    }
    for (int i = 0; i < members.size(); i++) {
      publishSample(members.get(i), nodes.get(i), setups.get(i));
    }
    graduate = wallet();
    credential = sampleCredential();
    saveOfflineCopies();
    log.info(
        "demo network running [folder: {}, members: {}]",
        folder,
        members.stream().map(m -> m.baseUrl().toString()).toList());
  }

  // Wipes only what looks like a demo folder, never an arbitrary folder given by mistake, and
  // never one whose demo is still running (its stores would be deleted under it).
  private void wipe() {
    if (!Files.exists(folder)) return;
    Path stateFile = folder.resolve(STATE_FILE);
    if (Files.isRegularFile(stateFile)) {
      JsonObject ports = readJson(stateFile).getJsonObject("ports", new JsonObject());
      for (Institution institution : MEMBERS) {
        Integer port = ports.getInteger(institution.key());
        if (port != null) checkFree(port);
      }
    }
    boolean empty;
    try (Stream<Path> entries = Files.list(folder)) {
      empty = entries.findAny().isEmpty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + folder + ": " + e.getMessage(), e);
    }
    if (!empty && !Files.isRegularFile(folder.resolve(STATE_FILE))) {
      throw new ConfigException(
          "not wiping " + folder + ": it holds no " + STATE_FILE + ", so it is not a demo folder");
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot wipe " + folder + ": " + e.getMessage(), e);
    }
    options.progress().println("baton demo: wiped " + folder);
  }

  private Map<Institution, Integer> ports() {
    JsonObject stored = state.getJsonObject("ports");
    if (stored == null) {
      stored = new JsonObject();
      state.put("ports", stored);
    }
    Map<Institution, Integer> ports = new LinkedHashMap<>();
    if (stored.containsKey(Institution.KOSEN.key())) {
      // Resource IRIs, DIDs and the credential name these ports: a folder keeps its ports.
      int base = stored.getInteger(Institution.KOSEN.key());
      if (options.portBase() != 0 && options.portBase() != base) {
        throw new ConfigException(
            folder
                + " was set up on ports "
                + base
                + ".."
                + (base + 2)
                + "; give --port-base "
                + base
                + ", or --reset to start afresh on "
                + options.portBase());
      }
      for (Institution institution : MEMBERS) {
        ports.put(institution, stored.getInteger(institution.key()));
      }
    } else if (options.portBase() == 0) {
      List<Integer> free = freePorts(MEMBERS.size());
      for (int i = 0; i < MEMBERS.size(); i++) ports.put(MEMBERS.get(i), free.get(i));
    } else {
      for (int i = 0; i < MEMBERS.size(); i++) {
        ports.put(MEMBERS.get(i), options.portBase() + i);
      }
    }
    for (int port : ports.values()) checkFree(port);
    return ports;
  }

  private static void checkFree(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName(HOST))) {
      socket.setReuseAddress(true);
    } catch (IOException e) {
      throw portInUse(port);
    }
  }

  private static ConfigException portInUse(int port) {
    return new ConfigException(
        "port "
            + port
            + " is in use (another demo or program?); stop it or choose other ports with"
            + " --port-base N");
  }

  private static List<Integer> freePorts(int count) {
    List<ServerSocket> sockets = new ArrayList<>();
    try {
      // All held open at once so the three ports differ.
      for (int i = 0; i < count; i++) {
        sockets.add(new ServerSocket(0, 1, InetAddress.getByName(HOST)));
      }
      return sockets.stream().map(ServerSocket::getLocalPort).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("no free ports: " + e.getMessage(), e);
    } finally {
      for (ServerSocket socket : sockets) {
        try {
          socket.close();
        } catch (IOException e) {
          log.debug("closing a probe socket failed", e);
        }
      }
    }
  }

  private SigningKey coordinatorKey() {
    char[] passphrase = secret(coordinatorPassphraseFile()).toCharArray();
    SigningKey key;
    if (Files.isRegularFile(coordinatorKeyFile())) {
      key = keyFile.read(coordinatorKeyFile(), "coordinator", passphrase);
    } else {
      key = SigningKey.generate(KeyAlgorithm.ED25519, "coordinator", random);
      keyFile.write(coordinatorKeyFile(), key, passphrase);
      options.progress().println("baton demo: created the coordinator key " + coordinatorKeyFile());
    }
    coordinatorPublicKey = Multikey.encode(key.publicKey());
    write(folder.resolve("coordinator").resolve("public-key.txt"), coordinatorPublicKey + "\n");
    return key.withId(SignedMembershipList.keyId(key.publicKey()));
  }

  /**
   * Signs the next edition of the list naming the three members (kosen and university issue), so
   * every start hands the nodes a fresh list with a higher version.
   */
  private String signMembership(SigningKey coordinator) {
    long version =
        Files.isRegularFile(membershipDraftFile())
            ? MembershipList.fromJson(read(membershipDraftFile())).version()
            : 0;
    List<Member> listed = new ArrayList<>();
    for (DemoMember member : members) {
      EnumSet<Role> roles = EnumSet.of(Role.PUBLISHER);
      if (member.institution() != Institution.HIGH_SCHOOL) roles.add(Role.ISSUER);
      listed.add(new Member(member.did(), member.baseUrl(), member.name(), roles));
    }
    Instant now = Instant.now();
    MembershipList edition =
        new MembershipList(version + 1, now, now.plus(LIST_VALIDITY), NETWORK_NAME, listed);
    String jws = SignedMembershipList.sign(edition, coordinator).jws();
    write(membershipDraftFile(), edition.toJson());
    write(membershipFile(), jws);
    return jws;
  }

  private NodeConfig nodeConfig(DemoMember member, String membership, String keyPassphrase) {
    // The node loads this saved list at start: the three know each other from the first request.
    write(MembershipState.fileIn(member.dataDir()), membership);
    NodeConfig defaults = NodeConfig.defaults(member.dataDir(), member.baseUrl());
    return new NodeConfig(
        member.baseUrl().getPort(),
        HOST,
        member.dataDir(),
        member.baseUrl(),
        member.name(),
        member.name(),
        member.did(),
        List.of(AdminTokens.hash(member.adminToken())),
        defaults.bodyLimitBytes(),
        defaults.sparqlTimeout(),
        defaults.resultCap(),
        defaults.languages(),
        new CredentialSettings(keyPassphrase, true, List.of()),
        List.of(Multikey.decode(coordinatorPublicKey)),
        MEMBERSHIP_SYNC,
        List.of());
  }

  /** Publishes the member's sample content unless its store holds resources already. */
  private void publishSample(DemoMember member, NodeVerticle node, NodeSetup setup) {
    long count = node.store().count();
    if (count > 0) {
      options
          .progress()
          .println("baton demo: " + member.key() + " already holds " + count + " resources");
      return;
    }
    ImportSummary summary =
        SampleImport.publish(
            node.store(),
            setup.validator(),
            member.baseUrl(),
            member.institution(),
            options.progress());
    if (summary.exitCode() != 0) {
      throw new IllegalStateException(
          "the "
              + member.key()
              + " sample content was refused in part ("
              + summary.rejected().size()
              + " resources)");
    }
    options
        .progress()
        .println(
            "baton demo: published the "
                + member.key()
                + " sample content ("
                + summary.stored()
                + " resources)");
  }

  private static boolean bindFailure(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof BindException) return true;
    }
    return false;
  }

  private HolderWallet wallet() {
    char[] passphrase = secret(walletPassphraseFile()).toCharArray();
    if (Files.isRegularFile(walletFile())) {
      return HolderWallet.load(walletFile(), passphrase, keyFile);
    }
    HolderWallet wallet = HolderWallet.generate(random);
    createDirectories(walletFile().getParent());
    wallet.save(walletFile(), passphrase, keyFile);
    write(folder.resolve("graduate").resolve("did.txt"), wallet.did() + "\n");
    options.progress().println("baton demo: created the graduate's wallet " + walletFile());
    return wallet;
  }

  /** The credential from an earlier start, or a new one from the kosen for its course. */
  private SampleCredential sampleCredential() {
    DemoMember kosen = member(Institution.KOSEN);
    Path dir = folder.resolve("credentials");
    Path offline = folder.resolve("offline");
    JsonObject saved = state.getJsonObject("credential");
    String achievement = kosen.url(ACHIEVEMENT_PATH);
    if (saved == null || !Files.isRegularFile(dir.resolve("credential.jwt"))) {
      JsonObject answer = issue(kosen, achievement, "vc+jwt");
      String id = answer.getJsonObject("verifiableCredential").getString("id", "");
      if (!id.startsWith(VcContexts.ENVELOPED_VC_PREFIX)) {
        throw new IllegalStateException("the kosen node did not answer with a vc+jwt");
      }
      String jwt = id.substring(VcContexts.ENVELOPED_VC_PREFIX.length());
      write(dir.resolve("credential.jwt"), jwt + "\n");
      JsonObject dataIntegrity = issue(kosen, achievement, "eddsa-rdfc-2022");
      write(
          dir.resolve("credential-di.json"),
          dataIntegrity.getJsonObject("verifiableCredential").encodePrettily() + "\n");
      String nonce = HexFormat.of().formatHex(random.generateSeed(8));
      write(dir.resolve("presentation.jwt"), graduate.present(List.of(jwt), nonce, EMPLOYER));
      saved =
          new JsonObject()
              .put("credentialId", answer.getString("credentialId"))
              .put("dataIntegrityCredentialId", dataIntegrity.getString("credentialId"))
              .put("nonce", nonce);
      state.put("credential", saved);
      writeState();
      options
          .progress()
          .println(
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
        EMPLOYER,
        OfflineCopies.didDocs(offline),
        OfflineCopies.statusLists(offline),
        offline.resolve("trusted.json"));
  }

  private JsonObject issue(DemoMember issuer, String achievement, String format) {
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

  /**
   * Saves what an offline employer needs, as {@code baton verify --save} would: the issuer's DID
   * document and the credential's status list as it is now (both refreshed at every start), and the
   * issuers to trust.
   */
  private void saveOfflineCopies() {
    DemoMember kosen = member(Institution.KOSEN);
    OfflineCopies copies =
        new OfflineCopies(
            new DidMethodResolver(
                new DidWebResolver(
                    DidWebOptions.defaults().withTimeout(HTTP_TIMEOUT), FetchPolicy.of(true))),
            new HttpStatusListFetcher(
                HTTP_TIMEOUT, HttpStatusListFetcher.DEFAULT_MAX_BYTES, FetchPolicy.of(true)));
    copies.save(
        TextNode.valueOf(read(credential.jwtFile()).strip()), credential.didDocsDir().getParent());
    write(credential.trustFile(), new JsonArray().add(kosen.did()).encodePrettily() + "\n");
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

  private static String displayName(Institution institution) {
    return switch (institution) {
      case KOSEN -> "Sample Kosen";
      case UNIVERSITY -> "Sample University";
      case HIGH_SCHOOL -> "Sample Technical High School";
    };
  }

  /** A random secret kept in this file (demo only), made on first use. */
  private String secret(Path file) {
    if (Files.isRegularFile(file)) return read(file).strip();
    String value = AdminTokens.newToken(random);
    write(file, value + "\n");
    ownerOnly(file);
    return value;
  }

  private static void ownerOnly(Path file) {
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (IOException e) {
        log.debug("cannot restrict permissions [file: {}]", file, e);
      }
    }
  }

  private void writeReadme() {
    write(
        folder.resolve("README.txt"),
        """
        BATON demo network (made by `baton demo`; `baton demo --reset` wipes this folder).
        DEMO ONLY: admin tokens and passphrases are kept in plain files here.

          demo.json                 ports of the three members, the sample credential's id
          kosen/ university/ highschool/   each member's store, keys, credential records
          tokens/*.token            each member's admin token (Authorization: Bearer ...)
          node-key-passphrase.txt   passphrase of the members' signing keys
          coordinator/              coordinator key (+ passphrase.txt), public-key.txt,
                                    list.json (draft), membership.jwt (signed list)
          graduate/                 the sample graduate's wallet.pem (+ passphrase.txt), did.txt
          credentials/              credential.jwt (vc+jwt), credential-di.json (eddsa-rdfc-2022),
                                    presentation.jwt (vp+jwt for the nonce in demo.json)
          offline/                  saved DID documents, status lists and trusted.json
                                    for `baton verify --offline`
        """);
  }

  private void writeState() {
    write(folder.resolve(STATE_FILE), state.encodePrettily() + "\n");
  }

  private static JsonObject readJson(Path file) {
    try {
      return new JsonObject(read(file));
    } catch (io.vertx.core.json.DecodeException e) {
      throw new ConfigException(file + " is not valid JSON; fix it or use --reset");
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static void write(Path file, String text) {
    try {
      createDirectories(file.getParent());
      Files.writeString(file, text, UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private static void createDirectories(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir + ": " + e.getMessage(), e);
    }
  }

  private static <T> T await(Future<T> future, String what) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(
          "could not " + what + ": " + e.getCause().getMessage(), e.getCause());
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("could not " + what + " within 120 s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted: " + what, e);
    }
  }
}
