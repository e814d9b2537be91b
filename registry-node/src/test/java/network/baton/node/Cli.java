package network.baton.node;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import network.baton.node.cli.BatonCli;

/** Runs {@code baton} in-process, keeping what it printed until the test clears it. */
public final class Cli {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  /** Runs one command line and returns its exit code. */
  public int run(String... args) {
    return BatonCli.execute(writer(out), writer(err), args);
  }

  /** Standard output since the last clear. */
  public String out() {
    return out.toString();
  }

  /** Standard error since the last clear. */
  public String err() {
    return err.toString();
  }

  /** Both outputs, for the description of a failed assertion. */
  public String printed() {
    return out + "\n" + err;
  }

  /** Forgets what was printed so far. */
  public void clear() {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
  }

  /** The writers a command of the CLI prints to. */
  public PrintWriter outWriter() {
    return writer(out);
  }

  public PrintWriter errWriter() {
    return writer(err);
  }

  /** The arguments of a command line put together from its parts. */
  public static String[] join(String[]... parts) {
    return Arrays.stream(parts).flatMap(Arrays::stream).toArray(String[]::new);
  }

  private static PrintWriter writer(StringWriter to) {
    return new PrintWriter(to, true);
  }
}
