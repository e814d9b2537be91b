package network.baton.credential.service;

import static network.baton.credential.service.ServiceFixture.HOLDER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import network.baton.credential.did.DidResolutionException;
import network.baton.credential.status.MutableClock;
import network.baton.credential.verify.CredentialVerifier;
import network.baton.credential.verify.VerificationReport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second node verifying the first node's credentials through its DID document and status lists.
 */
class RemoteIssuerTest {
  private static final URI VERIFIER_URL = URI.create("https://univ.example");

  @TempDir Path issuerDir;
  @TempDir Path verifierDir;
  // Behind the issuer's clock (within the tolerated skew), as another node's may be.
  private final MutableClock clock = new MutableClock(Instant.now().minusSeconds(30));
  private final AtomicInteger listFetches = new AtomicInteger();
  private ServiceFixture.Services node;
  private IssuanceService issuer;

  @BeforeEach
  void openIssuer() throws IOException {
    node = ServiceFixture.open(issuerDir, ServiceFixture.keys());
    issuer = node.issuance();
  }

  @AfterEach
  void closeIssuer() throws IOException {
    node.close();
  }

  private ServiceFixture.Services verifier(Set<String> trusted) throws IOException {
    return ServiceFixture.open(
        verifierDir,
        ServiceFixture.keys(),
        VERIFIER_URL,
        did -> {
          if (!did.equals(issuer.issuerDid())) throw new DidResolutionException("unknown " + did);
          return issuer.didDocument();
        },
        url -> {
          listFetches.incrementAndGet();
          String path = url.getPath();
          return issuer.statusList(path.substring(path.lastIndexOf('/') + 1));
        },
        trusted,
        clock);
  }

  private String issue(CredentialFormat format) throws IOException {
    SecuredCredential credential =
        issuer.issue(new CredentialOrder(HOLDER, FixtureCourses.COURSE, null, null, format));
    return format == CredentialFormat.JWT ? credential.jwt() : credential.document().toString();
  }

  @Test
  void trustedRemoteCredentialVerifiesAndRevocationShowsAfterTheListCacheExpires()
      throws Exception {
    try (ServiceFixture.Services verifier = verifier(Set.of(issuer.issuerDid()))) {
      SecuredCredential credential =
          issuer.issue(
              new CredentialOrder(HOLDER, FixtureCourses.COURSE, null, null, CredentialFormat.JWT));
      assertThat(verifier.verification().verifyCredential(new TextNode(credential.jwt())).ok())
          .isTrue();

      issuer.setStatus(credential.id(), StatusAction.REVOKE);
      assertThat(verifier.verification().verifyCredential(new TextNode(credential.jwt())).ok())
          .as("the verifier still has the list cached")
          .isTrue();
      clock.advance(Duration.ofMinutes(6));
      VerificationReport report =
          verifier.verification().verifyCredential(new TextNode(credential.jwt()));
      assertThat(report.ok()).isFalse();
      assertThat(report.check(CredentialVerifier.STATUS).orElseThrow().reason())
          .contains("revoked");
      // the revocation list (a course credential's one entry) once, then again after the TTL
      assertThat(listFetches.get()).isEqualTo(2);
    }
  }

  @Test
  void dataIntegrityCredentialOfARemoteIssuerVerifies() throws Exception {
    try (ServiceFixture.Services verifier = verifier(Set.of(issuer.issuerDid()))) {
      VerificationReport report =
          verifier
              .verification()
              .verifyCredential(
                  new com.fasterxml.jackson.databind.ObjectMapper()
                      .readTree(issue(CredentialFormat.DATA_INTEGRITY)));
      assertThat(report.ok()).as(report.toText()).isTrue();
    }
  }

  @Test
  void untrustedIssuerFailsTheTrustCheckOnly() throws Exception {
    try (ServiceFixture.Services verifier = verifier(Set.of())) {
      VerificationReport report =
          verifier.verification().verifyCredential(new TextNode(issue(CredentialFormat.JWT)));
      assertThat(report.ok()).isFalse();
      assertThat(report.firstFailure().orElseThrow().name()).isEqualTo(CredentialVerifier.TRUST);
      assertThat(report.check(CredentialVerifier.SIGNATURE).orElseThrow().passed()).isTrue();
    }
  }
}
