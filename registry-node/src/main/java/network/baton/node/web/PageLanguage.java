package network.baton.node.web;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.LanguageHeader;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import java.util.Optional;

/** The language a page is shown in: Japanese or English. */
public enum PageLanguage {
  JA("ja"),
  EN("en");

  /** The query parameter that switches the language (and sets the cookie). */
  public static final String PARAM = "lang";

  /** The cookie that remembers the reader's choice. */
  public static final String COOKIE = "baton-lang";

  private final String tag;

  PageLanguage(String tag) {
    this.tag = tag;
  }

  /** The BCP 47 tag, for {@code <html lang>} and label lookup. */
  public String tag() {
    return tag;
  }

  /** The language switched to from this one. */
  public PageLanguage other() {
    return this == JA ? EN : JA;
  }

  /** The locale of this language. */
  public Locale locale() {
    return Locale.forLanguageTag(tag);
  }

  /** The language with this tag (ja, en, ja-JP, EN-us), if it is one of ours. */
  public static Optional<PageLanguage> of(String tag) {
    if (tag == null) {
      return Optional.empty();
    }
    String primary = tag.strip().toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
    for (PageLanguage language : values()) {
      if (language.tag.equals(primary)) {
        return Optional.of(language);
      }
    }
    return Optional.empty();
  }

  /**
   * The language for this request: {@code ?lang=} (remembered in a cookie), else the cookie, else
   * the first of Accept-Language we have, else English.
   */
  public static PageLanguage choose(RoutingContext rc) {
    Optional<PageLanguage> asked = of(rc.queryParams().get(PARAM));
    if (asked.isPresent()) {
      rc.response()
          .addCookie(
              Cookie.cookie(COOKIE, asked.get().tag)
                  .setPath("/")
                  .setHttpOnly(true)
                  .setSameSite(CookieSameSite.LAX)
                  .setMaxAge(365L * 24 * 3600));
      return asked.get();
    }
    Cookie cookie = rc.request().getCookie(COOKIE);
    if (cookie != null) {
      Optional<PageLanguage> remembered = of(cookie.getValue());
      if (remembered.isPresent()) {
        return remembered.get();
      }
    }
    for (LanguageHeader header : rc.acceptableLanguages()) {
      Optional<PageLanguage> accepted = of(header.tag());
      if (accepted.isPresent()) {
        return accepted.get();
      }
    }
    return EN;
  }
}
