package network.baton.credential.status;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import network.baton.credential.status.StatusCheck.Outcome;
import network.baton.credential.verify.StatusChecker;
import network.baton.credential.verify.StatusResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The verifier's side of Bitstring Status List: gets the list credential named by a credential's
 * {@code credentialStatus} from a {@link StatusListSource} (fetched, verified and cached by {@link
 * FetchedStatusLists}, or the issuer's own lists read from its store) and reads the bit. A list
 * that cannot be had is reported as {@link Outcome#LIST_UNAVAILABLE} and fails unless the checker
 * is configured fail-open. Thread-safe.
 */
public final class BitstringStatusChecker implements StatusChecker {

  /**
   * Tuning: cache time-to-live, fail-closed (default) or fail-open, and the largest list accepted.
   */
  public record Options(Duration ttl, boolean failClosed, int maxListSize) {
    public Options {
      requireNonNull(ttl, "ttl");
      if (ttl.isNegative()) {
        throw new IllegalArgumentException("ttl must not be negative");
      }
      if (maxListSize < StatusList.MIN_SIZE) {
        throw new IllegalArgumentException("maxListSize must be at least " + StatusList.MIN_SIZE);
      }
    }

    /** Five minutes, fail-closed, lists of up to {@link StatusList#DEFAULT_MAX_SIZE} entries. */
    public static Options defaults() {
      return new Options(Duration.ofMinutes(5), true, StatusList.DEFAULT_MAX_SIZE);
    }

    /**
     * The same options, fail-open: an unreachable list lets the credential pass (still reported).
     */
    public Options failOpen() {
      return new Options(ttl, false, maxListSize);
    }
  }

  private static final Logger log = LoggerFactory.getLogger(BitstringStatusChecker.class);

  private final StatusListSource lists;
  private final Clock clock;
  private final boolean failClosed;

  /**
   * A checker over lists fetched by {@code fetcher} and verified by {@code verifier}, cached for
   * the options' time-to-live ({@link FetchedStatusLists}), with an injectable clock.
   */
  public BitstringStatusChecker(
      StatusListFetcher fetcher, StatusListVerifier verifier, Clock clock, Options options) {
    this(
        new FetchedStatusLists(
            fetcher,
            verifier,
            clock,
            requireNonNull(options, "options").ttl(),
            options.maxListSize()),
        clock,
        options.failClosed());
  }

  /** A checker over lists from {@code lists}; {@code failClosed}: a list not had fails. */
  public BitstringStatusChecker(StatusListSource lists, Clock clock, boolean failClosed) {
    this.lists = requireNonNull(lists, "lists");
    this.clock = requireNonNull(clock, "clock");
    this.failClosed = failClosed;
  }

  /**
   * The verifier's view: passed or not, with the reason (see {@link #inspect(JsonNode, String)}).
   */
  @Override
  public StatusResult check(JsonNode credentialStatus) {
    return check(credentialStatus, null);
  }

  /**
   * The verifier's view, insisting that each list comes from {@code issuerDid} when it is given.
   */
  @Override
  public StatusResult check(JsonNode credentialStatus, String issuerDid) {
    StatusCheck result = inspect(credentialStatus, issuerDid);
    return result.passed()
        ? StatusResult.valid(result.reason())
        : StatusResult.invalid(result.reason());
  }

  /**
   * Inspects a {@code credentialStatus} value (one entry or an array; every entry must pass); when
   * {@code expectedIssuer} is given, each status list credential must come from that issuer
   * (someone else's list must not decide about this credential).
   */
  public StatusCheck inspect(JsonNode credentialStatus, String expectedIssuer) {
    if (credentialStatus == null || credentialStatus.isNull() || credentialStatus.isMissingNode()) {
      return StatusCheck.of(Outcome.NO_STATUS, "the credential has no credentialStatus");
    }
    List<JsonNode> entries = new ArrayList<>();
    if (credentialStatus.isArray()) {
      credentialStatus.forEach(entries::add);
    } else {
      entries.add(credentialStatus);
    }
    if (entries.isEmpty()) {
      return StatusCheck.of(Outcome.NO_STATUS, "the credential has an empty credentialStatus");
    }
    StatusCheck result = null;
    for (JsonNode node : entries) {
      StatusEntry entry;
      try {
        entry = StatusEntry.fromJson(node);
      } catch (StatusListException e) {
        return StatusCheck.of(Outcome.ENTRY_INVALID, e.getMessage());
      }
      StatusCheck one = inspect(entry, expectedIssuer);
      if (!one.passed()) {
        return one;
      }
      // A list accepted only because the checker is fail-open is worth reporting over a plain
      // "active".
      if (result == null || one.outcome() == Outcome.LIST_UNAVAILABLE) {
        result = one;
      }
    }
    return result;
  }

  /** Inspects one entry against its list ({@code expectedIssuer} may be null). */
  public StatusCheck inspect(StatusEntry entry, String expectedIssuer) {
    requireNonNull(entry, "entry");
    URI url = entry.statusListCredential();
    Instant now = clock.instant();
    StatusListCredential list;
    try {
      list = lists.list(url);
    } catch (StatusListException e) {
      return StatusCheck.of(
          Outcome.LIST_INVALID, "status list " + url + " is not valid: " + e.getMessage());
    } catch (Exception e) {
      log.info("status list could not be fetched [url: {}, reason: {}]", url, e.toString());
      String reason = "status list could not be fetched from " + url + ": " + e.getMessage();
      return new StatusCheck(
          Outcome.LIST_UNAVAILABLE,
          !failClosed,
          failClosed ? reason : reason + " (accepted: checker is fail-open)");
    }
    return read(entry, list, expectedIssuer, now);
  }

  private static StatusCheck read(
      StatusEntry entry, StatusListCredential list, String expectedIssuer, Instant now) {
    URI url = entry.statusListCredential();
    if (list.validUntil() != null && now.isAfter(list.validUntil())) {
      return StatusCheck.of(
          Outcome.LIST_INVALID, "status list " + url + " expired at " + list.validUntil());
    }
    if (list.validFrom() != null && now.isBefore(list.validFrom())) {
      return StatusCheck.of(
          Outcome.LIST_INVALID, "status list " + url + " is not valid before " + list.validFrom());
    }
    if (expectedIssuer != null && !expectedIssuer.equals(list.issuer())) {
      return StatusCheck.of(
          Outcome.LIST_INVALID,
          "status list " + url + " is issued by " + list.issuer() + ", not by " + expectedIssuer);
    }
    if (list.purpose() != entry.purpose()) {
      return StatusCheck.of(
          Outcome.LIST_INVALID,
          "status list "
              + url
              + " is for "
              + list.purpose().value()
              + ", the entry says "
              + entry.purpose().value());
    }
    if (entry.index() >= list.list().size()) {
      return StatusCheck.of(
          Outcome.ENTRY_INVALID,
          "statusListIndex "
              + entry.index()
              + " is outside the list of "
              + list.list().size()
              + " entries");
    }
    if (!list.list().get(entry.index())) {
      return StatusCheck.of(
          Outcome.ACTIVE,
          "not " + (entry.purpose() == StatusPurpose.REVOCATION ? "revoked" : "suspended"));
    }
    return entry.purpose() == StatusPurpose.REVOCATION
        ? StatusCheck.of(
            Outcome.REVOKED, "the credential is revoked (" + url + " index " + entry.index() + ")")
        : StatusCheck.of(
            Outcome.SUSPENDED,
            "the credential is suspended (" + url + " index " + entry.index() + ")");
  }
}
