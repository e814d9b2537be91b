package network.baton.vocab;

import java.util.Map;
import java.util.Optional;

/**
 * A concept of one of the BATON SKOS schemes (a {@link Skill}, a {@link Level}): its IRI, its
 * notation, and its labels and definitions by lower-case language tag.
 */
public interface Concept {

  /** The concept IRI: the scheme's namespace plus the notation. */
  String iri();

  /** The code, such as {@code MFG-COAT} or {@code kosen}. */
  String notation();

  /** Preferred labels by lower-case language tag ({@code ja}, {@code en}). */
  Map<String, String> labels();

  /** Definitions by lower-case language tag. */
  Map<String, String> definitions();

  /**
   * The label in a language ({@code ja}, {@code en}, {@code ja-JP}), else English, else Japanese,
   * else the notation.
   */
  default String label(String lang) {
    return LangMaps.pick(labels(), lang).orElse(notation());
  }

  /** The definition in a language, else English, else Japanese, else empty. */
  default Optional<String> definition(String lang) {
    return LangMaps.pick(definitions(), lang);
  }
}
