package network.baton.node.store;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The node's resource IRIs, {base}/resources/{id}: checking ids, minting slugs, mapping both ways.
 */
public final class ResourceIds {

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._~-]{0,127}");
  private static final int SLUG_MAX = 48;

  private final String base;
  private final String prefix;

  /** Ids under the given base URL (without trailing slash). */
  public ResourceIds(String baseUrl) {
    this.base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.prefix = base + "/resources/";
  }

  /** The base URL without a trailing slash. */
  public String base() {
    return base;
  }

  /** Whether the text is a well-formed resource id. */
  public static boolean isValidId(String id) {
    return id != null && ID.matcher(id).matches() && !id.equals(".") && !id.equals("..");
  }

  /** The IRI of the resource with this id. */
  public String iri(String id) {
    return prefix + id;
  }

  /** The id of an IRI of this node's resources, if it is one. */
  public Optional<String> idOf(String iri) {
    if (iri == null || !iri.startsWith(prefix)) {
      return Optional.empty();
    }
    String id = iri.substring(prefix.length());
    return isValidId(id) ? Optional.of(id) : Optional.empty();
  }

  /**
   * A readable id from a name ("Fundamentals of Cells" -> "fundamentals-of-cells"), or a short
   * uuid.
   */
  public static String slug(String name) {
    String ascii =
        Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFKD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("(^-+|-+$)", "");
    if (ascii.length() > SLUG_MAX) {
      ascii = ascii.substring(0, SLUG_MAX).replaceAll("-+$", "");
    }
    return ascii.isEmpty() ? shortUuid() : ascii;
  }

  /** Eight random hex digits. */
  public static String shortUuid() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}
