package network.baton.node.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import network.baton.credential.fetch.TrustedCertificates;
import network.baton.node.config.ServerTls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local CA's certificates, and trust that adds a CA to the JDK's rather than replacing it. */
class LocalCaTest {

  @TempDir Path folder;

  @Test
  void aMemberCertificateIsTrustedWithTheCaAddedAndNotWithTheJdkAlone() throws Exception {
    LocalCa ca = LocalCa.in(folder);
    ServerTls tls = ca.issue("kosen").check();
    X509Certificate[] chain =
        TrustedCertificates.read(tls.certificate()).toArray(X509Certificate[]::new);

    TrustedCertificates withCa = TrustedCertificates.load(List.of(ca.certificateFile()));
    withCa.trustManager().checkServerTrusted(chain, "ECDHE_ECDSA");
    assertThatThrownBy(
            () ->
                TrustedCertificates.jdkDefaults()
                    .trustManager()
                    .checkServerTrusted(chain, "ECDHE_ECDSA"))
        .isInstanceOf(CertificateException.class);
    assertThat(chain[0].getBasicConstraints()).as("a leaf").isEqualTo(-1);
    assertThat(ca.certificate().getBasicConstraints()).as("a CA").isGreaterThanOrEqualTo(0);
  }

  @Test
  void theCaIsAddedToTheJdksTrustNotPutInItsPlace() {
    LocalCa ca = LocalCa.in(folder);
    X509Certificate[] jdk = TrustedCertificates.jdkDefaults().trustManager().getAcceptedIssuers();

    X509Certificate[] both =
        TrustedCertificates.load(List.of(ca.certificateFile())).trustManager().getAcceptedIssuers();

    assertThat(jdk).isNotEmpty();
    assertThat(both).contains(ca.certificate()).contains(jdk).hasSize(jdk.length + 1);
  }
}
