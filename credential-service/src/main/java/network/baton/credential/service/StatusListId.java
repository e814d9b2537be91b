package network.baton.credential.service;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import network.baton.credential.status.StatusPurpose;

/**
 * One published status list: a list number and a purpose, named {@code <number>-<purpose>} in its
 * URL ({@code {baseUrl}/status/3-revocation}).
 */
public record StatusListId(long number, StatusPurpose purpose) {
  private static final Pattern NAME = Pattern.compile("([0-9]{1,12})-(revocation|suspension)");

  public StatusListId {
    requireNonNull(purpose, "purpose");
    if (number < 0) throw new IllegalArgumentException("list number must not be negative");
  }

  /** The list a URL path segment names, or empty if it names none. */
  public static Optional<StatusListId> parse(String name) {
    if (name == null) return Optional.empty();
    Matcher m = NAME.matcher(name);
    if (!m.matches()) return Optional.empty();
    return Optional.of(
        new StatusListId(Long.parseLong(m.group(1)), StatusPurpose.parse(m.group(2))));
  }

  /** The path segment, e.g. {@code 3-revocation}. */
  public String name() {
    return number + "-" + purpose.value();
  }
}
