package network.baton.vocab;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The words an enum's constants are written as in JSON, requests, files and on the command line
 * ({@code "revocation"}, {@code "vc+jwt"}), and the reading of a word back into a constant, with
 * one refusal for any other word: {@code <what> must be 'a' or 'b', not '<the word, shortened>'}.
 * Immutable and thread-safe; an enum keeps one in a static field.
 */
public final class WireNames<E extends Enum<E>> {
  private final String what;
  private final Map<E, String> names;
  private final Map<String, E> byWord;
  private final UnaryOperator<String> fold;

  private WireNames(
      String what, Map<E, String> names, Map<String, E> byWord, UnaryOperator<String> fold) {
    this.what = what;
    this.names = names;
    this.byWord = byWord;
    this.fold = fold;
  }

  /**
   * The constants of {@code type} written as {@code name} says, read back exactly; {@code what}
   * names the value in a refusal (e.g. {@code statusPurpose}).
   */
  public static <E extends Enum<E>> WireNames<E> of(
      String what, Class<E> type, Function<E, String> name) {
    requireNonNull(what, "what");
    Map<E, String> names = new EnumMap<>(type);
    Map<String, E> byWord = new LinkedHashMap<>();
    for (E constant : type.getEnumConstants()) {
      String word = requireNonNull(name.apply(constant), "name");
      names.put(constant, word);
      if (byWord.put(word, constant) != null) {
        throw new IllegalArgumentException("two constants are written " + word);
      }
    }
    return new WireNames<>(what, names, byWord, UnaryOperator.identity());
  }

  /** The same, {@code word} read as {@code constant} too (it is never written). */
  public WireNames<E> alias(String word, E constant) {
    Map<String, E> more = new LinkedHashMap<>(byWord);
    if (more.putIfAbsent(requireNonNull(word, "word"), requireNonNull(constant, "constant"))
        != null) {
      throw new IllegalArgumentException("the word " + word + " is taken");
    }
    return new WireNames<>(what, names, more, fold);
  }

  /** The same, what is read turned by {@code fold} first (e.g. lower-cased) before the lookup. */
  public WireNames<E> folding(UnaryOperator<String> fold) {
    return new WireNames<>(what, names, byWord, requireNonNull(fold, "fold"));
  }

  /** The word {@code constant} is written as. */
  public String name(E constant) {
    return names.get(constant);
  }

  /** The constant {@code text} names (its word or an alias, after folding), if any. */
  public Optional<E> find(String text) {
    return text == null ? Optional.empty() : Optional.ofNullable(byWord.get(fold.apply(text)));
  }

  /**
   * The constant {@code text} names; fails with an {@link IllegalArgumentException} whose message
   * lists the words written and quotes {@code text} shortened ({@link UntrustedText#quoted}).
   */
  public E parse(String text) {
    return find(text)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    what
                        + " must be "
                        + expected()
                        + (text == null ? "" : ", not " + UntrustedText.quoted(text))));
  }

  // 'a' or 'b'; 'a', 'b' or 'c'
  private String expected() {
    List<String> quoted = new ArrayList<>();
    names.values().forEach(word -> quoted.add("'" + word + "'"));
    int last = quoted.size() - 1;
    return last == 0
        ? quoted.get(0)
        : String.join(", ", quoted.subList(0, last)) + " or " + quoted.get(last);
  }
}
