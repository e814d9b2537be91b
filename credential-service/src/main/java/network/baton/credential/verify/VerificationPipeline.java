package network.baton.credential.verify;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * A verification as an ordered list of named steps, in the manner of Nimbus' {@code
 * DefaultJWTProcessor}: gates (format, header, shape, key, signature) stop the verification when
 * they fail, since what follows cannot be trusted; the checks after them (dates, status, trust,
 * skills, schema) all run and all report. A step is replaced by its name and new ones are appended,
 * so a new format is new steps, not a branch. Safe by default: a report is never ok unless a step
 * verified a signature or proof ({@link Evidence#authenticated()}), so a pipeline that lost its
 * signature step refuses everything. Immutable and thread-safe.
 */
public final class VerificationPipeline {
  /** One step: its name (for replacing it), the check, and whether a failure stops the rest. */
  public record Step(String name, VerificationCheck check, boolean gate) {
    public Step {
      requireNonNull(name, "name");
      requireNonNull(check, "check");
    }
  }

  /** The check reported when no step verified a signature or proof. */
  static final Check UNSIGNED =
      Check.fail(CredentialVerifier.SIGNATURE, "no signature or proof was verified");

  private final List<Step> steps;

  private VerificationPipeline(List<Step> steps) {
    this.steps = List.copyOf(steps);
  }

  /** A pipeline without steps (it refuses everything, having verified no signature). */
  public static VerificationPipeline empty() {
    return new VerificationPipeline(List.of());
  }

  /** This pipeline with a gate appended: when it fails, no later step runs. */
  public VerificationPipeline gate(String name, VerificationCheck check) {
    return plus(new Step(name, check, true));
  }

  /** This pipeline with a check appended that reports and lets the following steps run. */
  public VerificationPipeline then(String name, VerificationCheck check) {
    return plus(new Step(name, check, false));
  }

  private VerificationPipeline plus(Step step) {
    if (has(step.name())) throw new IllegalArgumentException("a step is named " + step.name());
    List<Step> more = new ArrayList<>(steps);
    more.add(step);
    return new VerificationPipeline(more);
  }

  /**
   * This pipeline with the step {@code name} doing {@code check} instead (same place, same kind).
   */
  public VerificationPipeline replacing(String name, VerificationCheck check) {
    if (!has(name)) throw new IllegalArgumentException("no step is named " + name);
    return new VerificationPipeline(
        steps.stream()
            .map(s -> s.name().equals(name) ? new Step(name, check, s.gate()) : s)
            .toList());
  }

  /** This pipeline followed by the steps of {@code next}. */
  public VerificationPipeline followedBy(VerificationPipeline next) {
    VerificationPipeline joined = this;
    for (Step step : next.steps) joined = joined.plus(step);
    return joined;
  }

  /** This pipeline with the step {@code name} replaced, if it has one; else unchanged. */
  public VerificationPipeline replacingIfPresent(String name, VerificationCheck check) {
    return has(name) ? replacing(name, check) : this;
  }

  /** Whether a step has this name. */
  public boolean has(String name) {
    return steps.stream().anyMatch(s -> s.name().equals(name));
  }

  /** The steps' names, in the order they run. */
  public List<String> names() {
    return steps.stream().map(Step::name).toList();
  }

  /** Runs the steps over the evidence and reports every check that ran; never throws for input. */
  public VerificationReport run(Evidence evidence) {
    List<Check> checks = new ArrayList<>();
    for (Step step : steps) {
      List<Check> found = step.check().check(evidence);
      checks.addAll(found);
      if (step.gate() && (found.isEmpty() || !found.stream().allMatch(Check::passed))) break;
    }
    if (!evidence.authentic() && checks.stream().allMatch(Check::passed)) checks.add(UNSIGNED);
    return VerificationReport.of(
        checks,
        evidence.issuer(),
        evidence.subject(),
        evidence.achievement(),
        evidence.credentials(),
        evidence.disclosed());
  }
}
