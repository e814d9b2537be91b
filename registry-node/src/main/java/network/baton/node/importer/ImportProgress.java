package network.baton.node.importer;

import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Progress of an import on stderr: a bar redrawn in place on a terminal (counts, resources/s,
 * triples/s, ETA), plain periodic lines otherwise (logs, CI). Thread-safe. Hand-written: a progress
 * library would be a new dependency for about forty lines.
 */
public final class ImportProgress {

  private static final int BAR_WIDTH = 24;
  private static final long TERMINAL_EVERY_NANOS = 100_000_000L;
  private static final long LINE_EVERY_NANOS = 2_000_000_000L;

  private final PrintWriter err;
  private final boolean terminal;
  private final long total;
  private final LongSupplier nanoClock;
  private final long started;
  private final AtomicLong done = new AtomicLong();
  private final AtomicLong triples = new AtomicLong();
  private long lastDrawn;

  /** Progress towards total resources, drawn as a bar when terminal is true. */
  public ImportProgress(PrintWriter err, boolean terminal, long total, LongSupplier nanoClock) {
    this.err = err;
    this.terminal = terminal;
    this.total = total;
    this.nanoClock = nanoClock;
    this.started = nanoClock.getAsLong();
    this.lastDrawn = started;
  }

  /** Progress on System.err-like output, a bar only if the JVM has a console. */
  public static ImportProgress on(PrintWriter err, long total) {
    return new ImportProgress(err, System.console() != null, total, System::nanoTime);
  }

  /** Counts one more resource handled (stored or rejected) with its triples. */
  public void advance(long resourceTriples) {
    done.incrementAndGet();
    triples.addAndGet(resourceTriples);
    long now = nanoClock.getAsLong();
    synchronized (this) {
      if (now - lastDrawn >= (terminal ? TERMINAL_EVERY_NANOS : LINE_EVERY_NANOS)) {
        lastDrawn = now;
        draw(now, false);
      }
    }
  }

  /** Draws the final state (ends the bar's line on a terminal). */
  public synchronized void finish() {
    draw(nanoClock.getAsLong(), true);
  }

  /** The current line, e.g. "[#####...] 120/400 resources 35.2/s 1200 triples/s ETA 8s". */
  public synchronized String line() {
    return render(nanoClock.getAsLong());
  }

  private void draw(long now, boolean last) {
    String text = render(now);
    if (terminal) {
      err.print("\r" + text + (last ? System.lineSeparator() : ""));
    } else {
      err.println(text);
    }
    err.flush();
  }

  private String render(long now) {
    long n = done.get();
    double seconds = Math.max(1e-9, (now - started) / 1e9);
    double rate = n / seconds;
    double tripleRate = triples.get() / seconds;
    int filled = total == 0 ? BAR_WIDTH : (int) Math.min(BAR_WIDTH, n * BAR_WIDTH / total);
    String eta =
        n >= total ? "done" : rate <= 0 ? "ETA ?" : "ETA " + Math.round((total - n) / rate) + "s";
    return String.format(
        "[%s%s] %d/%d resources  %.1f/s  %.0f triples/s  %s",
        "#".repeat(filled), ".".repeat(BAR_WIDTH - filled), n, total, rate, tripleRate, eta);
  }
}
