package network.baton.node.http;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The entity-tag lists of {@code If-Match} and {@code If-None-Match} (RFC 9110 8.8.3, 13.1.1,
 * 13.1.2): {@code "*"} or entity tags, each {@code "opaque"} or weak {@code W/"opaque"}. A list
 * that does not parse matches nothing past the point where it breaks.
 */
public final class EntityTags {

  private EntityTags() {}

  /** One entity tag of a list: its quoted opaque part and whether it was marked weak. */
  public record Tag(String quoted, boolean weak) {}

  /** A strong ETag naming these exact bytes (the same bytes get the same tag after a restart). */
  public static String of(byte[] bytes) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
      return '"'
          + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22)
          + '"';
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** Whether the header is {@code *} (any current representation). */
  public static boolean isAny(String header) {
    return header != null && header.strip().equals("*");
  }

  /** The entity tags of a header, in order; empty for none, for {@code *} or for garbage. */
  public static List<Tag> parse(String header) {
    List<Tag> tags = new ArrayList<>();
    if (header == null) {
      return tags;
    }
    int i = 0;
    int n = header.length();
    while (i < n) {
      char c = header.charAt(i);
      if (c == ',' || c == ' ' || c == '\t') {
        i++;
        continue;
      }
      boolean weak = header.startsWith("W/", i);
      int open = weak ? i + 2 : i;
      if (open >= n || header.charAt(open) != '"') {
        break;
      }
      int close = header.indexOf('"', open + 1);
      if (close < 0) {
        break;
      }
      tags.add(new Tag(header.substring(open, close + 1), weak));
      i = close + 1;
    }
    return tags;
  }

  /**
   * Whether {@code If-None-Match} names the current entity tag (weak comparison, RFC 9110 13.1.2:
   * {@code W/"x"} matches {@code "x"}) or is {@code *}.
   */
  public static boolean weakMatch(String ifNoneMatch, String etag) {
    if (isAny(ifNoneMatch)) {
      return true;
    }
    return parse(ifNoneMatch).stream().anyMatch(tag -> tag.quoted().equals(etag));
  }
}
