package network.baton.credential.status;

/** Where one credential's status lives: the number of the list and the index inside it. */
public record StatusListIndex(long list, int index) {

  public StatusListIndex {
    if (list < 0 || index < 0) {
      throw new IllegalArgumentException(
          "list number and index must not be negative: " + list + "/" + index);
    }
  }
}
