package network.baton.vocab;

import static java.util.Objects.requireNonNull;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A mapping of an educational level to an ISCED 2011 level IRI ({@code
 * https://w3id.org/kim/isced-2011/levelN}).
 *
 * @param relation how the BATON level relates to the ISCED level
 * @param target the ISCED 2011 level IRI
 */
public record IscedMatch(MappingRelation relation, String target) {

  private static final Pattern LEVEL =
      Pattern.compile(Pattern.quote(Levels.ISCED_2011_NS) + "level([0-8])");

  /** Checks that the target is an ISCED 2011 level IRI. */
  public IscedMatch {
    requireNonNull(relation, "relation");
    requireNonNull(target, "target");
    if (!LEVEL.matcher(target).matches()) {
      throw new IllegalArgumentException("not an ISCED 2011 level IRI: " + target);
    }
  }

  /** Whether an IRI is an ISCED 2011 level IRI. */
  public static boolean isIscedLevel(String iri) {
    return iri != null && LEVEL.matcher(iri).matches();
  }

  /** The ISCED 2011 level number, 0 to 8. */
  public int level() {
    Matcher m = LEVEL.matcher(target);
    if (!m.matches()) {
      throw new IllegalStateException("checked in the constructor: " + target);
    }
    return Integer.parseInt(m.group(1));
  }
}
