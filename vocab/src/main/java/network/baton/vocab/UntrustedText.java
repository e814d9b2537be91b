package network.baton.vocab;

/**
 * Text someone else chose (a request member, a value read from a credential, a member node's error)
 * made safe to echo in a problem detail, a report or a log line: its first line only, control and
 * format characters replaced with '?', at most {@value #MAX_LENGTH} characters, "..." where
 * anything was cut. A client cannot make an answer or a log line long, nor forge one.
 */
public final class UntrustedText {
  /** The most characters of the text that are shown. */
  public static final int MAX_LENGTH = 160;

  private UntrustedText() {}

  /** The text made safe to show; {@code ifBlank} when it is null or blank. */
  public static String shorten(String text, String ifBlank) {
    String stripped = text == null ? "" : text.strip();
    String line = stripped.lines().findFirst().orElse("").strip();
    if (line.isEmpty()) {
      return ifBlank;
    }
    int end = Math.min(line.length(), MAX_LENGTH);
    if (end < line.length() && Character.isHighSurrogate(line.charAt(end - 1))) {
      end--; // not half a character
    }
    StringBuilder out = new StringBuilder(end + 3);
    for (int i = 0; i < end; i++) {
      char c = line.charAt(i);
      boolean unsafe =
          Character.isISOControl(c) || Character.getType(c) == Character.FORMAT || c == '\uFFFD';
      out.append(unsafe ? '?' : c);
    }
    boolean cut = end < line.length() || line.length() < stripped.length();
    return cut ? out.append("...").toString() : out.toString();
  }

  /** The text shortened and in single quotes, as a refusal names the value it refuses. */
  public static String quoted(String text) {
    return "'" + shorten(text, "") + "'";
  }
}
