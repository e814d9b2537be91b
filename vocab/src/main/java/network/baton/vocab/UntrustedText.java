package network.baton.vocab;

/**
 * Text someone else chose (a request member, a value read from a credential, a member node's error)
 * made safe to echo in a problem detail, a report or a log line: on one line, control and format
 * characters replaced with '?', at most {@value #MAX_LENGTH} characters, "..." where it was cut. A
 * client cannot make an answer or a log line long, nor forge one.
 */
public final class UntrustedText {
  /** The most characters of the text that are shown. */
  public static final int MAX_LENGTH = 160;

  private UntrustedText() {}

  /**
   * The first line of a message (e.g. what a failed call said) made safe to show; {@code ifBlank}
   * when there is none.
   */
  public static String firstLine(String text, String ifBlank) {
    String line = text == null ? "" : text.strip().lines().findFirst().orElse("").strip();
    return line.isEmpty() ? ifBlank : oneLine(line);
  }

  /**
   * A value as it was sent, made safe to show: line breaks are replaced too; null is "null", as
   * string concatenation writes it.
   */
  public static String oneLine(String text) {
    String value = String.valueOf(text);
    int end = Math.min(value.length(), MAX_LENGTH);
    if (end < value.length() && Character.isHighSurrogate(value.charAt(end - 1))) {
      end--; // not half a character
    }
    StringBuilder out = new StringBuilder(end + 3);
    for (int i = 0; i < end; i++) {
      char c = value.charAt(i);
      boolean unsafe =
          Character.isISOControl(c) || Character.getType(c) == Character.FORMAT || c == '\uFFFD';
      out.append(unsafe ? '?' : c);
    }
    return end < value.length() ? out.append("...").toString() : out.toString();
  }

  /** A value {@link #oneLine} and in single quotes, as a refusal names the value it refuses. */
  public static String quoted(String text) {
    return "'" + oneLine(text) + "'";
  }
}
