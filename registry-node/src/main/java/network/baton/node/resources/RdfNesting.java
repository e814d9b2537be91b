package network.baton.node.resources;

import network.baton.vocab.InputLimitException;

/**
 * The nesting depth of a Turtle, TriG, N-Triples or N-Quads text, checked by a lexical scan before
 * Jena's parser sees it: the parser recurses once per collection {@code (}, blank node property
 * list {@code [}, triple term {@code <<} and graph {@code {}, so 5,000 of them overflowed a worker's
 * stack. The scan skips IRIs, strings, comments and escaped characters, where brackets mean nothing,
 * and costs one pass and no memory.
 */
public final class RdfNesting {

  private RdfNesting() {}

  /** Fails with {@link InputLimitException} (line and column) where text nests deeper than max. */
  public static void check(String text, int max) {
    int depth = 0;
    long line = 1;
    int lineStart = 0;
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      switch (c) {
        case '\n' -> {
          line++;
          lineStart = i + 1;
          i++;
        }
        case '#' -> {
          while (i < n && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
            i++;
          }
        }
        case '\\' -> i += 2; // an escaped character in a prefixed name: \( is no bracket
        case '"', '\'' -> {
          int end = endOfString(text, i);
          for (int k = i; k < end; k++) {
            if (text.charAt(k) == '\n') {
              line++;
              lineStart = k + 1;
            }
          }
          i = end;
        }
        case '<' -> {
          if (i + 1 < n && text.charAt(i + 1) == '<') {
            depth = deeper(depth, max, line, i - lineStart + 1);
            i += 2;
          } else {
            i = endOfIri(text, i);
          }
        }
        case '(', '[', '{' -> {
          depth = deeper(depth, max, line, i - lineStart + 1);
          i++;
        }
        case ')', ']', '}' -> {
          depth = Math.max(0, depth - 1);
          i++;
        }
        case '>' -> {
          if (i + 1 < n && text.charAt(i + 1) == '>') {
            depth = Math.max(0, depth - 1);
            i += 2;
          } else {
            i++;
          }
        }
        default -> i++;
      }
    }
  }

  private static int deeper(int depth, int max, long line, long column) {
    if (depth + 1 > max) {
      throw new InputLimitException(InputLimitException.Limit.NESTING, max, line, column);
    }
    return depth + 1;
  }

  // Past the closing quote of the string opening at start: '...', "...", '''...''' or """...""",
  // with backslash escapes; a short string also ends at a line break (the parser will refuse it).
  private static int endOfString(String text, int start) {
    char quote = text.charAt(start);
    int n = text.length();
    boolean isLong =
        start + 2 < n && text.charAt(start + 1) == quote && text.charAt(start + 2) == quote;
    int i = start + (isLong ? 3 : 1);
    while (i < n) {
      char c = text.charAt(i);
      if (c == '\\') {
        i += 2;
      } else if (c == quote
          && (!isLong
              || (i + 2 < n && text.charAt(i + 1) == quote && text.charAt(i + 2) == quote))) {
        return i + (isLong ? 3 : 1);
      } else if (!isLong && (c == '\n' || c == '\r')) {
        return i;
      } else {
        i++;
      }
    }
    return n;
  }

  // Past the '>' of the IRI opening at start; at a character no IRI may hold, the '<' was no IRI.
  private static int endOfIri(String text, int start) {
    int n = text.length();
    for (int i = start + 1; i < n; i++) {
      char c = text.charAt(i);
      if (c == '>') {
        return i + 1;
      }
      if (c <= ' ' || c == '<' || c == '"' || c == '{' || c == '}') {
        return start + 1;
      }
    }
    return start + 1;
  }
}
