package network.baton.credential.sdjwt;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;

/**
 * The SD-JWT VC type of a BATON skill credential: its {@code vct} ({@code
 * {baseUrl}/vct/skill-credential}, a URL so that the node can serve the type metadata there) and
 * the type metadata document (draft-ietf-oauth-sd-jwt-vc, section 6): names in Japanese and
 * English, and for each claim its path, labels and whether it is selectively disclosed. The claims:
 * {@code achievement.id} and {@code achievement.name} (always shown), {@code skills} (an array,
 * each element its own disclosure, with {@code id}, {@code code} and {@code name.ja}/{@code
 * name.en}).
 */
public final class SkillCredentialType {
  /** The path of the type under the node's base URL. */
  public static final String PATH = "/vct/skill-credential";

  private static final ObjectMapper JSON = new ObjectMapper();

  private SkillCredentialType() {}

  /** The {@code vct} of a node's skill credentials. */
  public static String vct(URI baseUrl) {
    String base = baseUrl.toString();
    return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + PATH;
  }

  /** Whether {@code vct} names a BATON skill credential (of any node). */
  public static boolean isSkillCredential(String vct) {
    return vct != null && vct.endsWith(PATH) && vct.startsWith("http");
  }

  /** The type metadata document served at the {@code vct}. */
  public static ObjectNode metadata(URI baseUrl) {
    ObjectNode type = JSON.createObjectNode();
    type.put("vct", vct(baseUrl));
    type.put("name", "BATON skill credential");
    type.put(
        "description",
        "A course completed at a member of the BATON battery-industry network, with the skills of"
            + " the BATON framework it teaches; each skill is disclosed on its own.");
    ArrayNode display = type.putArray("display");
    display(display, "ja", "BATON スキル証明", "BATON 蓄電池人材ネットワークで修了した講座とそのスキル");
    display(
        display,
        "en",
        "BATON skill credential",
        "A course completed in the BATON network and its skills");
    ArrayNode claims = type.putArray("claims");
    claim(claims, "never", "講座", "Course", "achievement", "id");
    claim(claims, "never", "講座名", "Course name", "achievement", "name");
    claim(claims, "always", "スキル", "Skill", "skills", null);
    claim(claims, "always", "スキルコード", "Skill code", "skills", null, "code");
    claim(claims, "always", "スキル名", "Skill name", "skills", null, "name");
    return type;
  }

  private static void display(ArrayNode display, String locale, String name, String description) {
    display
        .addObject()
        .put("locale", locale)
        .put("lang", locale)
        .put("name", name)
        .put("description", description);
  }

  private static void claim(ArrayNode claims, String sd, String ja, String en, String... path) {
    ObjectNode claim = claims.addObject();
    ArrayNode p = claim.putArray("path");
    for (String step : path) {
      if (step == null) p.addNull();
      else p.add(step);
    }
    ArrayNode display = claim.putArray("display");
    display.addObject().put("locale", "ja").put("lang", "ja").put("label", ja);
    display.addObject().put("locale", "en").put("lang", "en").put("label", en);
    claim.put("sd", sd);
  }
}
