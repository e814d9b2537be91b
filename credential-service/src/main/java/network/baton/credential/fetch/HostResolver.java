package network.baton.credential.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Turns a host name into the addresses a connection may go to. The system's resolver in production;
 * tests give their own ("evil.example resolves to 127.0.0.1") to show that the fetch policy judges
 * the address connected to, whatever the name is.
 */
@FunctionalInterface
public interface HostResolver {
  /** The host's addresses in the order they are tried; fails if there is none. */
  List<InetAddress> resolve(String host) throws UnknownHostException;

  /** The JVM's resolver ({@link InetAddress#getAllByName}), literals parsed without a lookup. */
  static HostResolver system() {
    return host -> List.of(InetAddress.getAllByName(host));
  }
}
