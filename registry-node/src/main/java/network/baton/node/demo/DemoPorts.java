package network.baton.node.demo;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import network.baton.node.config.ConfigException;
import network.baton.node.launch.LocalPorts;
import network.baton.node.launch.LocalPorts.PortInUseException;
import network.baton.vocab.SampleContent.Institution;

/**
 * The demo members' ports: a folder keeps the ports it was set up on (its resource IRIs, DIDs and
 * credential name them), a new one takes them from {@code --port-base} or any free ones; a taken
 * port is a {@link ConfigException} saying what to do.
 */
final class DemoPorts {

  private DemoPorts() {}

  /**
   * Each member's port, also put in state's {@code ports}: kept from a folder set up before
   * (--port-base must agree), else from --port-base up, else free ones; each checked free.
   */
  static Map<Institution, Integer> choose(
      Path folder, JsonObject state, int portBase, List<Institution> members) {
    JsonObject stored = state.getJsonObject("ports");
    if (stored == null) {
      stored = new JsonObject();
      state.put("ports", stored);
    }
    Map<Institution, Integer> ports = new LinkedHashMap<>();
    if (stored.containsKey(Institution.KOSEN.key())) {
      // Resource IRIs, DIDs and the credential name these ports: a folder keeps its ports.
      int base = stored.getInteger(Institution.KOSEN.key());
      if (portBase != 0 && portBase != base) {
        throw new ConfigException(
            folder
                + " was set up on ports "
                + base
                + ".."
                + (base + 2)
                + "; give --port-base "
                + base
                + ", or --reset to start afresh on "
                + portBase);
      }
      for (Institution institution : members) {
        ports.put(institution, stored.getInteger(institution.key()));
      }
    } else if (portBase == 0) {
      List<Integer> free = LocalPorts.free(members.size());
      for (int i = 0; i < members.size(); i++) ports.put(members.get(i), free.get(i));
    } else {
      for (int i = 0; i < members.size(); i++) {
        ports.put(members.get(i), portBase + i);
      }
    }
    for (int port : ports.values()) checkFree(port);
    return ports;
  }

  /** Fails with a ConfigException naming the port when it is taken. */
  static void checkFree(int port) {
    try {
      LocalPorts.requireFree(port);
    } catch (PortInUseException e) {
      throw inUse(port);
    }
  }

  /** The error a taken port is: what to do about it, in the command line's terms. */
  static ConfigException inUse(int port) {
    return new ConfigException(
        "port "
            + port
            + " is in use (another demo or program?); stop it or choose other ports with"
            + " --port-base N");
  }
}
