package network.baton.node.importer;

import java.nio.file.Path;
import java.util.Locale;
import org.apache.jena.riot.Lang;

/**
 * The RDF syntaxes an import file may be in, told by file extension or, failing that, by content.
 */
public enum ImportFormat {
  TURTLE(Lang.TURTLE),
  NTRIPLES(Lang.NTRIPLES),
  JSONLD(Lang.JSONLD);

  private final Lang lang;

  ImportFormat(Lang lang) {
    this.lang = lang;
  }

  /** The Jena language of this format. */
  public Lang lang() {
    return lang;
  }

  /**
   * The format of a file: .ttl, .nt, .jsonld/.json by name, else JSON-LD if it starts like JSON,
   * else Turtle.
   */
  public static ImportFormat of(Path file, String text) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".ttl")) {
      return TURTLE;
    }
    if (name.endsWith(".nt")) {
      return NTRIPLES;
    }
    if (name.endsWith(".jsonld") || name.endsWith(".json")) {
      return JSONLD;
    }
    String start = text.stripLeading();
    // Turtle is a superset of N-Triples, so anything that is not JSON is read as Turtle.
    return start.startsWith("{") || start.startsWith("[") ? JSONLD : TURTLE;
  }
}
