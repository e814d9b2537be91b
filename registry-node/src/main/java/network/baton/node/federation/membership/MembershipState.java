package network.baton.node.federation.membership;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import network.baton.node.federation.Member;
import network.baton.node.federation.MemberDirectory;
import network.baton.node.federation.membership.MembershipOffer.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The newest valid membership list a node holds, kept in {@code DATA/federation/membership.jwt} and
 * loaded at start. A list replaces it only if it verifies and has a higher version. Its members are
 * the node's {@link MemberDirectory}: empty before any list, and empty again once the held list has
 * expired (the coordinator must sign a new edition in time). Blocking (signature check and file
 * write): call from a worker thread. Thread-safe.
 */
public final class MembershipState implements MemberDirectory {
  private static final Logger log = LoggerFactory.getLogger(MembershipState.class);

  private final MembershipVerifier verifier;
  private final Path file;
  private volatile SignedMembershipList current;

  /** A state checking lists with the verifier and keeping the current one in this file. */
  public MembershipState(MembershipVerifier verifier, Path file) {
    this.verifier = requireNonNull(verifier, "verifier");
    this.file = requireNonNull(file, "file");
  }

  /** The state file under a node's data folder. */
  public static Path fileIn(Path dataDir) {
    return dataDir.resolve("federation").resolve("membership.jwt");
  }

  /** Loads the saved list if there is one and it still verifies; otherwise starts empty. */
  public synchronized void load() {
    if (!Files.isRegularFile(file)) {
      log.info("no saved membership list; waiting for one [file: {}]", file);
      return;
    }
    try {
      current = verifier.verify(Files.readString(file, US_ASCII));
      log.info(
          "loaded membership list [version: {}, members: {}, expires: {}]",
          current.version(),
          current.list().members().size(),
          current.list().expiresAt());
    } catch (InvalidMembershipList e) {
      log.warn(
          "saved membership list refused, starting without one [file: {}, reason: {}]",
          file,
          e.getMessage());
    } catch (IOException e) {
      log.warn("cannot read saved membership list [file: {}, reason: {}]", file, e.toString());
    }
  }

  /** Takes the list if it is valid and newer than the current one; says what happened. */
  public synchronized MembershipOffer offer(String jws, String source) {
    SignedMembershipList offered;
    try {
      offered = verifier.verify(jws);
    } catch (InvalidMembershipList e) {
      log.info("membership list refused [from: {}, reason: {}]", source, e.getMessage());
      return new MembershipOffer(Outcome.INVALID, 0, e.getMessage());
    }
    SignedMembershipList held = current;
    if (held != null && offered.version() <= held.version()) {
      String reason =
          "version "
              + offered.version()
              + " is not newer than the current version "
              + held.version();
      log.debug("membership list not newer [from: {}, reason: {}]", source, reason);
      return new MembershipOffer(Outcome.NOT_NEWER, offered.version(), reason);
    }
    save(offered.jws());
    current = offered;
    log.info(
        "membership list accepted [from: {}, version: {}, previous: {}, members: {}]",
        source,
        offered.version(),
        held == null ? "none" : held.version(),
        offered.list().members().size());
    return new MembershipOffer(Outcome.ACCEPTED, offered.version(), "");
  }

  /** The current list, if the node has one that has not expired. */
  public Optional<SignedMembershipList> current() {
    SignedMembershipList held = current;
    return held != null && verifier.current(held.list()) ? Optional.of(held) : Optional.empty();
  }

  @Override
  public List<Member> members() {
    return current().map(signed -> signed.list().members()).orElse(List.of());
  }

  private void save(String jws) {
    // Written to a temporary file and moved in place, so a crash never leaves half a list.
    try {
      Files.createDirectories(file.getParent());
      Path temp = Files.createTempFile(file.getParent(), "membership-", ".tmp");
      try {
        Files.writeString(temp, jws, US_ASCII);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save membership list to " + file, e);
    }
  }
}
