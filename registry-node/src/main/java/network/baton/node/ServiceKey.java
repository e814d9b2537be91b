package network.baton.node;

import static java.util.Objects.requireNonNull;

/**
 * The typed name of a service the node's parts share in-process (see {@link NodeServices}): the
 * name for messages, the type so that a lookup needs no cast.
 */
public record ServiceKey<T>(String name, Class<T> type) {
  public ServiceKey {
    requireNonNull(name, "name");
    requireNonNull(type, "type");
  }

  /** A key for a service of this type under this name. */
  public static <T> ServiceKey<T> of(String name, Class<T> type) {
    return new ServiceKey<>(name, type);
  }

  @Override
  public String toString() {
    return name + " (" + type.getSimpleName() + ")";
  }
}
