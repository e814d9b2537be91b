package network.baton.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import network.baton.node.config.CredentialSettings;
import network.baton.node.launch.LocalMember;
import network.baton.node.launch.LocalNetwork;
import network.baton.node.launch.MemberPlan;
import network.baton.node.launch.NetworkOptions;
import network.baton.vocab.SampleContent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A wallet that knows nothing of BATON, the OpenWallet Foundation's {@code @openid4vc/openid4vci}
 * client (federation-tests/interop/openid4vci-wallet.mjs), receives the kosen node's course
 * credential as jwt_vc_json and ldp_vc and its skill credential as SD-JWT VC (dc+sd-jwt) through
 * the pre-authorized code flow with a transaction code, over https with a certificate of a local
 * CA, and the node's verifier accepts what it received.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class WalletIssuanceInteropTest {

  @TempDir static Path root;

  private LocalNetwork network;
  private LocalMember node;

  @BeforeAll
  void startANodeOnHttpsWithTheKosenSample() {
    NodeJs.assumeInstalled();
    network =
        LocalNetwork.create(
            root.resolve("nodes"),
            NetworkOptions.builder()
                .https()
                .credentials(CredentialSettings.defaults().withKeyPassphrase("wallet interop"))
                .build());
    node = network.start(MemberPlan.sample(SampleContent.Institution.KOSEN));
  }

  @AfterAll
  void stop() {
    if (network != null) network.close();
  }

  @Test
  void theOpenWalletFoundationClientReceivesEveryFormatAndTheNodeVerifiesThem() throws Exception {
    NodeJs.Run run =
        NodeJs.run(
            "openid4vci-wallet.mjs",
            Map.of("NODE_EXTRA_CA_CERTS", network.caCertificate().toString()),
            node.baseUrl().toString(),
            network.adminToken());
    assertThat(run.failedChecks()).as(run.toString()).isEmpty();
    assertThat(run.exitCode()).as(run.toString()).isZero();
    List<String> names = run.checkNames();
    for (String configuration :
        List.of(
            "BatonCourseCredential_jwt_vc_json",
            "BatonCourseCredential_ldp_vc",
            "BatonSkillCredential_dc_sd_jwt")) {
      assertThat(names)
          .contains(
              configuration + ": access token",
              configuration + ": credential received",
              configuration + ": the node verifies it (200)");
    }
    assertThat(names)
        .contains(
            "jwt_vc_json: bound to the wallet key (did:key)",
            "dc+sd-jwt: bound to the wallet key (cnf.jwk)");
  }
}
