package network.baton.node.resources;

import io.vertx.ext.web.MIMEHeader;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.riot.Lang;

/** The representations a resource is served in, with their media types and ?format= names. */
public enum ResourceFormat {
  JSONLD("application/ld+json", "jsonld", Lang.JSONLD),
  TURTLE("text/turtle", "ttl", Lang.TURTLE),
  NTRIPLES("application/n-triples", "nt", Lang.NTRIPLES),
  RDFXML("application/rdf+xml", "rdf", Lang.RDFXML),
  HTML("text/html", "html", null);

  private final String mediaType;
  private final String shortName;
  private final Lang lang;

  ResourceFormat(String mediaType, String shortName, Lang lang) {
    this.mediaType = mediaType;
    this.shortName = shortName;
    this.lang = lang;
  }

  /** The media type, e.g. "text/turtle". */
  public String mediaType() {
    return mediaType;
  }

  /** The ?format= value, e.g. "ttl". */
  public String shortName() {
    return shortName;
  }

  /** The Jena language (null for HTML). */
  public Lang lang() {
    return lang;
  }

  /** The format named by a ?format= value. */
  public static Optional<ResourceFormat> ofShortName(String name) {
    for (ResourceFormat f : values()) {
      if (f.shortName.equalsIgnoreCase(name) || f.mediaType.equalsIgnoreCase(name)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  /**
   * The best format for parsed Accept headers (already ordered by preference); JSON-LD when there
   * is no Accept header, empty when nothing offered is acceptable.
   */
  public static Optional<ResourceFormat> negotiate(List<MIMEHeader> accept) {
    return negotiate(accept, EnumSet.allOf(ResourceFormat.class));
  }

  /** As {@link #negotiate(List)}, choosing among the offered formats only. */
  public static Optional<ResourceFormat> negotiate(
      List<MIMEHeader> accept, Set<ResourceFormat> offered) {
    if (accept == null || accept.isEmpty()) {
      return Optional.of(JSONLD);
    }
    for (MIMEHeader header : accept) {
      if (header.weight() <= 0) {
        continue;
      }
      String type = header.component().toLowerCase(Locale.ROOT);
      String sub = header.subComponent().toLowerCase(Locale.ROOT);
      if (type.equals("application") && sub.equals("json")) {
        return Optional.of(JSONLD); // JSON-LD is JSON; API clients often ask for plain JSON
      }
      for (ResourceFormat f : values()) {
        if (!offered.contains(f)) {
          continue;
        }
        String[] parts = f.mediaType.split("/");
        boolean typeOk = type.equals("*") || type.equals(parts[0]);
        boolean subOk = sub.equals("*") || sub.equals(parts[1]);
        if (typeOk && subOk) {
          return Optional.of(type.equals("*") && sub.equals("*") ? JSONLD : f);
        }
      }
    }
    return Optional.empty();
  }
}
