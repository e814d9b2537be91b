package network.baton.node.web;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A text cut into plain and marked runs where the query's terms occur; the template escapes each
 * run and wraps the marked ones in {@code <mark>}. Hand-written: the text index's highlighter works
 * on its own analysed fields, while the page shows the stored name and snippet, so the terms are
 * found again here (case-insensitively, as whole substrings, which also suits Japanese).
 */
public record Highlight(List<Run> runs) {

  /** A piece of the text; {@code marked} when it matched a query term. */
  public record Run(String text, boolean marked) {
    public Run {
      requireNonNull(text, "text");
    }
  }

  public Highlight {
    runs = List.copyOf(runs);
  }

  /** Terms shorter than this (after stripping) are not marked: single Latin letters are noise. */
  static final int MIN_LATIN_TERM = 2;

  /** The text with every occurrence of the query's terms marked. */
  public static Highlight of(String text, String query) {
    String value = text == null ? "" : text;
    List<String> terms = terms(query);
    if (value.isEmpty() || terms.isEmpty()) {
      return new Highlight(value.isEmpty() ? List.of() : List.of(new Run(value, false)));
    }
    boolean[] marked = new boolean[value.length()];
    for (String term : terms) {
      for (int i = 0; i + term.length() <= value.length(); i++) {
        if (value.regionMatches(true, i, term, 0, term.length())) {
          for (int j = i; j < i + term.length(); j++) {
            marked[j] = true;
          }
        }
      }
    }
    List<Run> runs = new ArrayList<>();
    int start = 0;
    for (int i = 1; i <= value.length(); i++) {
      if (i == value.length() || marked[i] != marked[start]) {
        runs.add(new Run(value.substring(start, i), marked[start]));
        start = i;
      }
    }
    return new Highlight(runs);
  }

  /** True when some run is marked. */
  public boolean hasMark() {
    return runs.stream().anyMatch(Run::marked);
  }

  /** The whole text again. */
  public String text() {
    StringBuilder all = new StringBuilder();
    runs.forEach(run -> all.append(run.text()));
    return all.toString();
  }

  private static List<String> terms(String query) {
    List<String> terms = new ArrayList<>();
    if (query == null) {
      return terms;
    }
    for (String part : query.strip().split("[\\s\u3000\"'()+\\-*:]+")) {
      String term = part.strip().toLowerCase(Locale.ROOT);
      boolean latin = term.chars().allMatch(c -> c < 0x3000);
      if (!term.isEmpty() && (!latin || term.length() >= MIN_LATIN_TERM)) {
        terms.add(term);
      }
    }
    return terms;
  }
}
