package network.baton.bench;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;

/**
 * Runs an operation on N threads, first for a warm-up, then for a measured window, and reports the
 * operations completed per second in that window. Written by hand: JMH would measure one method in
 * a forked JVM, while this needs a running node and HTTP clients in the same process and run.
 */
final class CredentialLoad {

  /** One thread's operation, called in a loop; it throws if an operation did not succeed. */
  @FunctionalInterface
  interface Operation {
    /** Performs one operation. */
    void run() throws Exception;
  }

  /** Operations completed in a measured window of this many seconds. */
  record Throughput(long operations, double seconds) {
    Throughput {
      if (operations < 0) throw new IllegalArgumentException("operations must be >= 0");
      if (!(seconds > 0)) throw new IllegalArgumentException("seconds must be > 0: " + seconds);
    }

    /** Operations per second. */
    double perSecond() {
      return operations / seconds;
    }
  }

  private final Duration warmup;
  private final Duration measure;
  private final int threads;

  CredentialLoad(Duration warmup, Duration measure, int threads) {
    this.warmup = requireNonNull(warmup, "warmup");
    this.measure = requireNonNull(measure, "measure");
    if (measure.isZero() || measure.isNegative()) {
      throw new IllegalArgumentException("measure must be positive: " + measure);
    }
    if (threads < 1) throw new IllegalArgumentException("threads must be >= 1: " + threads);
    this.threads = threads;
  }

  /** Runs the operations that perThread makes (one per thread, given its index) and measures. */
  Throughput run(String name, IntFunction<Operation> perThread) {
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicBoolean measuring = new AtomicBoolean(false);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    LongAdder completed = new LongAdder();
    List<Thread> workers = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      Operation operation = perThread.apply(i);
      Thread worker =
          new Thread(
              () -> {
                try {
                  while (running.get()) {
                    operation.run();
                    if (measuring.get()) completed.increment();
                  }
                } catch (Throwable e) {
                  failure.compareAndSet(null, e);
                  running.set(false);
                }
              },
              "bench-" + name + "-" + i);
      worker.setDaemon(true);
      workers.add(worker);
    }
    workers.forEach(Thread::start);
    try {
      sleep(warmup);
      measuring.set(true);
      long start = System.nanoTime();
      sleep(measure);
      measuring.set(false);
      long end = System.nanoTime();
      running.set(false);
      for (Thread worker : workers) worker.join();
      if (failure.get() != null) {
        throw new IllegalStateException(
            name + " failed: " + failure.get().getMessage(), failure.get());
      }
      return new Throughput(completed.sum(), (end - start) / 1e9);
    } catch (InterruptedException e) {
      running.set(false);
      Thread.currentThread().interrupt();
      throw new IllegalStateException(name + " was interrupted", e);
    }
  }

  private static void sleep(Duration duration) throws InterruptedException {
    if (!duration.isZero() && !duration.isNegative()) Thread.sleep(duration.toMillis());
  }
}
