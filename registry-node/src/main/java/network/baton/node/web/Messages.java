package network.baton.node.web;

import java.text.MessageFormat;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;

/** The pages' texts in Japanese and English, from UTF-8 bundles {@code web/messages_xx}. */
public final class Messages {

  static final String BUNDLE = "network.baton.node.web.messages";

  private final Map<PageLanguage, Map<String, String>> texts = new EnumMap<>(PageLanguage.class);

  /** Loads both bundles; fails at start-up when one is missing or a key is in one only. */
  public Messages() {
    for (PageLanguage language : PageLanguage.values()) {
      ResourceBundle bundle =
          ResourceBundle.getBundle(
              BUNDLE,
              language.locale(),
              ResourceBundle.Control.getNoFallbackControl(
                  ResourceBundle.Control.FORMAT_PROPERTIES));
      Map<String, String> map = new TreeMap<>();
      bundle.keySet().forEach(key -> map.put(key, bundle.getString(key)));
      texts.put(language, Collections.unmodifiableMap(map));
    }
    if (!texts.get(PageLanguage.JA).keySet().equals(texts.get(PageLanguage.EN).keySet())) {
      throw new IllegalStateException("the ja and en page texts do not have the same keys");
    }
  }

  /** Every text of a language by key (templates read {@code t.key}). */
  public Map<String, String> all(PageLanguage language) {
    return texts.get(language);
  }

  /** One text with {0}-style arguments filled in. */
  public String format(PageLanguage language, String key, Object... args) {
    String pattern = texts.get(language).get(key);
    if (pattern == null) {
      throw new IllegalArgumentException("no page text " + key);
    }
    return new MessageFormat(pattern, language.locale()).format(args);
  }
}
