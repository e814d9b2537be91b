package network.baton.credential.sdjwt;

import com.authlete.sd.Disclosure;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import network.baton.credential.verify.Check;
import network.baton.credential.verify.Evidence;
import network.baton.credential.verify.VerificationCheck;

/**
 * The {@code disclosures} gate (RFC 9901, section 7.1): every disclosure presented is well formed
 * ({@code [salt, name, value]} or, for an array element, {@code [salt, value]}), presented once,
 * and its digest appears exactly once in the signed claims ({@code _sd} of an object, {@code
 * {"...": digest}} in an array) in the place its kind fits; no digest appears twice; a disclosed
 * name must not already be a claim or be {@code _sd} or {@code ...}. A disclosure whose digest is
 * not signed is refused, not ignored, so nobody can slip a claim in. Records the claims with the
 * disclosures applied (undisclosed digests removed) and the path of every disclosed claim.
 *
 * <p>The digests come from the Authlete SD-JWT library ({@link Disclosure#digest}); the walk over
 * the claims is written here because the library's decoder ignores what it cannot place and does
 * not refuse duplicates or unsigned disclosures with a reason.
 */
final class DisclosuresCheck implements VerificationCheck {
  /** The claims with every presented disclosure applied. */
  record DisclosedClaims(ObjectNode claims) {}

  static final String NAME = "disclosures";

  /** How deep the claims (and disclosed values) may nest. */
  static final int MAX_DEPTH = 32;

