package network.baton.credential.service;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import network.baton.credential.keys.NodeKeys;
import network.baton.credential.verify.VerificationService;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit extension: the credential services as {@link ServiceFixture#open(Path, NodeKeys)} opens
 * them, over a fresh temp folder and fresh keys for each test, closed and deleted after it
 * ({@code @RegisterExtension final FreshServices service = new FreshServices();}).
 */
public final class FreshServices implements BeforeEachCallback, AfterEachCallback {
  /** This node's keys. */
  public final NodeKeys keys = ServiceFixture.keys();

  private Path dir;
  private ServiceFixture.Services services;

  @Override
  public void beforeEach(ExtensionContext context) throws Exception {
    dir = Files.createTempDirectory("credential-services");
    services = ServiceFixture.open(dir, keys);
  }

  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    try {
      services.close();
    } finally {
      try (Stream<Path> paths = Files.walk(dir)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) Files.delete(path);
      }
    }
  }

  public IssuanceService issuance() {
    return services.issuance();
  }

  public VerificationService verification() {
    return services.verification();
  }
}
