package network.baton.credential.fetch;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/** Host resolvers for tests: DNS answers made up for one name, the system's for the others. */
public final class Resolvers {

  private Resolvers() {}

  /** Answers host (in any case) with answer, and every other name as the system does. */
  public static HostResolver resolving(String host, HostResolver answer) {
    HostResolver system = HostResolver.system();
    return name -> name.equalsIgnoreCase(host) ? answer.resolve(name) : system.resolve(name);
  }

  /** Answers every name with these addresses. */
  public static HostResolver always(String... addresses) {
    return host -> {
      List<InetAddress> list = new ArrayList<>();
      for (String address : addresses) list.add(InetAddress.getByName(address));
      return list;
    };
  }
}
