package network.baton.credential.verify;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of verifying a credential or presentation: every check run, with reasons; ok only
 * when all checks (and all enveloped credentials' reports) passed. Issuer, subject and achievement
 * are filled when they could be read; {@code credentials} holds the reports of a presentation's
 * enveloped credentials; {@code disclosed} the claims a selectively disclosable credential (SD-JWT
 * VC) disclosed, empty for other formats.
 */
public record VerificationReport(
    List<Check> checks,
    boolean ok,
    String issuer,
    String subject,
    AttestedAchievement achievement,
    List<VerificationReport> credentials,
    List<String> disclosed) {
  public VerificationReport {
    checks = List.copyOf(checks);
    credentials = List.copyOf(credentials);
    disclosed = disclosed == null ? List.of() : List.copyOf(disclosed);
    boolean allPassed =
        !checks.isEmpty()
            && checks.stream().allMatch(Check::passed)
            && credentials.stream().allMatch(VerificationReport::ok);
    if (ok != allPassed) {
      throw new IllegalArgumentException("ok must be true exactly when every check passed");
    }
  }

  /** A report with nothing disclosed selectively. */
  public VerificationReport(
      List<Check> checks,
      boolean ok,
      String issuer,
      String subject,
      AttestedAchievement achievement,
      List<VerificationReport> credentials) {
    this(checks, ok, issuer, subject, achievement, credentials, List.of());
  }

  /** A report whose ok flag follows from its checks. */
  public static VerificationReport of(
      List<Check> checks,
      String issuer,
      String subject,
      AttestedAchievement achievement,
      List<VerificationReport> credentials) {
    return of(checks, issuer, subject, achievement, credentials, List.of());
  }

  /** A report whose ok flag follows from its checks, with the claims disclosed. */
  public static VerificationReport of(
      List<Check> checks,
      String issuer,
      String subject,
      AttestedAchievement achievement,
      List<VerificationReport> credentials,
      List<String> disclosed) {
    boolean ok =
        !checks.isEmpty()
            && checks.stream().allMatch(Check::passed)
            && credentials.stream().allMatch(VerificationReport::ok);
    return new VerificationReport(checks, ok, issuer, subject, achievement, credentials, disclosed);
  }

  /** The check with this name, if it ran. */
  public Optional<Check> check(String name) {
    return checks.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  /** The report as plain text for people: one line per check, then the attested skills. */
  public String toText() {
    StringBuilder out = new StringBuilder();
    appendText(out, "");
    return out.toString();
  }

  private void appendText(StringBuilder out, String indent) {
    out.append(indent).append(ok ? "VALID" : "NOT VALID");
    if (issuer != null) out.append(" - issuer ").append(issuer);
    if (subject != null) out.append(", subject ").append(subject);
    out.append('\n');
    for (Check check : checks) {
      out.append(indent)
          .append(check.passed() ? "  [pass] " : "  [FAIL] ")
          .append(check.name())
          .append(": ")
          .append(check.reason())
          .append('\n');
    }
    if (!disclosed.isEmpty()) {
      out.append(indent).append("  disclosed: ").append(String.join(", ", disclosed)).append('\n');
    }
    if (achievement != null) {
      out.append(indent)
          .append("  achievement: ")
          .append(achievement.name())
          .append(" <")
          .append(achievement.iri())
          .append(">\n");
      for (AttestedSkill skill : achievement.skills()) {
        out.append(indent)
            .append("    skill ")
            .append(skill.code() == null ? "" : skill.code())
            .append(' ')
            .append(skill.labels().getOrDefault("ja", ""))
            .append(" / ")
            .append(skill.labels().getOrDefault("en", skill.labels().getOrDefault("und", "")))
            .append(skill.inFramework() ? "" : " (not in the framework)")
            .append(" <")
            .append(skill.iri())
            .append(">\n");
      }
    }
    for (VerificationReport credential : credentials) credential.appendText(out, indent + "    ");
  }

  /** The first failed check, if any. */
  public Optional<Check> firstFailure() {
    return checks.stream().filter(c -> !c.passed()).findFirst();
  }
}
