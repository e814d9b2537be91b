package network.baton.vocab;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Picks a value from a map keyed by language tag, with the fallbacks BATON uses everywhere. */
final class LangMaps {

  private LangMaps() {}

  /** The value for {@code lang}, its primary subtag, then {@code en}, then {@code ja}. */
  static Optional<String> pick(Map<String, String> byLang, String lang) {
    if (lang != null && !lang.isBlank()) {
      String tag = lang.toLowerCase(Locale.ROOT);
      if (byLang.containsKey(tag)) {
        return Optional.of(byLang.get(tag));
      }
      int dash = tag.indexOf('-');
      if (dash > 0 && byLang.containsKey(tag.substring(0, dash))) {
        return Optional.of(byLang.get(tag.substring(0, dash)));
      }
    }
    if (byLang.containsKey("en")) {
      return Optional.of(byLang.get("en"));
    }
    return Optional.ofNullable(byLang.get("ja"));
  }
}
