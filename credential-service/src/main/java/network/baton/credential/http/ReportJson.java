package network.baton.credential.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import network.baton.credential.verify.AttestedAchievement;
import network.baton.credential.verify.AttestedSkill;
import network.baton.credential.verify.Check;
import network.baton.credential.verify.VerificationReport;

/**
 * A verification report in the VC API's response shape: {@code verified}, {@code checks}, {@code
 * warnings} and {@code errors} (one problem-details object per failed check), plus BATON's {@code
 * issuer}, {@code subject}, {@code achievement} with its skills and labels, {@code disclosed} (the
 * claims an SD-JWT VC disclosed), and for a presentation the reports of its {@code credentials}.
 */
final class ReportJson {
  private ReportJson() {}

  static JsonObject of(VerificationReport report) {
    JsonArray checks = new JsonArray();
    JsonArray errors = new JsonArray();
    for (Check check : report.checks()) {
      checks.add(
          new JsonObject()
              .put("check", check.name())
              .put("passed", check.passed())
              .put("reason", check.reason()));
      if (!check.passed()) {
        errors.add(
            new JsonObject()
                .put("type", "https://w3id.org/baton/problems#check-failed")
                .put("title", check.name() + " check failed")
                .put("detail", check.reason()));
      }
    }
    JsonObject json =
        new JsonObject()
            .put("verified", report.ok())
            .put("checks", checks)
            .put("warnings", new JsonArray())
            .put("errors", errors);
    if (report.issuer() != null) json.put("issuer", report.issuer());
    if (report.subject() != null) json.put("subject", report.subject());
    if (report.achievement() != null) json.put("achievement", achievement(report.achievement()));
    if (!report.disclosed().isEmpty()) json.put("disclosed", new JsonArray(report.disclosed()));
    if (!report.credentials().isEmpty()) {
      JsonArray credentials = new JsonArray();
      report.credentials().forEach(r -> credentials.add(of(r)));
      json.put("credentials", credentials);
    }
    return json;
  }

  private static JsonObject achievement(AttestedAchievement achievement) {
    JsonArray skills = new JsonArray();
    for (AttestedSkill skill : achievement.skills()) {
      JsonObject labels = new JsonObject();
      skill.labels().forEach(labels::put);
      skills.add(
          new JsonObject()
              .put("id", skill.iri())
              .put("code", skill.code())
              .put("labels", labels)
              .put("inFramework", skill.inFramework()));
    }
    return new JsonObject()
        .put("id", achievement.iri())
        .put("name", achievement.name())
        .put("skills", skills);
  }
}
