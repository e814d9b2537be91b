package network.baton.credential.service;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import network.baton.credential.did.DidMethodResolver;
import network.baton.credential.did.DidResolutionException;
import network.baton.credential.did.DidResolver;
import network.baton.credential.keys.KeyAlgorithm;
import network.baton.credential.keys.NodeKeys;
import network.baton.credential.keys.SigningKey;
import network.baton.credential.status.StatusList;
import network.baton.credential.status.StatusListFetcher;
import network.baton.vocab.ContextLoader;
import network.baton.vocab.SkillFramework;

/**
 * A credential service as a node opens it: the bundled skill framework and contexts, the fixture
 * course catalog, did:key resolved locally and no network for anything else.
 */
public final class ServiceFixture {
  public static final URI BASE_URL = URI.create("https://kosen.example");
  public static final SkillFramework FRAMEWORK = SkillFramework.load();
  public static final ContextLoader CONTEXTS = ContextLoader.bundled();

  private ServiceFixture() {}

  /** Fresh Ed25519 node keys. */
  public static NodeKeys keys() {
    return new NodeKeys(
        List.of(SigningKey.generate(KeyAlgorithm.ED25519, "key-1", new SecureRandom())));
  }

  /** A service over this data folder and keys. */
  public static CredentialService open(Path dataDir, NodeKeys keys) throws IOException {
    return open(
        dataDir,
        keys,
        BASE_URL,
        did -> {
          throw new DidResolutionException("tests have no network: " + did);
        },
        url -> {
          throw new IOException("tests have no network: " + url);
        },
        Set.of(),
        Clock.systemUTC());
  }

  /**
   * A service for another base URL, reaching other issuers' did:web documents and status lists
   * through the given resolver and fetcher, trusting these issuers (none: only itself).
   */
  public static CredentialService open(
      Path dataDir,
      NodeKeys keys,
      URI baseUrl,
      DidResolver webDids,
      StatusListFetcher lists,
      Set<String> trusted,
      Clock clock)
      throws IOException {
    CredentialConfig config =
        new CredentialConfig(baseUrl, "Setouchi Kosen", dataDir, StatusList.MIN_SIZE, trusted);
    return CredentialService.open(
        config,
        keys,
        new FixtureCourses(),
        FRAMEWORK,
        CONTEXTS.documentLoader(),
        new DidMethodResolver(webDids),
        lists,
        config.trustList(),
        clock);
  }
}
