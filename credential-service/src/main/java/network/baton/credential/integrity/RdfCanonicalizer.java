package network.baton.credential.integrity;

import static java.util.Objects.requireNonNull;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.JsonLdOptions.ProcessingPolicy;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.loader.DocumentLoader;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * JSON-LD to canonical N-Quads (RDFC-1.0 with SHA-256) with titanium-json-ld and {@link Rdfc10},
 * offline through the given document loader, and strict about terms: unlike plain JSON-LD it
 * refuses a document whose expansion would silently drop data, so nothing unsigned can ride along a
 * signed credential.
 *
 * <p>How the strict ("safe mode") check works: expansion runs with titanium's undefined-terms
 * policy set to {@code Fail} (a property with no mapping fails instead of being dropped), then the
 * expanded form is walked and every {@code @id}, {@code @type} and datatype must be an absolute IRI
 * or a blank node (a relative IRI would be dropped by toRdf). With {@code
 * rejectIssuerDependentTerms} it also refuses terms that only the VC 2.0 context's catch-all
 * {@code @vocab} (issuer-dependent#) maps, which is what "no undefined terms" means for what this
 * service signs.
 */
public final class RdfCanonicalizer {

  /** The namespace the VC 2.0 context's {@code @vocab} gives to terms no context defines. */
  public static final String ISSUER_DEPENDENT_NS =
      "https://www.w3.org/ns/credentials/issuer-dependent#";

  private static final Pattern ABSOLUTE_IRI = Pattern.compile("^[A-Za-z][A-Za-z0-9+.\\-]*:\\S*$");

  private final DocumentLoader loader;
  private final Duration timeLimit;

  /**
   * A canonicalizer that loads contexts only through {@code loader} and gives up after {@code
   * timeLimit}.
   */
  public RdfCanonicalizer(DocumentLoader loader, Duration timeLimit) {
    this.loader = requireNonNull(loader, "loader");
    this.timeLimit = requireNonNull(timeLimit, "timeLimit");
    if (timeLimit.isNegative() || timeLimit.isZero()) {
      throw new IllegalArgumentException("time limit must be positive: " + timeLimit);
    }
  }

  /** Canonical N-Quads of {@code document}, refusing terms that would be dropped. */
  public String canonicalize(JsonObject document) throws CanonicalizationException {
    return canonicalize(document, false);
  }

  /**
   * Canonical N-Quads of {@code document}; with {@code rejectIssuerDependentTerms} also refuses
   * terms only the VC 2.0 catch-all vocabulary maps (use when signing).
   */
  public String canonicalize(JsonObject document, boolean rejectIssuerDependentTerms)
      throws CanonicalizationException {
    requireNonNull(document, "document");
    JsonLdOptions options = new JsonLdOptions(loader);
    options.setUndefinedTermsPolicy(ProcessingPolicy.Fail);
    options.setTimeout(timeLimit);
    JsonArray expanded;
    try {
      expanded = JsonLd.expand(JsonDocument.of(document)).options(options).get();
    } catch (JsonLdError e) {
      throw new CanonicalizationException(describe(e), e);
    }
    checkExpanded(expanded, rejectIssuerDependentTerms, "");
    Rdfc10 canon = new Rdfc10(timeLimit.toMillis());
    try {
      // The expanded form has no contexts left, so this second pass is cheap.
      JsonLd.toRdf(JsonDocument.of(expanded)).options(options).provide(canon);
      return canon.canonicalNQuads();
    } catch (JsonLdError e) {
      throw new CanonicalizationException(describe(e), e);
    } catch (IllegalStateException e) {
      // Rdfc10 signals an exceeded time limit this way (e.g. a poison graph).
      throw new CanonicalizationException("RDF canonicalization took longer than " + timeLimit, e);
    }
  }

  private static String describe(JsonLdError e) {
    return switch (e.getCode()) {
      case UNDEFINED_TERM -> "a term is not defined by any @context: " + e.getMessage();
      case LOADING_REMOTE_CONTEXT_FAILED, LOADING_DOCUMENT_FAILED ->
          "a @context is not one of the bundled contexts (nothing is fetched): " + e.getMessage();
      case PROCESSING_TIMEOUT_EXCEEDED -> "JSON-LD processing took too long";
      default -> "invalid JSON-LD (" + e.getCode() + "): " + e.getMessage();
    };
  }

  private static void checkExpanded(JsonValue value, boolean rejectIssuerDependent, String path)
      throws CanonicalizationException {
    if (value instanceof JsonArray array) {
      for (int i = 0; i < array.size(); i++) {
        checkExpanded(array.get(i), rejectIssuerDependent, path);
      }
      return;
    }
    if (!(value instanceof JsonObject object)) {
      return;
    }
    boolean valueObject = object.containsKey("@value");
    for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
      String key = entry.getKey();
      JsonValue child = entry.getValue();
      switch (key) {
        case "@id" -> checkIri(child, rejectIssuerDependent, path, "@id", true);
        case "@type" -> {
          if (valueObject) {
            if (!"@json".equals(stringOf(child))) {
              checkIri(child, rejectIssuerDependent, path, "datatype", false);
            }
          } else if (child instanceof JsonArray types) {
            for (JsonValue type : types) {
              checkIri(type, rejectIssuerDependent, path, "@type", true);
            }
          } else {
            checkIri(child, rejectIssuerDependent, path, "@type", true);
          }
        }
        case "@value", "@language", "@direction", "@index" -> {}
        default -> {
          if (!key.startsWith("@")) {
            requireAbsolute(key, rejectIssuerDependent, path, "property");
          }
          checkExpanded(child, rejectIssuerDependent, path + "/" + key);
        }
      }
    }
  }

  private static void checkIri(
      JsonValue value,
      boolean rejectIssuerDependent,
      String path,
      String what,
      boolean blankAllowed)
      throws CanonicalizationException {
    String iri = stringOf(value);
    if (iri == null) {
      return;
    }
    if (blankAllowed && iri.startsWith("_:")) {
      return;
    }
    requireAbsolute(iri, rejectIssuerDependent, path, what);
  }

  private static void requireAbsolute(
      String iri, boolean rejectIssuerDependent, String path, String what)
      throws CanonicalizationException {
    if (!ABSOLUTE_IRI.matcher(iri).matches()) {
      throw new CanonicalizationException(
          what + " '" + iri + "' is not an absolute IRI (it would be dropped) at " + where(path));
    }
    if (rejectIssuerDependent && iri.startsWith(ISSUER_DEPENDENT_NS)) {
      throw new CanonicalizationException(
          "term '"
              + iri.substring(ISSUER_DEPENDENT_NS.length())
              + "' is not defined by any @context (only the VC catch-all vocabulary maps it) at "
              + where(path));
    }
  }

  private static String where(String path) {
    return path.isEmpty() ? "the top level" : path;
  }

  private static String stringOf(JsonValue value) {
    return value instanceof JsonString s ? s.getString() : null;
  }
}
