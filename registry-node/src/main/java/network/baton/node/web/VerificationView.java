package network.baton.node.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import network.baton.node.web.SearchView.Link;

/**
 * A verification report for people, from the verify API's JSON: verdict, each check with its
 * reason, the issuer and subject, the achievement and the skills it attests (labelled in the page
 * language and linked to the framework), and for a presentation the report of each credential.
 */
public record VerificationView(
    boolean verified,
    List<CheckRow> checks,
    String issuer,
    String subject,
    String achievement,
    String achievementId,
    List<Link> skills,
    List<VerificationView> credentials) {

  /** One check: its name, its label in the page language, whether it passed and why. */
  public record CheckRow(String name, String label, boolean passed, String reason) {}

  public VerificationView {
    checks = List.copyOf(checks);
    skills = List.copyOf(skills);
    credentials = List.copyOf(credentials);
  }

  /** The view of a report. */
  public static VerificationView of(
      JsonObject report, Labels labels, Messages messages, PageLanguage language) {
    List<CheckRow> checks = new ArrayList<>();
    for (Object item : report.getJsonArray("checks", new JsonArray())) {
      JsonObject check = (JsonObject) item;
      String name = check.getString("check", "");
      checks.add(
          new CheckRow(
              name,
              messages.all(language).getOrDefault("check." + name, name),
              check.getBoolean("passed", false),
              check.getString("reason", "")));
    }
    JsonObject achievement = report.getJsonObject("achievement", new JsonObject());
    List<Link> skills = new ArrayList<>();
    for (Object item : achievement.getJsonArray("skills", new JsonArray())) {
      JsonObject skill = (JsonObject) item;
      String iri = skill.getString("id", "");
      JsonObject names = skill.getJsonObject("labels", new JsonObject());
      String label =
          labels.skills().contains(iri)
              ? labels.skill(iri, language)
              : SearchView.pick(names, language, skill.getString("code", iri));
      skills.add(new Link(label, labels.skillHref(iri)));
    }
    List<VerificationView> credentials = new ArrayList<>();
    for (Object item : report.getJsonArray("credentials", new JsonArray())) {
      credentials.add(of((JsonObject) item, labels, messages, language));
    }
    return new VerificationView(
        report.getBoolean("verified", false),
        checks,
        report.getString("issuer"),
        report.getString("subject"),
        achievement.getString("name"),
        Links.safeHref(achievement.getString("id")),
        skills,
        credentials);
  }

  /** The checks that failed. */
  public List<CheckRow> failures() {
    return checks.stream().filter(c -> !c.passed()).toList();
  }
}
