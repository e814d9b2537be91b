package network.baton.node.credential;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.TimeUnit;
import network.baton.credential.issue.HolderWallet;
import network.baton.credential.service.CredentialFormat;
import network.baton.credential.service.CredentialOrder;
import network.baton.credential.service.IssuanceService;
import network.baton.credential.service.SecuredCredential;
import network.baton.credential.service.StatusAction;
import network.baton.credential.verify.VerificationReport;
import network.baton.credential.verify.VerificationService;
import network.baton.node.NodeSetup;
import network.baton.node.RunningNode;
import network.baton.node.config.CredentialSettings;
import network.baton.node.config.NodeConfig;
import network.baton.vocab.ContextLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The extension hands out the two services it built, the same ones its routes call. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class CredentialExtensionTest {
  @TempDir Path folder;

  private RunningNode start(Vertx vertx, CredentialExtension extension, NodeConfig config) {
    CredentialNode.importKosen(
        folder, config.server().dataDir(), config.server().baseUrl().toString());
    NodeSetup bare = NodeSetup.bare();
    return RunningNode.start(vertx, config, bare.withExtensions(List.of(extension)));
  }

  @Test
  void issuanceAndVerificationAreTheServicesTheRoutesCall(Vertx vertx) throws Exception {
    int port = CredentialNode.freePort();
    NodeConfig config = CredentialNode.config(folder.resolve("data"), port);
    CredentialExtension extension =
        new CredentialExtension(NodeSetup.bare().skills(), ContextLoader.bundled(), name -> null);
    try (RunningNode node = start(vertx, extension, config)) {
      IssuanceService issuance = extension.issuance().orElseThrow();
      VerificationService verification = extension.verification().orElseThrow();
      String holder = HolderWallet.generate(new SecureRandom()).did();

      SecuredCredential credential =
          issuance.issue(
              new CredentialOrder(
                  holder,
                  node.url() + "/resources/kosen-mc4-ec",
                  null,
                  null,
                  CredentialFormat.JWT));
      VerificationReport active = verification.verifyCredential(TextNode.valueOf(credential.jwt()));
      issuance.setStatus(credential.id(), StatusAction.REVOKE);
      VerificationReport revoked =
          verification.verifyCredential(TextNode.valueOf(credential.jwt()));

      assertThat(issuance.issuerDid()).isEqualTo("did:web:localhost%3A" + port);
      assertThat(active.ok()).as(active.toText()).isTrue();
      assertThat(revoked.check("status").orElseThrow().reason()).contains("revoked");
    }
    assertThat(extension.issuance()).isEmpty();
    assertThat(extension.verification()).isEmpty();
  }

  @Test
  void withoutAPassphraseThereAreNoServices(Vertx vertx) {
    NodeConfig config =
        CredentialNode.config(folder.resolve("data"), CredentialNode.freePort())
            .withCredentials(CredentialSettings.defaults());
    CredentialExtension extension =
        new CredentialExtension(NodeSetup.bare().skills(), ContextLoader.bundled(), name -> null);
    try (RunningNode node = start(vertx, extension, config)) {
      assertThat(extension.issuance()).isEmpty();
      assertThat(extension.verification()).isEmpty();
    }
  }
}
