package network.baton.node.store;

import java.util.Locale;

/** What happened to a resource in one change-log entry. */
public enum ChangeAction {
  CREATED,
  UPDATED,
  DELETED;

  /** The lower-case word used in JSON and RDF ("created", ...). */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The action for a word written by {@link #word()}. */
  public static ChangeAction ofWord(String word) {
    return valueOf(word.toUpperCase(Locale.ROOT));
  }
}
