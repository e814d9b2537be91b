package network.baton.node.store;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What a part keeps in memory from a store and keeps current by its commits (the search catalog,
 * the skill coverage): loaded once, then each commit's changed graphs are read inside its write
 * transaction ({@link #beforeCommit}) and applied once it has committed, ordered by sequence
 * number.
 */
public abstract class CommitFollower implements CommitListener, AutoCloseable {

  private final NodeDataset store;
  private final AtomicLong sequence = new AtomicLong();

  /** A follower of store (call {@link #startFollowing()} once it is built). */
  protected CommitFollower(NodeDataset store) {
    this.store = requireNonNull(store, "store");
  }

  /**
   * Starts following the store's commits, then loads: listening first, a commit during the load
   * lands after it (newer sequence) instead of being lost.
   */
  protected final void startFollowing() {
    store.addCommitListener(this);
    load();
  }

  /**
   * Reads what this part keeps from the whole store (called once, by {@link #startFollowing()}).
   */
  protected abstract void load();

  /** The store followed. */
  protected final NodeDataset store() {
    return store;
  }

  /**
   * The sequence number of the commit now being made (call once in {@link #beforeCommit}): writers
   * are serialised, so sequence numbers follow commit order; the load is number 0.
   */
  protected final long nextSequence() {
    return sequence.incrementAndGet();
  }

  /** Stops following the store's commits. */
  @Override
  public void close() {
    store.removeCommitListener(this);
  }
}
