package network.baton.credential.status;

import static network.baton.credential.integrity.TestContexts.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import network.baton.credential.did.Multikey;
import network.baton.credential.integrity.EddsaRdfc2022;
import network.baton.credential.integrity.ProofVerification;
import network.baton.credential.integrity.TestContexts;
import network.baton.credential.integrity.VerificationKeyResolver;
import network.baton.credential.status.StatusCheck.Outcome;
import network.baton.credential.verify.StatusChecker;
import network.baton.credential.verify.StatusResult;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class BitstringStatusCheckerTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final URI LIST_URL =
      URI.create(
          "https://raw.githubusercontent.com/1EdTech/digital-credentials-public-validator/refs/heads/main/"
              + "inspector-vc/src/test/resources/ob30/bit-string-list/testlist");
  private static final String LIST_ISSUER = "https://1edtech.edu/issuers/565049";

  /** Test-only: the 1EdTech fixtures carry their key in the verification method's fragment. */
  private static final VerificationKeyResolver FRAGMENT_KEYS =
      method ->
          Optional.of(
              (Ed25519PublicKeyParameters)
                  Multikey.decode(URI.create(method).getFragment()).toBouncyCastle());

  private final EddsaRdfc2022 suite = new EddsaRdfc2022(TestContexts.loader());
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T12:00:00Z"));
  private final AtomicInteger fetches = new AtomicInteger();

  /** Real proof verification of the fetched list with eddsa-rdfc-2022. */
  private final StatusListVerifier dataIntegrity =
      fetched -> {
        ProofVerification proof = suite.verify(fetched, FRAGMENT_KEYS);
        if (!proof.valid()) {
          throw new StatusListException(proof.reason());
        }
        try {
          return JSON.readTree(fetched);
        } catch (IOException e) {
          throw new StatusListException("not JSON", e);
        }
      };

  private StatusListFetcher localFile(String fixturePath) {
    return url -> {
      fetches.incrementAndGet();
      Map<URI, String> files = Map.of(LIST_URL, fixturePath);
      String path = files.get(url);
      if (path == null) {
        throw new ConnectException("no route to " + url);
      }
      return fixture(path);
    };
  }

  private BitstringStatusChecker checker(BitstringStatusChecker.Options options) {
    return new BitstringStatusChecker(
        localFile("status/status-list-credential-index23-revoked.json"),
        dataIntegrity,
        clock,
        options);
  }

  @Test
  void revokedOpenBadgeReadsAsRevoked() throws Exception {
    JsonNode credential = JSON.readTree(fixture("status/ob30-credential-status-revoked.json"));

    StatusCheck result =
        checker(BitstringStatusChecker.Options.defaults())
            .inspect(credential.get("credentialStatus"), null);

    assertThat(result.outcome()).isEqualTo(Outcome.REVOKED);
    assertThat(result.passed()).isFalse();
    assertThat(result.reason()).contains("revoked").contains("index 23");
  }

  @Test
  void aListFetchedAgainUnchangedIsNotVerifiedAndDecodedAgainButAChangedOneIs() throws Exception {
    String list = fixture("status/status-list-credential-index23-revoked.json");
    List<String> bodies = new ArrayList<>(List.of(list, list, list + " "));
    AtomicInteger verified = new AtomicInteger();
    BitstringStatusChecker checker =
        new BitstringStatusChecker(
            url -> bodies.remove(0),
            fetched -> {
              verified.incrementAndGet();
              return dataIntegrity.verify(fetched);
            },
            clock,
            new BitstringStatusChecker.Options(Duration.ZERO, true, StatusList.DEFAULT_MAX_SIZE));
    JsonNode entry = StatusEntry.of(LIST_URL, StatusPurpose.REVOCATION, 23).toJson();

    Outcome first = checker.inspect(entry, LIST_ISSUER).outcome();
    Outcome sameList = checker.inspect(entry, LIST_ISSUER).outcome();
    int afterSame = verified.get();
    Outcome changedList = checker.inspect(entry, LIST_ISSUER).outcome();

    assertThat(List.of(first, sameList, changedList)).containsOnly(Outcome.REVOKED);
    assertThat(bodies).as("fetched every time (no time-to-live)").isEmpty();
    assertThat(afterSame).isEqualTo(1);
    assertThat(verified.get()).isEqualTo(2);
  }

  @Test
  void neighbouringIndexIsActive() {
    StatusCheck result =
        checker(BitstringStatusChecker.Options.defaults())
            .inspect(StatusEntry.of(LIST_URL, StatusPurpose.REVOCATION, 22).toJson(), LIST_ISSUER);

    assertThat(result.outcome()).isEqualTo(Outcome.ACTIVE);
    assertThat(result.passed()).isTrue();
  }

  @Test
  void unreachableListFailsClosedByDefault() {
    URI elsewhere = URI.create("https://status.example/lists/1");

    StatusCheck result =
        checker(BitstringStatusChecker.Options.defaults())
            .inspect(StatusEntry.of(elsewhere, StatusPurpose.REVOCATION, 5).toJson(), null);

    assertThat(result.outcome()).isEqualTo(Outcome.LIST_UNAVAILABLE);
    assertThat(result.passed()).isFalse();
    assertThat(result.reason()).contains("status list could not be fetched");
  }

  @Test
  void unreachableListPassesWhenConfiguredFailOpenButIsStillReported() {
    URI elsewhere = URI.create("https://status.example/lists/1");

    StatusCheck result =
        checker(BitstringStatusChecker.Options.defaults().failOpen())
            .inspect(StatusEntry.of(elsewhere, StatusPurpose.REVOCATION, 5).toJson(), null);

    assertThat(result.outcome()).isEqualTo(Outcome.LIST_UNAVAILABLE);
    assertThat(result.passed()).isTrue();
    assertThat(result.reason()).contains("could not be fetched").contains("fail-open");
  }

  @Test
  void listIsCachedForItsTimeToLiveThenFetchedAgain() {
    BitstringStatusChecker checker =
        checker(
            new BitstringStatusChecker.Options(
                Duration.ofMinutes(5), true, StatusList.DEFAULT_MAX_SIZE));
    JsonNode entry = StatusEntry.of(LIST_URL, StatusPurpose.REVOCATION, 23).toJson();

    checker.inspect(entry, null);
    clock.advance(Duration.ofMinutes(4));
    checker.inspect(entry, null);
    assertThat(fetches).hasValue(1);

    clock.advance(Duration.ofMinutes(2));
    StatusCheck again = checker.inspect(entry, null);
    assertThat(fetches).hasValue(2);
    assertThat(again.outcome()).isEqualTo(Outcome.REVOKED);
  }

  @Test
  void listWhoseProofFailsIsInvalid() throws Exception {
    ObjectNode tampered =
        (ObjectNode) JSON.readTree(fixture("status/status-list-credential-index23-revoked.json"));
    ((ObjectNode) tampered.get("credentialSubject"))
        .put("encodedList", StatusList.create().encode());
    BitstringStatusChecker checker =
        new BitstringStatusChecker(
            url -> tampered.toString(),
            dataIntegrity,
            clock,
            BitstringStatusChecker.Options.defaults());

    StatusCheck result =
        checker.inspect(StatusEntry.of(LIST_URL, StatusPurpose.REVOCATION, 23).toJson(), null);

    assertThat(result.outcome()).isEqualTo(Outcome.LIST_INVALID);
    assertThat(result.passed()).isFalse();
    assertThat(result.reason()).contains("signature does not match");
  }

  @Test
  void entryWhosePurposeDiffersFromTheListIsRefused() {
    StatusCheck result =
        checker(BitstringStatusChecker.Options.defaults())
            .inspect(StatusEntry.of(LIST_URL, StatusPurpose.SUSPENSION, 23).toJson(), null);

    assertThat(result.outcome()).isEqualTo(Outcome.LIST_INVALID);
    assertThat(result.reason()).contains("is for revocation");
  }

  @Test
  void listFromAnotherIssuerIsRefused() {
    StatusCheck result =
        checker(BitstringStatusChecker.Options.defaults())
            .inspect(
                StatusEntry.of(LIST_URL, StatusPurpose.REVOCATION, 22).toJson(),
                "did:web:other.example");

    assertThat(result.outcome()).isEqualTo(Outcome.LIST_INVALID);
    assertThat(result.reason()).contains("not by did:web:other.example");
  }

  @Test
  void badEntriesAreReportedAsSuch() throws Exception {
    BitstringStatusChecker checker = checker(BitstringStatusChecker.Options.defaults());
    JsonNode complete = JSON.readTree(fixture("integrity/complete.json"));

    assertThat(checker.inspect(complete.get("credentialStatus"), null).outcome())
        .isEqualTo(Outcome.ENTRY_INVALID);
    assertThat(checker.inspect(complete.get("credentialStatus"), null).reason())
        .contains("1EdTechRevocationList");
    assertThat(
            checker
                .inspect(StatusEntry.of(LIST_URL, StatusPurpose.REVOCATION, 131_072).toJson(), null)
                .outcome())
        .isEqualTo(Outcome.ENTRY_INVALID);
    ObjectNode negative =
        StatusEntry.of(LIST_URL, StatusPurpose.REVOCATION, 1).toJson().put("statusListIndex", "-1");
    assertThat(checker.inspect(negative, null).reason()).contains("non-negative integer");
    assertThat(checker.inspect((JsonNode) null, null).outcome()).isEqualTo(Outcome.NO_STATUS);
  }

  @Test
  void asTheVerifiersStatusCheckerItPassesActiveAndFailsRevoked() throws Exception {
    BitstringStatusChecker checker = checker(BitstringStatusChecker.Options.defaults());
    StatusChecker asVerifierSees = checker;
    JsonNode revoked =
        JSON.readTree(fixture("status/ob30-credential-status-revoked.json"))
            .get("credentialStatus");

    StatusResult result = asVerifierSees.check(revoked);

    assertThat(result.passed()).isFalse();
    assertThat(checker.check(revoked, "did:web:other.example").reason())
        .contains("not by did:web:other.example");
    assertThat(result.reason()).contains("revoked");
    assertThat(
            asVerifierSees
                .check(StatusEntry.of(LIST_URL, StatusPurpose.REVOCATION, 24).toJson())
                .passed())
        .isTrue();
  }

  @Test
  void anyRevokedEntryAmongSeveralDecides() {
    var entries = JSON.createArrayNode();
    entries.add(StatusEntry.of(LIST_URL, StatusPurpose.REVOCATION, 22).toJson());
    entries.add(StatusEntry.of(LIST_URL, StatusPurpose.REVOCATION, 23).toJson());

    assertThat(checker(BitstringStatusChecker.Options.defaults()).inspect(entries, null).outcome())
        .isEqualTo(Outcome.REVOKED);
  }
}
