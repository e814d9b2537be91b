package network.baton.node.demo;

import static network.baton.node.demo.DemoFolder.read;
import static network.baton.node.demo.DemoFolder.write;

import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import network.baton.credential.did.Multikey;
import network.baton.credential.fetch.FetchPolicy;
import network.baton.credential.issue.HolderWallet;
import network.baton.credential.keys.EncryptedKeyPem;
import network.baton.credential.keys.KeyAlgorithm;
import network.baton.credential.keys.KeyFile;
import network.baton.credential.keys.SigningKey;
import network.baton.node.config.ConfigException;
import network.baton.node.config.CredentialSettings;
import network.baton.node.federation.Role;
import network.baton.node.federation.membership.MembershipList;
import network.baton.node.federation.membership.SignedMembershipList;
import network.baton.node.importer.ImportSummary;
import network.baton.node.launch.ListEdition;
import network.baton.node.launch.LocalMember;
import network.baton.node.launch.LocalNetwork;
import network.baton.node.launch.LocalPorts.PortInUseException;
import network.baton.node.launch.MemberContent;
import network.baton.node.launch.MemberPlan;
import network.baton.node.launch.NetworkOptions;
import network.baton.vocab.SampleContent.Institution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local network of three members (a kosen, a university, a technical high school) on loopback
 * ports, everything in one folder: each member's store with its sample content, a coordinator key
 * and the signed membership list naming the three, admin tokens, a sample graduate's wallet and a
 * credential the kosen issued to them. Starting again on the same folder reuses all of it (no
 * second import, the same credential); {@link #close()} stops every node and closes its store. The
 * nodes run on the {@link LocalNetwork} launcher; this class keeps what is the demo's own: the
 * folder's ports ({@link DemoPorts}) and files, the sample content and the sample credential.
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
  private static final Duration LIST_VALIDITY = Duration.ofDays(90);
  private static final Duration MEMBERSHIP_SYNC = Duration.ofSeconds(30);

  private final DemoFolder folder;
  private final DemoOptions options;
  private final SecureRandom random = new SecureRandom();
  private final KeyFile keyFile = new KeyFile(new EncryptedKeyPem(random));
  private final List<DemoMember> members = new ArrayList<>();
  private LocalNetwork network;
  private JsonObject state;
  private String coordinatorPublicKey;
  private HolderWallet graduate;
  private SampleCredential credential;
  private boolean closed;

  private DemoNetwork(Path folder, DemoOptions options) {
    this.folder = new DemoFolder(folder, random);
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
    return DemoFolder.storedPortBase(folder);
  }

  /** The demo's folder (absolute). */
  public Path folder() {
    return folder.path();
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
    return folder.coordinator("coordinator.pem");
  }

  /** The file holding the coordinator key's passphrase (demo only). */
  public Path coordinatorPassphraseFile() {
    return folder.coordinator("passphrase.txt");
  }

  /** The coordinator's public key, multibase ({@code z6Mk...}): the nodes' trust anchor. */
  public String coordinatorPublicKey() {
    return coordinatorPublicKey;
  }

  /** The editable list draft ({@code baton membership add|remove|sign --list}). */
  public Path membershipDraftFile() {
    return folder.coordinator("list.json");
  }

  /** The signed membership list (JWS) every member was given. */
  public Path membershipFile() {
    return folder.coordinator("membership.jwt");
  }

  /** The graduate's encrypted holder key ({@code baton wallet present --wallet}). */
  public Path walletFile() {
    return folder.graduate("wallet.pem");
  }

  /** The file holding the wallet's passphrase ({@code --passphrase-file}; demo only). */
  public Path walletPassphraseFile() {
    return folder.graduate("passphrase.txt");
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
    if (network != null) {
      network.close();
      log.info("demo network stopped [folder: {}]", folder.path());
    }
  }

  private void run() {
    if (options.reset()) wipe();
    state = folder.readState();
    boolean https = https();
    // Ports first: a taken port leaves no half-made folder behind.
    Map<Institution, Integer> ports =
        DemoPorts.choose(folder.path(), state, options.portBase(), MEMBERS);
    DemoFolder.createDirectories(folder.path());
    for (Map.Entry<Institution, Integer> port : ports.entrySet()) {
      state.getJsonObject("ports").put(port.getKey().key(), port.getValue());
    }
    state.put("https", https);
    folder.writeState(state);
    folder.writeReadme();
    SigningKey coordinator = coordinatorKey();
    String nodeKeyPassphrase = folder.secret(folder.path().resolve("node-key-passphrase.txt"));
    // Every start signs the next edition of the list naming the three (kosen and university
    // issue), so the nodes get a fresh list with a higher version.
    long version =
        Files.isRegularFile(membershipDraftFile())
            ? MembershipList.fromJson(read(membershipDraftFile())).version()
            : 0;
    network =
        LocalNetwork.create(
            folder.path(),
            NetworkOptions.builder()
                .credentials(new CredentialSettings(nodeKeyPassphrase, true, List.of()))
                .https(https)
                .federatedBy(coordinator, MEMBERSHIP_SYNC)
                .initialList(
                    new ListEdition(version + 1, NETWORK_NAME, Duration.ZERO, LIST_VALIDITY))
                .keepData()
                .build());
    List<LocalMember> started;
    try {
      started = network.start(MEMBERS.stream().map(i -> plan(i, ports.get(i))).toList());
    } catch (PortInUseException e) {
      throw DemoPorts.inUse(e.port());
    }
    for (int i = 0; i < MEMBERS.size(); i++) {
      LocalMember member = started.get(i);
      members.add(
          new DemoMember(
              MEMBERS.get(i),
              member.name(),
              member.baseUrl(),
              member.did(),
              member.adminToken(),
              folder.tokenFile(MEMBERS.get(i)),
              member.dataDir()));
    }
    SignedMembershipList list = network.initialList();
    write(membershipDraftFile(), list.list().toJson());
    write(membershipFile(), list.jws());
    SampleGraduate sample =
        new SampleGraduate(folder, random, keyFile, options.progress(), clientPolicy());
    graduate = sample.wallet();
    credential = sample.credential(member(Institution.KOSEN), graduate, state);
    sample.saveOfflineCopies(credential);
    log.info(
        "demo network running [folder: {}, members: {}]",
        folder.path(),
        members.stream().map(m -> m.baseUrl().toString()).toList());
  }

  /**
   * Whether the members run on https: as asked on a new folder; a folder keeps the scheme its DIDs,
   * IRIs and credential name (asking for https on an http folder needs --reset).
   */
  private boolean https() {
    boolean setUp =
        state.getJsonObject("ports", new JsonObject()).containsKey(Institution.KOSEN.key());
    boolean stored = state.getBoolean("https", false);
    if (setUp && options.https() && !stored) {
      throw new ConfigException(
          folder.path()
              + " was set up on http; give --reset with --https to start afresh on https");
    }
    return options.https() || stored;
  }

  // How the demo itself talks to its members: loopback over https trusting the local CA, or
  // loopback over plain http.
  private FetchPolicy clientPolicy() {
    return network.caCertificate() == null
        ? FetchPolicy.of(true)
        : FetchPolicy.of(false, true).withTrust(network.trust());
  }

  /** The local CA's certificate of an https demo (null: plain http). */
  public Path caCertificate() {
    return network == null ? null : network.caCertificate();
  }

  private MemberPlan plan(Institution institution, int port) {
    EnumSet<Role> roles = EnumSet.of(Role.PUBLISHER);
    if (institution != Institution.HIGH_SCHOOL) roles.add(Role.ISSUER);
    return MemberPlan.named(institution.key())
        .withName(displayName(institution), displayName(institution))
        .withPort(port)
        .withRoles(roles)
        .withAdminToken(folder.secret(folder.tokenFile(institution)))
        .withContent(sample(institution));
  }

  // Never wipes the folder of a demo that is still running (its stores would be deleted under it).
  private void wipe() {
    boolean wiped =
        folder.wipe(
            stored -> {
              JsonObject ports = stored.getJsonObject("ports", new JsonObject());
              for (Institution institution : MEMBERS) {
                Integer port = ports.getInteger(institution.key());
                if (port != null) DemoPorts.checkFree(port);
              }
            });
    if (wiped) options.progress().println("baton demo: wiped " + folder.path());
  }

  private SigningKey coordinatorKey() {
    char[] passphrase = folder.secret(coordinatorPassphraseFile()).toCharArray();
    SigningKey key;
    if (Files.isRegularFile(coordinatorKeyFile())) {
      key = keyFile.read(coordinatorKeyFile(), "coordinator", passphrase);
    } else {
      key = SigningKey.generate(KeyAlgorithm.ED25519, "coordinator", random);
      keyFile.write(coordinatorKeyFile(), key, passphrase);
      options.progress().println("baton demo: created the coordinator key " + coordinatorKeyFile());
    }
    coordinatorPublicKey = Multikey.encode(key.publicKey());
    write(folder.coordinator("public-key.txt"), coordinatorPublicKey + "\n");
    return key.withId(SignedMembershipList.keyId(key.publicKey()));
  }

  /** The member's sample content, unless its store holds resources already. */
  private MemberContent sample(Institution institution) {
    PrintWriter progress = options.progress();
    String key = institution.key();
    return MemberContent.sample(
        institution,
        progress,
        new MemberContent.SampleReport() {
          @Override
          public void held(long resources) {
            progress.println("baton demo: " + key + " already holds " + resources + " resources");
          }

          @Override
          public void published(ImportSummary summary) {
            progress.println(
                "baton demo: published the "
                    + key
                    + " sample content ("
                    + summary.stored()
                    + " resources)");
          }
        });
  }

  private static String displayName(Institution institution) {
    return switch (institution) {
      case KOSEN -> "Sample Kosen";
      case UNIVERSITY -> "Sample University";
      case HIGH_SCHOOL -> "Sample Technical High School";
    };
  }
}
