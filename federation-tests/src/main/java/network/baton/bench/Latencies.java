package network.baton.bench;

import java.util.Arrays;

/**
 * Recorded durations and their percentiles. A sorted array of every sample (exact, and a benchmark
 * records at most some thousands) rather than HdrHistogram, which is only a transitive dependency.
 */
final class Latencies {

  private long[] nanos = new long[1024];
  private int size;

  /** Records one duration in nanoseconds. */
  void record(long durationNanos) {
    if (size == nanos.length) {
      nanos = Arrays.copyOf(nanos, size * 2);
    }
    nanos[size++] = durationNanos;
  }

  /** Records every sample of other too. */
  void addAll(Latencies other) {
    for (int i = 0; i < other.size; i++) {
      record(other.nanos[i]);
    }
  }

  /** Number of recorded samples. */
  int count() {
    return size;
  }

  /** The p-th percentile (0 < p <= 100) in milliseconds, nearest-rank. */
  double percentileMillis(double p) {
    if (size == 0) {
      throw new IllegalStateException("no samples recorded");
    }
    long[] sorted = Arrays.copyOf(nanos, size);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * size);
    return sorted[Math.max(0, Math.min(size, rank) - 1)] / 1_000_000.0;
  }
}
