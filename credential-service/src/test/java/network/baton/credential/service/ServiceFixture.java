package network.baton.credential.service;

import java.io.Closeable;
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
import network.baton.credential.integrity.EddsaRdfc2022;
import network.baton.credential.issue.SkillLookup;
import network.baton.credential.keys.KeyAlgorithm;
import network.baton.credential.keys.NodeKeys;
import network.baton.credential.keys.SigningKey;
import network.baton.credential.status.StatusList;
import network.baton.credential.status.StatusListFetcher;
import network.baton.credential.verify.VerificationService;
import network.baton.vocab.ContextLoader;
import network.baton.vocab.SkillFramework;

/**
 * The credential services as a node opens them: the bundled skill framework and contexts, the
 * fixture course catalog, did:key resolved locally and no network for anything else.
 */
public final class ServiceFixture {
  /** An issuing node's two services; closing closes the issuance service's records. */
  public record Services(IssuanceService issuance, VerificationService verification)
      implements Closeable {
    @Override
    public void close() throws IOException {
      issuance.close();
    }
  }

  public static final URI BASE_URL = URI.create("https://kosen.example");

  /** A holder for the credentials the tests issue (a did:key nobody signs with). */
  public static final String HOLDER = "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK";

  public static final SkillFramework FRAMEWORK = SkillFramework.load();
  public static final ContextLoader CONTEXTS = ContextLoader.bundled();

  private ServiceFixture() {}

  /** Fresh Ed25519 node keys. */
  public static NodeKeys keys() {
    return new NodeKeys(
        List.of(SigningKey.generate(KeyAlgorithm.ED25519, "key-1", new SecureRandom())));
  }

  /** The services over this data folder and keys. */
  public static Services open(Path dataDir, NodeKeys keys) throws IOException {
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
   * The services for another base URL, reaching other issuers' did:web documents and status lists
   * through the given resolver and fetcher, trusting these issuers (none: only itself).
   */
  public static Services open(
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
    SkillLookup skills = new SkillFrameworkLookup(FRAMEWORK);
    EddsaRdfc2022 suite = new EddsaRdfc2022(CONTEXTS.documentLoader());
    IssuanceService issuance =
        IssuanceService.open(config, keys, new FixtureCourses(), skills, suite, clock);
    VerificationService verification =
        NodeVerification.builder(
                issuance,
                new DidMethodResolver(webDids),
                lists,
                skills,
                suite,
                config.trustList(),
                clock)
            .build();
    return new Services(issuance, verification);
  }
}
