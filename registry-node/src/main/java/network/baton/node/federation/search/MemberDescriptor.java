package network.baton.node.federation.search;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import network.baton.node.search.SearchQuery;

/**
 * What a member's descriptor ({@code GET /.well-known/baton-node}) says it covers: the skills it
 * has resources for (broader skills included) and its languages. Used only to skip members that
 * cannot match; an empty set means "not stated" and never causes a skip.
 */
public record MemberDescriptor(Set<String> skills, Set<String> languages) {

  private static final int MAX_ENTRIES = 10_000;

  public MemberDescriptor {
    skills = Set.copyOf(skills);
    languages = Set.copyOf(languages);
  }

  /** Reads the parts it needs from an untrusted descriptor; fails on anything but an object. */
  public static MemberDescriptor fromJson(JsonObject json) {
    Set<String> skills = new HashSet<>();
    Object coverage = json.getValue("skills");
    if (coverage instanceof JsonArray array) {
      for (Object entry : array) {
        if (skills.size() >= MAX_ENTRIES) {
          break;
        }
        if (entry instanceof JsonObject object && object.getValue("skill") instanceof String s) {
          skills.add(s);
        } else if (entry instanceof String s) {
          skills.add(s);
        }
      }
    }
    Set<String> languages = new HashSet<>();
    Object langs = json.getValue("languages");
    if (langs instanceof JsonArray array) {
      array.forEach(
          l -> {
            if (l instanceof String s && languages.size() < MAX_ENTRIES) {
              languages.add(s.toLowerCase(Locale.ROOT));
            }
          });
    } else if (langs instanceof String s) {
      languages.add(s.toLowerCase(Locale.ROOT));
    }
    return new MemberDescriptor(skills, languages);
  }

  /**
   * Why the member cannot match the query's skill or language filter, or empty when it may; {@code
   * selfAndNarrower} gives a skill and every narrower skill of the framework.
   */
  public Optional<String> mismatch(
      SearchQuery query, Function<String, Set<String>> selfAndNarrower) {
    if (!query.skills().isEmpty() && !skills.isEmpty()) {
      boolean any =
          query.skills().stream()
              .flatMap(skill -> selfAndNarrower.apply(skill).stream())
              .anyMatch(skills::contains);
      if (!any) {
        return Optional.of("descriptor covers none of the skills asked for");
      }
    }
    if (!query.languages().isEmpty() && !languages.isEmpty()) {
      boolean any =
          query.languages().stream()
              .anyMatch(wanted -> languages.stream().anyMatch(have -> related(wanted, have)));
      if (!any) {
        return Optional.of("descriptor lists none of the languages asked for");
      }
    }
    return Optional.empty();
  }

  private static boolean related(String a, String b) {
    return a.equals(b) || a.startsWith(b + "-") || b.startsWith(a + "-");
  }
}
