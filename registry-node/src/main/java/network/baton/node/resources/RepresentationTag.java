package network.baton.node.resources;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import network.baton.node.http.EntityTags;
import network.baton.node.store.VersionMatch;

/**
 * The strong entity tag of one representation of one version of a resource, {@code
 * "<version>-<format>"} (e.g. {@code "3-ttl"}): the JSON-LD, Turtle, N-Triples and RDF/XML of a
 * version differ in their bytes, so each has its own validator (RFC 9110 8.8.3), and an {@code
 * If-None-Match} naming the Turtle never makes a JSON-LD request 304.
 */
public record RepresentationTag(long version, ResourceFormat format) {

  private static final Pattern OPAQUE = Pattern.compile("\"([1-9][0-9]{0,18})-([a-z]+)\"");

  /** The tag as the ETag field value, quotes included. */
  public String header() {
    return "\"" + version + "-" + format.shortName() + "\"";
  }

  /** The tag this quoted entity tag is, if it is one this node hands out. */
  public static Optional<RepresentationTag> parse(String quoted) {
    Matcher m = OPAQUE.matcher(quoted);
    if (!m.matches()) {
      return Optional.empty();
    }
    return ResourceFormat.ofShortName(m.group(2))
        .filter(f -> f.shortName().equals(m.group(2)) && f != ResourceFormat.HTML)
        .map(f -> new RepresentationTag(Long.parseLong(m.group(1)), f));
  }

  /**
   * What an {@code If-Match} header accepts (null when there is none): {@code *}, or the versions
   * its strong tags name, whichever representation they came from, since a write replaces every
   * representation at once. Weak tags never match (strong comparison, RFC 9110 13.1.1).
   */
  public static VersionMatch ifMatch(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    if (EntityTags.isAny(header)) {
      return new VersionMatch(true, Set.of());
    }
    Set<Long> versions = new HashSet<>();
    for (EntityTags.Tag tag : EntityTags.parse(header)) {
      if (!tag.weak()) {
        parse(tag.quoted()).ifPresent(t -> versions.add(t.version()));
      }
    }
    return new VersionMatch(false, versions);
  }
}
