package network.baton.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import network.baton.credential.did.DidMethodResolver;
import network.baton.credential.did.DidResolver;
import network.baton.credential.did.DidWebOptions;
import network.baton.credential.did.DidWebResolver;
import network.baton.credential.did.SavedDidDocuments;
import network.baton.credential.fetch.FetchPolicy;
import network.baton.credential.integrity.EddsaRdfc2022;
import network.baton.credential.schema.AchievementCredentialSchema;
import network.baton.credential.service.OpenBadgesSchemaCheck;
import network.baton.credential.service.SkillFrameworkLookup;
import network.baton.credential.service.StatusListCredentialVerifier;
import network.baton.credential.status.BitstringStatusChecker;
import network.baton.credential.status.StatusListFetcher;
import network.baton.credential.verify.Check;
import network.baton.credential.verify.CredentialVerifier;
import network.baton.credential.verify.VerificationReport;
import network.baton.credential.verify.VerificationService;
import network.baton.node.config.ConfigException;
import network.baton.node.credential.HttpStatusListFetcher;
import network.baton.node.credential.OfflineCopies;
import network.baton.vocab.ContextLoader;
import network.baton.vocab.SkillFramework;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `baton verify`: an employer checks a credential or presentation, online or offline. */
@Command(
    name = "verify",
    description = {
      "Verifies a credential (vc+jwt, an enveloped credential, or JSON-LD with an eddsa-rdfc-2022",
      "proof) or a presentation (vp+jwt, or JSON-LD with the holder's eddsa-rdfc-2022 proof; with",
      "--nonce and --aud), and prints each check with its reason and the skills attested, in",
      "Japanese and English.",
      "Online it resolves did:web over HTTPS and fetches status lists; offline (--offline) it",
      "uses saved DID documents (--did-docs) and status lists (--status-lists) and says which",
      "checks could not be done.",
      "With --membership (a saved signed membership list) and --coordinator-key, the list is",
      "checked against the coordinator's key and its members with the issuer role are trusted.",
      "--save DIR fetches what offline verification needs (DID documents, status lists) instead.",
      "Exit code: 0 every check passed, 1 a check failed, 2 usage or I/O error."
    },
    footer = {
      "",
      "Examples:",
      "  baton verify ec.json --trust-issuer did:web:kosen.example.jp",
      "  baton verify vp.jwt --nonce 8f3a --aud https://employer.example --trust trusted.json",
      "  baton verify vp.json --challenge 8f3a --domain https://employer.example --trust trusted.json",
      "  baton verify ec.json --offline --did-docs ./dids --status-lists ./lists --trust trusted.json",
      "  baton verify ec.json --save ./saved",
      "  baton verify ec.json --trust trusted.json --ca-cert baton-demo/tls/ca.pem"
          + " --allow-loopback-https",
      "  baton verify ec.json --offline --did-docs ./saved/dids --status-lists ./saved/status-lists",
      "      --membership membership.jwt --coordinator-key z6Mk..."
    })
final class VerifyCommand extends TaskCommand {
  private static final Duration REMOTE_TIMEOUT = Duration.ofSeconds(10);
  private static final String OFFLINE_MARK = "(offline)";

  @Parameters(index = "0", paramLabel = "FILE", description = "credential or presentation file")
  Path file;

  @Option(
      names = {"--nonce", "--challenge"},
      paramLabel = "N",
      description = "the nonce (challenge) you gave the holder (presentations)")
  String nonce;

  @Option(
      names = {"--aud", "--domain"},
      paramLabel = "A",
      description = "your DID or URL as audience (domain) (presentations)")
  String audience;

  @Option(
      names = "--trust",
      paramLabel = "FILE",
      description =
          "issuer DIDs you accept: a JSON list, {\"trustedIssuers\": [...]}, or one per line")
  Path trustFile;

  @Option(
      names = "--trust-issuer",
      paramLabel = "DID",
      description = "an issuer DID you accept; repeatable")
  List<String> trustIssuers = new ArrayList<>();

  @Option(
      names = "--offline",
      description = "no network: saved DID documents and status lists only")
  boolean offline;

  @Option(
      names = "--did-docs",
      paramLabel = "DIR",
      description = "saved DID documents (*.json), for --offline")
  Path didDocs;

  @Option(
      names = "--status-lists",
      paramLabel = "DIR",
      description = "saved status list credentials")
  Path statusLists;

  @Option(
      names = "--membership",
      paramLabel = "FILE",
      description = "a saved signed membership list: its issuer members are trusted")
  Path membership;

