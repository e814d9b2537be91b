package network.baton.node.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import network.baton.node.config.ConfigException;
import network.baton.node.federation.membership.MembershipList;

/** The coordinator's list draft on disk: read, written, and its validity period parsed. */
final class MembershipDraft {
  private MembershipDraft() {}

  static MembershipList read(Path file) {
    try {
      return MembershipList.fromJson(Files.readString(file, UTF_8));
    } catch (java.nio.file.NoSuchFileException e) {
      throw new ConfigException("list file not found: " + file + " (create it with init)");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }

  static void write(Path file, String text) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Files.writeString(file, text, UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  static Duration period(String text) {
    Duration period;
    try {
      // Duration.parse takes days too ("P90D"), which is how list validity is usually given.
      period = Duration.parse(text.strip().toUpperCase(java.util.Locale.ROOT));
    } catch (DateTimeParseException e) {
      throw new ConfigException("--expires must be a period such as P90D or PT12H: " + text);
    }
    if (period.isNegative() || period.isZero()) {
      throw new ConfigException("--expires must be a positive period such as P90D: " + text);
    }
    return period;
  }
}
