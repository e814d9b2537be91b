package network.baton.node.web;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * What a reader pasted on the verify page, sorted into a request for the node's verify API: a
 * credential (vc+jwt, an enveloped or Data Integrity credential, or the node's issue answer) or a
 * presentation (vp+jwt, which also needs the challenge and domain it was made for).
 *
 * @param path the API path: {@link #CREDENTIAL_PATH} or {@link #PRESENTATION_PATH}
 * @param body the JSON body to send there
 */
public record VerifyInput(String path, JsonObject body) {
  // The page verifies for a person at the node: the challenge it handed out, and each credential
  // about the holder who presents it (options a pasted request may set otherwise).
  private static final JsonObject PAGE_POLICY =
      new JsonObject().put("holderBinding", true).put("issuedChallenge", true);

  /** The API verifying one credential. */
  public static final String CREDENTIAL_PATH = "/credentials/verify";

  /** The API verifying a presentation. */
  public static final String PRESENTATION_PATH = "/presentations/verify";

  /** Why pasted text cannot be verified; {@code key} names the page text that says so. */
  public static final class Unusable extends IllegalArgumentException {
    private final String key;

    Unusable(String key, String detail) {
      super(detail);
      this.key = key;
    }

    /** The page text key for the reason. */
    public String key() {
      return key;
    }
  }

  /** Sorts the pasted text; challenge and domain are used for a presentation only. */
  public static VerifyInput of(String text, String challenge, String domain) {
    String input = text == null ? "" : text.strip();
    if (input.isEmpty()) {
      throw new Unusable("verify.error.empty", "nothing was pasted");
    }
    if (input.startsWith("{")) {
      JsonObject json;
      try {
        json = new JsonObject(input);
      } catch (DecodeException e) {
        throw new Unusable("verify.error.json", e.getMessage());
      }
      return ofJson(json, challenge, domain);
    }
    String[] parts = input.split("\\.", -1);
    if (parts.length != 3) {
      throw new Unusable("verify.error.unknown", "neither JSON nor a compact JWT");
    }
    String typ = "";
    try {
      JsonObject header =
          new JsonObject(
              new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8));
      typ = header.getString("typ", "");
    } catch (IllegalArgumentException | DecodeException | ClassCastException e) {
      throw new Unusable("verify.error.unknown", "the JWT header is not base64url JSON");
    }
    if (typ.equals("vp+jwt")) {
      return presentation(input, challenge, domain);
    }
    return new VerifyInput(CREDENTIAL_PATH, new JsonObject().put("verifiableCredential", input));
  }

  /** True when this is a presentation. */
  public boolean isPresentation() {
    return path.equals(PRESENTATION_PATH);
  }

  private static VerifyInput ofJson(JsonObject json, String challenge, String domain) {
    if (json.containsKey("verifiablePresentation")) {
      JsonObject body = json.copy();
      if (!body.containsKey("options")) {
        body.put("options", options(challenge, domain));
      } else if (body.getValue("options") instanceof JsonObject asked) {
        PAGE_POLICY.forEach(entry -> asked.getMap().putIfAbsent(entry.getKey(), entry.getValue()));
      }
      return new VerifyInput(PRESENTATION_PATH, body);
    }
    if (json.containsKey("verifiableCredential")) {
      // The verify request itself, or the node's issue answer: both carry the credential there.
      return new VerifyInput(
          CREDENTIAL_PATH,
          new JsonObject().put("verifiableCredential", json.getValue("verifiableCredential")));
    }
    if (types(json).contains("VerifiablePresentation")
        || types(json).contains("EnvelopedVerifiablePresentation")) {
      return presentation(json, challenge, domain);
    }
    return new VerifyInput(CREDENTIAL_PATH, new JsonObject().put("verifiableCredential", json));
  }

  private static VerifyInput presentation(Object presentation, String challenge, String domain) {
    return new VerifyInput(
        PRESENTATION_PATH,
        new JsonObject()
            .put("verifiablePresentation", presentation)
            .put("options", options(challenge, domain)));
  }

  private static JsonObject options(String challenge, String domain) {
    if (challenge == null || challenge.isBlank() || domain == null || domain.isBlank()) {
      throw new Unusable(
          "verify.error.challenge",
          "a presentation needs the challenge and domain it was made for");
    }
    return new JsonObject()
        .put("challenge", challenge.strip())
        .put("domain", domain.strip())
        .mergeIn(PAGE_POLICY);
  }

  private static JsonArray types(JsonObject json) {
    Object type = json.getValue("type");
    if (type instanceof JsonArray array) {
      return array;
    }
    return type == null ? new JsonArray() : new JsonArray().add(type);
  }
}
