package network.baton.node.work;

import static java.util.Objects.requireNonNull;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import network.baton.node.config.WorkLimit;

/**
 * One kind of work (SPARQL, search, reads, writes, credentials) on worker threads of its own behind
 * a bounded queue: at most {@code threads} tasks run at once and {@code queue} more wait; past that
 * a task is refused at once with {@link WorkRefused} and a retry-after estimated from the queue's
 * recent task times, so overload degrades instead of piling up and one kind of work cannot take the
 * threads of another. A {@link WorkerExecutor}, so services take it where they took a pool.
 */
public final class WorkQueue implements WorkerExecutor {

  /** Weight of the newest task time in the running average (an EWMA). */
  private static final double SMOOTHING = 0.2;

  private final String kind;
  private final WorkLimit limit;
  private final WorkerExecutor pool;
  private final AtomicInteger admitted = new AtomicInteger();
  private final AtomicLong refused = new AtomicLong();
  private final AtomicLong averageNanos = new AtomicLong();
  private final boolean background;

  private WorkQueue(String kind, WorkLimit limit, WorkerExecutor pool, boolean background) {
    this.kind = kind;
    this.limit = limit;
    this.pool = pool;
    this.background = background;
  }

  /**
   * A queue for one kind of work on its own named worker pool ({@code baton-<kind>}); a task
   * running longer than maxExecuteTime is reported by Vert.x's blocked-thread checker.
   */
  public static WorkQueue create(
      Vertx vertx, String kind, WorkLimit limit, Duration maxExecuteTime) {
    return create(vertx, kind, limit, maxExecuteTime, false);
  }

  /**
   * A queue as above; with background, its threads run only on CPU time nothing else in the machine
   * wants (Linux's SCHED_IDLE, see {@link IdleScheduling}).
   */
  public static WorkQueue create(
      Vertx vertx, String kind, WorkLimit limit, Duration maxExecuteTime, boolean background) {
    requireNonNull(kind, "kind");
    requireNonNull(limit, "limit");
    WorkerExecutor pool =
        vertx.createSharedWorkerExecutor(
            "baton-" + kind, limit.threads(), maxExecuteTime.toMillis(), TimeUnit.MILLISECONDS);
    return new WorkQueue(kind, limit, pool, background);
  }

  /**
   * Runs the task on this queue's threads, or fails at once with {@link WorkRefused} when {@code
   * threads + queue} tasks are running or waiting already.
   */
  @Override
  public <T> Future<T> executeBlocking(Callable<T> task, boolean ordered) {
    int capacity = limit.threads() + limit.queue();
    if (admitted.incrementAndGet() > capacity) {
      admitted.decrementAndGet();
      refused.incrementAndGet();
      return Future.failedFuture(busy());
    }
    Callable<T> timed =
        () -> {
          if (background) {
            IdleScheduling.applyToCurrentThread();
          }
          long started = System.nanoTime();
          try {
            return task.call();
          } finally {
            record(System.nanoTime() - started);
          }
        };
    Future<T> result;
    try {
      result = pool.executeBlocking(timed, ordered);
    } catch (RuntimeException e) {
      admitted.decrementAndGet();
      return Future.failedFuture(e);
    }
    return result.andThen(done -> admitted.decrementAndGet());
  }

  /** The kind of work, e.g. "sparql". */
  public String kind() {
    return kind;
  }

  /** The limits this queue was made with. */
  public WorkLimit limit() {
    return limit;
  }

  /** Tasks running or waiting now. */
  public int depth() {
    return admitted.get();
  }

  /** Tasks refused because the queue was full, since start. */
  public long refused() {
    return refused.get();
  }

  /**
   * Seconds a refused client should wait: the time the queue takes to drain at its recent pace, at
   * least one second.
   */
  public long retryAfterSeconds() {
    double perTask = averageNanos.get() / 1e9;
    double drain = perTask * Math.max(1, admitted.get()) / limit.threads();
    return Math.max(1, (long) Math.ceil(drain));
  }

  @Override
  public Future<Void> close() {
    return pool.close();
  }

  private void record(long nanos) {
    averageNanos.getAndUpdate(old -> old == 0 ? nanos : (long) (old + SMOOTHING * (nanos - old)));
  }

  private WorkRefused busy() {
    return new WorkRefused(kind, limit.threads(), limit.queue(), retryAfterSeconds());
  }
}
