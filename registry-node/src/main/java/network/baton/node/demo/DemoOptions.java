package network.baton.node.demo;

import java.io.PrintWriter;
import java.io.Writer;

/**
 * How to start the demo network: the first of three consecutive ports (0: any free ports on the
 * first start, the folder's ports after), whether to wipe the folder first, and where to report
 * progress (sample import, steps).
 */
public record DemoOptions(int portBase, boolean reset, PrintWriter progress) {

  /** The default first port: members on 8081, 8082 and 8083. */
  public static final int DEFAULT_PORT_BASE = 8081;

  public DemoOptions {
    if (portBase < 0 || portBase > 65533) {
      throw new IllegalArgumentException(
          "the port base must be between 1 and 65533 (0: any free ports): " + portBase);
    }
    progress = progress == null ? new PrintWriter(Writer.nullWriter()) : progress;
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
    return new DemoOptions(portBase, reset, out);
  }

  /** A copy that wipes the demo folder before starting. */
  public DemoOptions withReset(boolean wipe) {
    return new DemoOptions(portBase, wipe, progress);
  }
}
