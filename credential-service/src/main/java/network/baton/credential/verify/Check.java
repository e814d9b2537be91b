package network.baton.credential.verify;

import static java.util.Objects.requireNonNull;

/** One verification check: its name, whether it passed, and the reason in plain words. */
public record Check(String name, boolean passed, String reason) {
  public Check {
    requireNonNull(name, "name");
    requireNonNull(reason, "reason");
  }

  /** A passed check. */
  public static Check pass(String name, String reason) {
    return new Check(name, true, reason);
  }

  /** A failed check. */
  public static Check fail(String name, String reason) {
    return new Check(name, false, reason);
  }
}
