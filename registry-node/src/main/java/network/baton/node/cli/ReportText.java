package network.baton.node.cli;

import java.io.PrintWriter;
import network.baton.credential.verify.AttestedAchievement;
import network.baton.credential.verify.AttestedSkill;
import network.baton.credential.verify.Check;
import network.baton.credential.verify.VerificationReport;

/** A verification report as `baton verify` prints it for people. */
final class ReportText {
  private ReportText() {}

  /** The report for people: a verdict, then each check with a tick or cross, then the skills. */
  static void print(PrintWriter out, VerificationReport report, String what, String indent) {
    out.println(indent + what + ": " + (report.ok() ? "VALID" : "NOT VALID"));
    if (report.issuer() != null) out.println(indent + "  issuer:  " + report.issuer());
    if (report.subject() != null) {
      out.println(
          indent
              + "  "
              + (what.equals("presentation") ? "holder:  " : "subject: ")
              + report.subject());
    }
    for (Check check : report.checks()) {
      out.println(
          indent + "  " + (check.passed() ? "✓ " : "✗ ") + check.name() + ": " + check.reason());
    }
    AttestedAchievement achievement = report.achievement();
    if (achievement != null) {
      out.println(indent + "  achievement: " + achievement.name() + " <" + achievement.iri() + ">");
      for (AttestedSkill skill : achievement.skills()) {
        String en = skill.labels().getOrDefault("en", skill.labels().getOrDefault("und", ""));
        String ja = skill.labels().getOrDefault("ja", "");
        out.println(
            indent
                + "    "
                + (skill.code() == null ? "" : skill.code() + "  ")
                + (ja.isEmpty() ? en : ja + " / " + en)
                + (skill.inFramework() ? "" : " (not in the BATON framework)")
                + "  <"
                + skill.iri()
                + ">");
      }
    }
    // Numbered from 0, as the presentation's own checks name them ("credential 0 is about ...").
    int n = 0;
    for (VerificationReport credential : report.credentials()) {
      print(out, credential, "credential " + n++, indent + "  ");
    }
  }
}
