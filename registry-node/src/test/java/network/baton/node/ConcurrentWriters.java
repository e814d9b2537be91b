package network.baton.node;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Writers run at once, each on a thread of its own with a Random seeded by its index. */
public final class ConcurrentWriters {

  /** One writer's work. */
  @FunctionalInterface
  public interface Writer {
    /** Writes, choosing what with random. */
    void write(Random random) throws Exception;
  }

  private ConcurrentWriters() {}

  /**
   * Runs count writers at once and waits for all of them (100 s each at most); one failing fails.
   */
  public static void run(int count, Writer writer) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(count);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int w = 0; w < count; w++) {
        Random random = new Random(w);
        running.add(
            threads.submit(
                () -> {
                  writer.write(random);
                  return null;
                }));
      }
      for (Future<?> f : running) {
        f.get(100, TimeUnit.SECONDS);
      }
    } finally {
      threads.shutdownNow();
    }
  }
}
