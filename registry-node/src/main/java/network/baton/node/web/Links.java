package network.baton.node.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** Page links: a path and query parameters, encoded once here (the template escapes for HTML). */
public final class Links {

  private Links() {}

  /** Percent-encodes one query or path value. */
  public static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /**
   * The IRI as a link target when it is http(s), else null (the template then writes no href): IRIs
   * come from published data, members and credentials, and a javascript: or data: IRI must not
   * become a link.
   */
  public static String safeHref(String iri) {
    if (iri == null) {
      return null;
    }
    String lower = iri.strip().toLowerCase(java.util.Locale.ROOT);
    return lower.startsWith("http://") || lower.startsWith("https://") ? iri : null;
  }

  /** The path with these parameters (in order; empty values left out). */
  public static String of(String path, List<Map.Entry<String, String>> params) {
    StringJoiner query = new StringJoiner("&");
    for (Map.Entry<String, String> param : params) {
      if (param.getValue() != null && !param.getValue().isEmpty()) {
        query.add(encode(param.getKey()) + "=" + encode(param.getValue()));
      }
    }
    return query.length() == 0 ? path : path + "?" + query;
  }
}