  private static final ObjectMapper JSON =
      JsonMapper.builder(
              JsonFactory.builder()
                  .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                  .streamReadConstraints(
                      StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
                  .build())
          .build();

  private record Parsed(int position, String name, JsonNode value) {}

  private static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message);
    }
  }

  @Override
  public List<Check> check(Evidence evidence) {
    SdJwt sdJwt = evidence.detail(SdJwt.class);
    try {
      Map<String, Parsed> byDigest = new HashMap<>();
      Set<String> seen = new HashSet<>();
      int position = 0;
      for (String text : sdJwt.disclosures()) {
        position++;
        if (!seen.add(text)) throw new Refused("disclosure " + position + " is presented twice");
        Parsed parsed = parse(position, text);
        String digest;
        try {
          digest = Disclosure.parse(text).digest(SdJwtVcIssuer.SD_ALG);
        } catch (RuntimeException e) {
          throw new Refused("disclosure " + position + " cannot be read: " + e.getMessage());
        }
        if (byDigest.put(digest, parsed) != null) {
          throw new Refused("disclosure " + position + " is presented twice");
        }
      }
      ObjectNode claims = evidence.document().deepCopy();
      claims.remove("_sd_alg");
      Walk walk = new Walk(byDigest);
      walk.object(claims, "", 0);
      for (Map.Entry<String, Parsed> left : byDigest.entrySet()) {
        if (!walk.used.contains(left.getKey())) {
          throw new Refused(
              "disclosure "
                  + left.getValue().position()
                  + "'s digest is not in the signed JWT: an unsigned disclosure");
        }
      }
      evidence.detail(DisclosedClaims.class, new DisclosedClaims(claims));
      evidence.disclosed().addAll(walk.paths);
      return List.of(
          Check.pass(
              NAME,
              walk.paths.isEmpty()
                  ? "no claim disclosed; every digest is signed once"
                  : walk.paths.size()
                      + " claim(s) disclosed, each digest signed once: "
                      + String.join(", ", walk.paths)));
    } catch (Refused e) {
      return List.of(Check.fail(NAME, e.getMessage()));
    }
  }

  private static Parsed parse(int position, String text) {
    JsonNode array;
    try {
      array = JSON.readTree(Base64.getUrlDecoder().decode(text));
    } catch (IllegalArgumentException e) {
      throw new Refused("disclosure " + position + " is not base64url");
    } catch (JsonProcessingException e) {
      throw new Refused(
          "disclosure " + position + " is not a JSON array: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new Refused("disclosure " + position + " cannot be read: " + e.getMessage());
    }
    if (array == null || !array.isArray() || (array.size() != 2 && array.size() != 3)) {
      throw new Refused("disclosure " + position + " is not a JSON array of 2 or 3 elements");
    }
    if (!array.get(0).isTextual()) {
      throw new Refused("disclosure " + position + " has no salt string");
    }
    if (array.size() == 2) return new Parsed(position, null, array.get(1));
    JsonNode name = array.get(1);
    if (!name.isTextual())
      throw new Refused("disclosure " + position + "'s claim name is no string");
    if (name.asText().equals("_sd") || name.asText().equals("...")) {
      throw new Refused("disclosure " + position + " names the reserved claim " + name);
    }
    return new Parsed(position, name.asText(), array.get(2));
  }

  /** One pass over the claims, replacing digests by the values disclosed. */
  private static final class Walk {
    private final Map<String, Parsed> byDigest;
    private final Set<String> digests = new HashSet<>();
    private final Set<String> used = new HashSet<>();
    private final List<String> paths = new ArrayList<>();

    Walk(Map<String, Parsed> byDigest) {
      this.byDigest = byDigest;
    }

    private void seen(String digest) {
      if (!digests.add(digest))
        throw new Refused("digest " + digest + " appears twice in the claims");
    }

    void object(ObjectNode object, String path, int depth) {
      if (depth > MAX_DEPTH) throw new Refused("the claims nest deeper than " + MAX_DEPTH);
      JsonNode sd = object.remove("_sd");
      // Plain claims first, so that a disclosed name can be checked against them.
      Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
      List<Map.Entry<String, JsonNode>> plain = new ArrayList<>();
      fields.forEachRemaining(plain::add);
      for (Map.Entry<String, JsonNode> field : plain) {
        value(field.getValue(), join(path, field.getKey()), depth + 1);
      }
      if (sd == null) return;
      if (!sd.isArray())
        throw new Refused("_sd at " + (path.isEmpty() ? "the top" : path) + " is not an array");
      for (JsonNode digest : sd) {
        if (!digest.isTextual()) throw new Refused("_sd holds a value that is not a digest string");
        seen(digest.asText());
        Parsed disclosed = byDigest.get(digest.asText());
        if (disclosed == null) continue;
        if (disclosed.name() == null) {
          throw new Refused(
              "disclosure "
                  + disclosed.position()
                  + " is an array element, but its digest is in _sd");
        }
        if (object.has(disclosed.name())) {
          throw new Refused(
              "disclosure "
                  + disclosed.position()
                  + " discloses "
                  + disclosed.name()
                  + ", already a claim");
        }
        used.add(digest.asText());
        JsonNode value = disclosed.value().deepCopy();
        String at = join(path, disclosed.name());
        object.set(disclosed.name(), value);
        paths.add(at);
        value(value, at, depth + 1);
      }
    }

    void array(ArrayNode array, String path, int depth) {
      if (depth > MAX_DEPTH) throw new Refused("the claims nest deeper than " + MAX_DEPTH);
      List<JsonNode> kept = new ArrayList<>();
      for (JsonNode element : array) {
        if (element.isObject() && element.size() == 1 && element.has("...")) {
          JsonNode digest = element.get("...");
          if (!digest.isTextual()) throw new Refused("an array digest is not a string");
          seen(digest.asText());
          Parsed disclosed = byDigest.get(digest.asText());
          if (disclosed == null) continue; // not disclosed (or a decoy): the element is left out
          if (disclosed.name() != null) {
            throw new Refused(
                "disclosure "
                    + disclosed.position()
                    + " is an object property, but its digest is an array element");
          }
          used.add(digest.asText());
          kept.add(disclosed.value().deepCopy());
          paths.add(path + "[" + (kept.size() - 1) + "]");
        } else {
          kept.add(element);
        }
      }
      array.removeAll();
      for (int i = 0; i < kept.size(); i++) {
        array.add(kept.get(i));
        value(kept.get(i), path + "[" + i + "]", depth + 1);
      }
    }

    private void value(JsonNode value, String path, int depth) {
      if (value instanceof ObjectNode object) object(object, path, depth);
      else if (value instanceof ArrayNode array) array(array, path, depth);
    }

    private static String join(String path, String name) {
      return path.isEmpty() ? name : path + "." + name;
    }
  }
}
