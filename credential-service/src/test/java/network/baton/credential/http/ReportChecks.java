package network.baton.credential.http;

import io.vertx.core.json.JsonObject;

/** Reads the report of {@code POST /credentials/verify} or {@code /presentations/verify}. */
public final class ReportChecks {

  private ReportChecks() {}

  /** The named check of the report; fails the test when there is none. */
  public static JsonObject check(JsonObject report, String name) {
    for (Object each : report.getJsonArray("checks")) {
      JsonObject check = (JsonObject) each;
      if (check.getString("check").equals(name)) return check;
    }
    throw new AssertionError("no check " + name + " in " + report.encodePrettily());
  }

  /** The achievement IRI of the credential at this index of a presentation's report. */
  public static String achievementId(JsonObject report, int credential) {
    JsonObject checked = report.getJsonArray("credentials").getJsonObject(credential);
    return checked.getJsonObject("achievement").getString("id");
  }
}
