package network.baton.node.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ImportProgressTest {

  private final AtomicLong nanos = new AtomicLong();
  private final StringWriter text = new StringWriter();

  @Test
  void lineShowsCountsRatesAndTimeLeft() {
    ImportProgress progress = new ImportProgress(new PrintWriter(text), true, 100, nanos::get);
    nanos.set(2_000_000_000L);
    for (int i = 0; i < 50; i++) {
      progress.advance(10);
    }

    assertThat(progress.line())
        .isEqualTo("[############............] 50/100 resources  25.0/s  250 triples/s  ETA 2s");
  }

  @Test
  void terminalRedrawsOneLineInPlaceAndEndsItWhenDone() {
    ImportProgress progress = new ImportProgress(new PrintWriter(text), true, 2, nanos::get);
    nanos.set(500_000_000L);
    progress.advance(3);
    nanos.set(1_000_000_000L);
    progress.advance(3);
    progress.finish();

    assertThat(text.toString())
        .startsWith("\r[")
        .contains("1/2 resources")
        .endsWith("done" + System.lineSeparator());
    assertThat(text.toString().chars().filter(c -> c == '\n').count()).isEqualTo(1);
  }

  @Test
  void withoutATerminalItPrintsAPlainLineEveryTwoSecondsAtMost() {
    ImportProgress progress = new ImportProgress(new PrintWriter(text), false, 1000, nanos::get);
    for (int i = 0; i < 1000; i++) {
      nanos.addAndGet(10_000_000L);
      progress.advance(1);
    }
    progress.finish();

    assertThat(text.toString()).doesNotContain("\r");
    assertThat(text.toString().lines())
        .hasSize(5 + 1)
        .last()
        .asString()
        .contains("1000/1000", "done");
  }
}
