package network.baton.credential.verify;

import java.util.List;

/**
 * One named step of a {@link VerificationPipeline}: reads what earlier steps put on the {@link
 * Evidence}, records what it finds there, and returns its outcome as report checks (usually one; a
 * proof check reports the key and the signature, a presentation one check per held credential).
 * Implementations are immutable and thread-safe; per-verification state lives on the evidence.
 */
@FunctionalInterface
public interface VerificationCheck {
  /** The outcome of this step for the evidence. */
  List<Check> check(Evidence evidence);

  /** A step that reports exactly one check. */
  static VerificationCheck single(java.util.function.Function<Evidence, Check> check) {
    return evidence -> List.of(check.apply(evidence));
  }
}
