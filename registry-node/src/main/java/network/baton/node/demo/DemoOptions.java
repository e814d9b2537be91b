package network.baton.node.demo;

import java.io.PrintWriter;
import java.io.Writer;

/**
 * How to start the demo network: the first of three consecutive ports (0: any free ports on the
 * first start, the folder's ports after), whether to wipe the folder first, where to report
 * progress (sample import, steps), and whether to run the members on https with a local CA (a
 * folder set up on https stays on https).
 */
public record DemoOptions(int portBase, boolean reset, PrintWriter progress, boolean https) {

  /** The default first port: members on 8081, 8082 and 8083. */
  public static final int DEFAULT_PORT_BASE = 8081;

  public DemoOptions {
    if (portBase < 0 || portBase > 65533) {
      throw new IllegalArgumentException(
          "the port base must be between 1 and 65533 (0: any free ports): " + portBase);
    }
    progress = progress == null ? new PrintWriter(Writer.nullWriter()) : progress;
  }

  /** Plain http (or the folder's scheme). */
  public DemoOptions(int portBase, boolean reset, PrintWriter progress) {
    this(portBase, reset, progress, false);
  }

  /** Ports 8081..8083, keep the folder, report nothing. */
  public static DemoOptions defaults() {
    return new DemoOptions(DEFAULT_PORT_BASE, false, null);
  }

  /** Any free ports on the first start (tests); a later start reuses the folder's ports. */
  public static DemoOptions randomPorts() {
    return new DemoOptions(0, false, null);
  }

  /** A copy reporting progress here. */
  public DemoOptions withProgress(PrintWriter out) {
    return new DemoOptions(portBase, reset, out, https);
  }

  /** A copy that wipes the demo folder before starting. */
  public DemoOptions withReset(boolean wipe) {
    return new DemoOptions(portBase, wipe, progress, https);
  }

  /** A copy running the members on https with a local CA (or not). */
  public DemoOptions withHttps(boolean on) {
    return new DemoOptions(portBase, reset, progress, on);
  }
}
