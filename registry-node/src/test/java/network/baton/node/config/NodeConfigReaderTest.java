package network.baton.node.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeConfigReaderTest {

  private static final String HASH = "a".repeat(64);

  @TempDir Path folder;
  private final NodeConfigReader reader = new NodeConfigReader();
  private NodeYaml yaml;

  @BeforeEach
  void inTheFolder() {
    yaml = new NodeYaml(folder, "d", "http://x.org");
  }

  @Test
  void yamlConfigFillsInDefaultsAndResolvesDataAgainstTheFile() throws IOException {
    Path file =
        write(
            "node.yaml",
            "port: 9090\ndataDir: data\nbaseUrl: https://kosen.example.jp/baton/\nname: Kosen node\n"
                + "adminTokenHashes: ["
                + HASH
                + "]\nsparqlTimeout: 2s\n");

    NodeConfig config = reader.read(file);

    assertThat(config.server().port()).isEqualTo(9090);
    assertThat(config.server().dataDir()).isEqualTo(folder.resolve("data"));
    assertThat(config.server().baseUrl()).isEqualTo(URI.create("https://kosen.example.jp/baton"));
    assertThat(config.resourceIri("ec101"))
        .isEqualTo("https://kosen.example.jp/baton/resources/ec101");
    assertThat(config.identity().name()).isEqualTo("Kosen node");
    assertThat(config.admin().tokenHashes()).containsExactly(HASH);
    assertThat(config.sparql().timeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(config.server().bodyLimitBytes()).isEqualTo(10L * 1024 * 1024);
    assertThat(config.sparql().resultCap()).isEqualTo(10_000);
    assertThat(config.identity().languages()).containsExactly("ja", "en");
    assertThat(config.attribution()).isEqualTo("https://kosen.example.jp/baton");
  }

  @Test
  void jsonConfigIsReadToo() throws IOException {
    Path file =
        write(
            "node.json",
            "{\"dataDir\": \"/srv/baton\", \"baseUrl\": \"http://localhost:8080\", \"did\": \"did:web:localhost\","
                + " \"bodyLimitBytes\": 1024, \"sparqlTimeout\": \"PT0.5S\", \"languages\": [\"en\"]}");

    NodeConfig config = reader.read(file);

    assertThat(config.server().dataDir()).isEqualTo(Path.of("/srv/baton"));
    assertThat(config.server().bodyLimitBytes()).isEqualTo(1024);
    assertThat(config.sparql().timeout()).isEqualTo(Duration.ofMillis(500));
    assertThat(config.attribution()).isEqualTo("did:web:localhost");
    assertThat(config.server().port()).isEqualTo(8080);
  }

  @Test
  void badBaseUrlIsNamedInOneLine() throws IOException {
    Path file = write("node.yaml", "dataDir: data\nbaseUrl: ftp://example.org\n");

    assertThatThrownBy(() -> reader.read(file))
        .isInstanceOf(ConfigException.class)
        .hasMessage("baseUrl must be an absolute http(s) URL: ftp://example.org");
  }

  @Test
  void missingBaseUrlAndDataAreReported() throws IOException {
    assertThatThrownBy(() -> reader.read(write("a.yaml", "dataDir: data\n")))
        .hasMessageStartingWith("baseUrl is required");
    assertThatThrownBy(() -> reader.read(write("b.yaml", "baseUrl: http://x.org\n")))
        .hasMessageStartingWith("dataDir is required");
  }

  @Test
  void typosAndBadValuesAreRefusedWithTheKeyNamed() throws IOException {
    yaml.refuses("prot: 1\n").hasMessageStartingWith("unknown config key 'prot'");
    yaml.refuses("port: 70000\n").hasMessage("port must be between 0 and 65535: 70000");
    yaml.refuses("adminTokenHashes: [secret]\n")
        .hasMessageContaining("64 lower-case hex digits")
        .hasMessageNotContaining("secret");
    yaml.refuses("sparqlTimeout: soon\n")
        .hasMessageStartingWith("sparqlTimeout must be a duration");
  }

  @Test
  void valuesOfTheWrongTypeAreNotCoercedAndNameTheKey() throws IOException {
    yaml.refuses("port: '8080'\n").hasMessage("port must be a whole number: \"8080\"");
    yaml.refuses("resultCap: 1.5\n").hasMessage("resultCap must be a whole number: 1.5");
    yaml.refuses("allowLoopbackHttp: 'yes'\n")
        .hasMessage("allowLoopbackHttp must be true or false: \"yes\"");
    yaml.refuses("languages: [ja, 1]\n").hasMessage("languages must be a list of strings: 1");
    yaml.refuses("trustedIssuers: did:web:x\n")
        .hasMessage("trustedIssuers must be a list of strings");
    yaml.refuses("host: [a]\n").hasMessage("host must be a string");
    yaml.refuses("statusListCacheTtl: soon\n")
        .hasMessageStartingWith("statusListCacheTtl must be a duration");
  }

  @Test
  void unknownKeysAreRefusedWithEveryKnownKeyListed() throws IOException {
    yaml.refuses("prot: 1\n")
        .hasMessage(
            "unknown config key 'prot'; known keys: "
                + String.join(", ", ConfigFile.KEYS.stream().sorted().toList()))
        .hasMessageContaining("baseUrl, bodyLimitBytes, coordinatorKeys, dataDir, did")
        .hasMessageContaining(
            "sparqlTimeout, statusListCacheTtl, tls, trustedCertificates, trustedIssuers,"
                + " trustedProxies");
    assertThat(ConfigFile.KEYS).hasSize(35);
  }

  @Test
  void durationsAreReadInEachSpelling() throws IOException {
    assertThat(yaml.read("sparqlTimeout: 500ms\n").sparql().timeout())
        .isEqualTo(Duration.ofMillis(500));
    assertThat(yaml.read("sparqlTimeout: 1m\n").sparql().timeout())
        .isEqualTo(Duration.ofMinutes(1));
    assertThat(yaml.read("sparqlTimeout: PT3S\n").sparql().timeout())
        .isEqualTo(Duration.ofSeconds(3));
    assertThat(yaml.read("sparqlTimeout: 2.5\n").sparql().timeout())
        .isEqualTo(Duration.ofMillis(2500));
  }

  @Test
  void malformedYamlAndMissingFileAreOneLineErrors() throws IOException {
    Path file = write("node.yaml", "dataDir: data\nbaseUrl: [unclosed\n");

    assertThatThrownBy(() -> reader.read(file))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("is not valid YAML (line ")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    assertThatThrownBy(() -> reader.read(folder.resolve("nope.yaml")))
        .hasMessageStartingWith("config file not found");
  }

  @Test
  void sparqlCostLimitsAreReadWithDefaultsAndCheckedInOneLine() throws IOException {
    NodeConfig defaults = yaml.read("");
    assertThat(defaults.sparql().limits()).isEqualTo(QueryLimits.defaults());

    NodeConfig set =
        yaml.read(
            "sparqlMaxQueryBytes: 4096\n"
                + "sparqlMaxStringLength: 5000\nsparqlMemoryBytes: 33554432\n"
                + "sparqlMaxAnswerBytes: 1048576\n");
    assertThat(set.sparql().limits()).isEqualTo(new QueryLimits(4096, 5000, 33_554_432, 1_048_576));

    yaml.refuses("sparqlMemoryBytes: 10\n")
        .hasMessage("sparqlMemoryBytes must be at least 1048576 (1 MiB): 10");
    yaml.refuses("sparqlMaxStringLength: lots\n")
        .hasMessage("sparqlMaxStringLength must be a whole number: \"lots\"");
    yaml.refuses("sparqlMaxQueryBytes: 5\n")
        .hasMessage("sparqlMaxQueryBytes must be at least 1024: 5");
  }

  @Test
  void configRecordRefusesBadLimits() {
    NodeConfig ok = NodeConfig.defaults(folder, URI.create("http://x.org"));

    assertThatThrownBy(
            () ->
                ok.withServer(s -> s.withBodyLimitBytes(0))
                    .withSparql(q -> q.with(Duration.ofSeconds(1), 1)))
        .hasMessageStartingWith("bodyLimitBytes");
    assertThatThrownBy(
            () ->
                ok.withServer(s -> s.withBodyLimitBytes(1))
                    .withSparql(q -> q.with(Duration.ZERO, 1)))
        .hasMessageStartingWith("sparqlTimeout");
    assertThatThrownBy(
            () ->
                ok.withServer(s -> s.withBodyLimitBytes(1))
                    .withSparql(q -> q.with(Duration.ofSeconds(1), 0)))
        .hasMessageStartingWith("resultCap");
    assertThat(ok.withAdmin(a -> a.withTokenHashes(List.of(HASH))).admin().tokenHashes())
        .containsExactly(HASH);
  }

  @Test
  void workLimitsAreReadPerKindAndTheRestKeepTheirDefaults() throws IOException {
    Path file =
        write(
            "node.yaml",
            "dataDir: data\nbaseUrl: https://kosen.example.jp\n"
                + "work:\n  sparql: {threads: 2, queue: 3}\n  search: {perClient: 4}\n");

    WorkLimits work = reader.read(file).work();

    WorkLimits defaults = WorkLimits.defaults();
    assertThat(work.sparql()).isEqualTo(new WorkLimit(2, 3, defaults.sparql().perClient()));
    assertThat(work.search())
        .isEqualTo(new WorkLimit(defaults.search().threads(), defaults.search().queue(), 4));
    assertThat(work.read()).isEqualTo(defaults.read());
    assertThat(work.write()).isEqualTo(defaults.write());
    assertThat(work.credentials()).isEqualTo(defaults.credentials());
  }

  @Test
  void trustedProxiesAreIpAddressesOnly() throws IOException {
    NodeYaml kosen = new NodeYaml(folder, "data", "https://kosen.example.jp");
    assertThat(kosen.read("trustedProxies: [127.0.0.1, '::1']\n").server().trustedProxies())
        .containsExactly("127.0.0.1", "::1");
    kosen
        .refuses("trustedProxies: [proxy.local]\n")
        .hasMessageContaining("trustedProxies entries must be IP addresses")
        .hasMessageContaining("proxy.local");
  }

  @Test
  void badWorkLimitsAreRefusedWithTheKeyNamed() throws IOException {
    NodeYaml kosen = new NodeYaml(folder, "data", "https://kosen.example.jp");
    kosen
        .refuses("work: {sprql: {threads: 1}}\n")
        .hasMessageContaining("work.sprql")
        .hasMessageContaining("sparql, search, read, write, credentials");
    kosen.refuses("work: {sparql: {thread: 1}}\n").hasMessageContaining("work.sparql.thread");
    kosen
        .refuses("work: {search: {threads: 0}}\n")
        .hasMessage("work.search: threads must be at least 1: 0");
    kosen.refuses("work: {read: 4}\n").hasMessageContaining("work.read must be an object");
  }

  @Test
  void membersAreReadWithTheirRolesAndBadEntriesAreNamed() throws IOException {
    Path file =
        write(
            "members.yaml",
            "dataDir: data\nbaseUrl: http://a.example\nmembers:\n"
                + "  - {did: 'did:web:a.example', baseUrl: 'http://a.example', name: Kosen,"
                + " roles: [publisher, issuer]}\n"
                + "  - {did: 'did:web:b.example', baseUrl: 'https://b.example'}\n");

    NodeConfig config = reader.read(file);

    assertThat(config.federation().members()).hasSize(2);
    assertThat(config.federation().members().get(0).name()).isEqualTo("Kosen");
    assertThat(config.federation().members().get(0).has(network.baton.node.federation.Role.ISSUER))
        .isTrue();
    assertThat(config.federation().members().get(1).baseUrl())
        .isEqualTo(URI.create("https://b.example"));
    assertThat(
            config.federation().members().get(1).has(network.baton.node.federation.Role.PUBLISHER))
        .isTrue();

    NodeYaml listed = new NodeYaml(folder, "data", "http://a.example");
    listed
        .refuses(
            "members:\n"
                + "  - {did: 'did:web:a.example', baseUrl: 'http://a.example'}\n"
                + "  - {did: 'did:web:b.example', baseUrl: '/relative'}\n")
        .hasMessageStartingWith("members entry 2");
    listed
        .refuses(
            "members:\n"
                + "  - {did: 'did:web:a.example', baseUrl: 'http://a.example'}\n"
                + "  - {did: 'did:web:a.example', baseUrl: 'http://b.example'}\n")
        .hasMessageContaining("same DID twice");
    listed
        .refuses(
            "members:\n"
                + "  - {did: 'did:web:a.example', baseUrl: 'http://a.example', roles: [king]}\n")
        .hasMessageContaining("unknown member role");
  }

  @Test
  void inputLimitsHaveDefaultsAndAreReadAndChecked() throws IOException {

    InputLimits defaults = yaml.read("").input();
    InputLimits read =
        yaml.read(
                "maxNestingDepth: 32\nmaxJsonValues: 5000\nmaxJsonKeys: 100\n"
                    + "maxJsonArrayLength: 200\n")
            .input();

    assertThat(defaults).isEqualTo(new InputLimits(64, 10_000, 500, 500));
    assertThat(read).isEqualTo(new InputLimits(32, 5_000, 100, 200));
    assertThat(read.json().maxDepth()).isEqualTo(32);
    yaml.refuses("maxNestingDepth: 5000\n")
        .hasMessage("maxNestingDepth must be between 1 and 256: 5000");
    yaml.refuses("maxJsonValues: 0\n").hasMessage("maxJsonValues must be at least 1: 0");
    yaml.refuses("maxJsonKeys: many\n")
        .hasMessageStartingWith("maxJsonKeys must be a whole number");
  }

  @Test
  void theLimitOnWrongAdminTokensHasDefaultsAndIsReadAndChecked() throws IOException {

    AdminLockout defaults = yaml.read("").admin().lockout();
    AdminLockout read =
        yaml.read("adminTokenFailures: 3\nadminTokenFailureWindow: 5m\n").admin().lockout();

    assertThat(defaults).isEqualTo(new AdminLockout(10, Duration.ofMinutes(1)));
    assertThat(read).isEqualTo(new AdminLockout(3, Duration.ofMinutes(5)));
    yaml.refuses("adminTokenFailures: 0\n").hasMessage("adminTokenFailures must be at least 1: 0");
    yaml.refuses("adminTokenFailureWindow: 0s\n")
        .hasMessage("adminTokenFailureWindow must be positive: PT0S");
  }

  @Test
  void theIdleTimeoutDefaultsPastTheSparqlTimeoutAndMayNotBeShorter() throws IOException {

    assertThat(yaml.read("").server().idleTimeout()).isEqualTo(Duration.ofMinutes(2));
    assertThat(yaml.read("sparqlTimeout: 5m\n").server().idleTimeout())
        .isEqualTo(Duration.ofMinutes(6));
    assertThat(yaml.read("idleTimeout: 30s\n").server().idleTimeout())
        .isEqualTo(Duration.ofSeconds(30));
    yaml.refuses("idleTimeout: 5s\n")
        .hasMessage("idleTimeout (PT5S) must be longer than sparqlTimeout (PT10S)");
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(folder.resolve(name), text);
  }
}