  @Option(
      names = "--coordinator-key",
      paramLabel = "KEY",
      description =
          "the coordinator's public key (z6Mk... or JWK) to check --membership; repeatable")
  List<String> coordinatorKeys = new ArrayList<>();

  @Option(
      names = "--save",
      paramLabel = "DIR",
      description = "fetch and save the issuers' DID documents and the status lists, then stop")
  Path saveDir;

  @Option(
      names = "--allow-loopback-http",
      description = "plain http for localhost issuers (local demo, tests)")
  boolean allowLoopbackHttp;

  @Option(
      names = "--allow-loopback-https",
      description = "localhost issuers over https only (the local demo with --https)")
  boolean allowLoopbackHttps;

  @CommandLine.Mixin CaCertOptions ca = new CaCertOptions();

  private final ObjectMapper json = new ObjectMapper();

  @Override
  public Integer call() {
    // Fetch and status logs are not for the person reading the report.
    CliLogs.quiet();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      JsonNode content = CredentialFiles.content(file);
      if (saveDir != null) return save(content, out);
      boolean presentation =
          CredentialFiles.presentationJwt(content) != null
              || (content.isObject() && CredentialFiles.isOtherPresentation(content));
      checkUsage(presentation);
      Set<String> trusted = trusted();
      if (membership != null) {
        SavedMembership saved =
            SavedMembership.read(membership, coordinatorKeys, Clock.systemUTC());
        trusted.addAll(saved.issuers());
        out.println(saved.summary());
      }
      VerificationService service = verifier(trusted);
      VerificationReport report =
          presentation
              ? service.verifyPresentation(content, nonce, audience)
              : service.verifyCredential(content);
      ReportText.print(out, report, presentation ? "presentation" : "credential", "");
      List<String> notDone = new ArrayList<>();
      collectOffline(report, notDone);
      notDone.forEach(line -> out.println("not checked offline: " + line));
      if (offline && statusLists != null) {
        // A saved list is a snapshot: a revocation after it was saved is not in it.
        out.println(
            "note: status is as of the saved status lists in "
                + statusLists
                + "; refresh them (--save) to see revocations made since");
      }
      if (trusted.isEmpty() && failed(report, CredentialVerifier.TRUST)) {
        out.println(
            "hint: give --trust FILE, --trust-issuer DID or --membership FILE to say whose"
                + " credentials you accept");
      }
      return report.ok() ? 0 : 1;
    } catch (ConfigException | IOException | UncheckedIOException | IllegalArgumentException e) {
      err.println("baton verify: " + BatonCli.oneLine(e));
      return 2;
    }
  }

  private void checkUsage(boolean presentation) {
    if (presentation && (nonce == null || audience == null)) {
      throw new ConfigException(
          "a presentation needs --nonce N and --aud A (what you asked the holder for)");
    }
    if (!presentation && (nonce != null || audience != null)) {
      throw new ConfigException(
          "--nonce and --aud are for presentations; " + file + " is a credential");
    }
    if (offline && didDocs == null) {
      throw new ConfigException(
          "--offline needs --did-docs DIR (saved DID documents of the issuers)");
    }
    if (!offline && didDocs != null) {
      throw new ConfigException("--did-docs is for --offline");
    }
    if (offline && (allowLoopbackHttp || allowLoopbackHttps)) {
      throw new ConfigException(
          "--allow-loopback-http"
              + (allowLoopbackHttps ? "s" : "")
              + " is for online verification");
    }
    if (membership == null && !coordinatorKeys.isEmpty()) {
      throw new ConfigException("--coordinator-key is for checking a --membership list");
    }
  }

  private Set<String> trusted() throws IOException {
    Set<String> dids = new LinkedHashSet<>(trustIssuers);
    if (trustFile != null) {
      String text = CredentialFiles.text(trustFile);
      if (text.startsWith("[") || text.startsWith("{")) {
        JsonNode node = json.readTree(text);
        JsonNode list = node.isArray() ? node : node.path("trustedIssuers");
        if (!list.isArray()) throw new ConfigException(trustFile + " has no list of issuer DIDs");
        list.forEach(did -> dids.add(did.asText("")));
      } else {
        text.lines()
            .map(String::strip)
            .filter(l -> !l.isEmpty() && !l.startsWith("#"))
            .forEach(dids::add);
      }
    }
    for (String did : dids) {
      if (!did.startsWith("did:")) throw new ConfigException("not a DID in the trust list: " + did);
    }
    return dids;
  }

  private int save(JsonNode content, PrintWriter out) {
    if (offline) throw new ConfigException("--save fetches from the network; drop --offline");
    for (String line : new OfflineCopies(onlineDids(), onlineLists()).save(content, saveDir)) {
      out.println("saved " + line);
    }
    out.println(
        "verify offline with: --offline --did-docs "
            + OfflineCopies.didDocs(saveDir)
            + " --status-lists "
            + OfflineCopies.statusLists(saveDir));
    return 0;
  }

  // Only a verifier: no keys, no folder, no catalogue. Trust exactly the given issuers (with none
  // given, nobody).
  private VerificationService verifier(Set<String> trusted) throws IOException {
    DidResolver dids = offline ? savedDidDocuments() : onlineDids();
    Map<URI, String> saved = statusLists == null ? Map.of() : savedStatusLists();
    StatusListFetcher online = onlineLists();
    StatusListFetcher lists =
        url -> {
          String list = saved.get(url);
          if (list != null) return list;
          if (offline)
            throw new IOException("no saved status list for " + url + " " + OFFLINE_MARK);
          return online.fetch(url);
        };
    EddsaRdfc2022 suite = new EddsaRdfc2022(ContextLoader.bundled().documentLoader());
    Clock clock = Clock.systemUTC();
    return VerificationService.builder(dids)
        .trust(trusted::contains)
        .status(
            new BitstringStatusChecker(
                lists,
                new StatusListCredentialVerifier(dids, suite),
                clock,
                BitstringStatusChecker.Options.defaults()))
        .skills(new SkillFrameworkLookup(SkillFramework.load()))
        .clock(clock)
        .dataIntegrity(suite)
        .check(
            OpenBadgesSchemaCheck.NAME,
            new OpenBadgesSchemaCheck(AchievementCredentialSchema.bundled()))
        .build();
  }

  private DidResolver onlineDids() {
    return new DidMethodResolver(
        new DidWebResolver(DidWebOptions.defaults().withTimeout(REMOTE_TIMEOUT), fetchPolicy()));
  }

  private StatusListFetcher onlineLists() {
    return new HttpStatusListFetcher(
        REMOTE_TIMEOUT, HttpStatusListFetcher.DEFAULT_MAX_BYTES, fetchPolicy());
  }

  // https to public addresses; loopback too over https with --allow-loopback-https, plain http
  // included with --allow-loopback-http; https trusting the JDK's CAs and any --ca-cert.
  private FetchPolicy fetchPolicy() {
    return FetchPolicy.of(allowLoopbackHttp, allowLoopbackHttps).withTrust(ca.trust());
  }

  private SavedDidDocuments savedDidDocuments() throws IOException {
    List<JsonNode> documents = new ArrayList<>();
    for (Path path : filesIn(didDocs)) {
      JsonNode node = json.readTree(CredentialFiles.text(path));
      documents.add(node);
    }
    try {
      return SavedDidDocuments.of(documents);
    } catch (RuntimeException e) {
      throw new ConfigException(
          "a saved DID document in " + didDocs + " is not usable: " + e.getMessage());
    }
  }

  private Map<URI, String> savedStatusLists() throws IOException {
    Map<URI, String> lists = new HashMap<>();
    for (Path path : filesIn(statusLists)) {
      String text = CredentialFiles.text(path);
      JsonNode credential;
      try {
        credential =
            text.startsWith("{")
                ? json.readTree(text)
                : json.readTree(JWSObject.parse(text).getPayload().toString());
      } catch (ParseException e) {
        throw new ConfigException(path + " is neither a JSON status list nor a vc+jwt");
      }
      String id = credential.path("id").asText("");
      if (id.isEmpty()) throw new ConfigException(path + " is a status list without an id");
      lists.put(URI.create(id), text);
    }
    return lists;
  }

  private static List<Path> filesIn(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) throw new ConfigException("no folder " + dir);
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(Files::isRegularFile).sorted().toList();
    }
  }

  private static boolean failed(VerificationReport report, String check) {
    return report.check(check).map(c -> !c.passed()).orElse(false)
        || report.credentials().stream().anyMatch(r -> failed(r, check));
  }

  private static void collectOffline(VerificationReport report, List<String> lines) {
    for (Check check : report.checks()) {
      String reason = check.reason();
      if (!check.passed() && reason.contains(OFFLINE_MARK)) {
        // The innermost cause says what was missing: "no saved status list for <url>".
        String cause =
            reason.substring(reason.lastIndexOf(": ") + 2).replace(OFFLINE_MARK, "").strip();
        lines.add(check.name() + " (" + cause + ")");
      }
    }
    report.credentials().forEach(r -> collectOffline(r, lines));
  }
}
