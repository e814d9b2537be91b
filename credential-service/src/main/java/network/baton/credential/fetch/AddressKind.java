package network.baton.credential.fetch;

import static java.util.Objects.requireNonNull;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;

/**
 * What an IP address is, as far as deciding whether a node may connect to it: public, or one of the
 * kinds of address that no URL from a credential or a request may reach (loopback, private,
 * link-local, ...).
 *
 * <p>Written here because neither the JDK nor a library on the classpath classifies addresses this
 * way: {@link InetAddress}'s predicates know loopback, link-local, site-local (not IPv6 ULA), any
 * and multicast, but not carrier-grade NAT, the documentation and benchmarking ranges, or IPv4
 * addresses embedded in IPv6 ones. The blocks are those of the IANA IPv4 and IPv6 Special-Purpose
 * Address Registries that are not globally reachable, plus the IPv4 forms embedded in IPv6 (RFC
 * 4291 mapped and compatible, RFC 6052 NAT64, RFC 3056 6to4), which are judged by the IPv4 address
 * they carry. IPv6 outside global unicast (2000::/3) is not public.
 */
public enum AddressKind {
  /** Reachable on the public internet: the only kind a fetch goes to by default. */
  PUBLIC("a public address"),
  /** 127.0.0.0/8, ::1: this machine. */
  LOOPBACK("a loopback address"),
  /** RFC 1918 (10/8, 172.16/12, 192.168/16), IPv6 unique local fc00::/7, site-local fec0::/10. */
  PRIVATE("a private address"),
  /** 100.64.0.0/10 (RFC 6598), carrier-grade NAT. */
  SHARED("a shared (carrier-grade NAT) address"),
  /** 169.254.0.0/16 (where cloud metadata services live), fe80::/10. */
  LINK_LOCAL("a link-local address"),
  /** 224.0.0.0/4, ff00::/8. */
  MULTICAST("a multicast address"),
  /** 0.0.0.0/8 ("this network", which connects to this machine) and ::. */
  UNSPECIFIED("an unspecified address"),
  /** Documentation, benchmarking, protocol assignments, future use, broadcast and the like. */
  RESERVED("a reserved (non-public) address");

  private final String phrase;

  AddressKind(String phrase) {
    this.phrase = phrase;
  }

  /** The kind in words with its article, e.g. "a loopback address". */
  public String phrase() {
    return phrase;
  }

  /** The kind of this address. */
  public static AddressKind of(InetAddress address) {
    requireNonNull(address, "address");
    byte[] bytes = address.getAddress();
    return bytes.length == 4 ? ofIpv4(bytes) : ofIpv6(bytes);
  }

  private record Block(byte[] prefix, int bits, AddressKind kind) {
    static Block of(String cidr, AddressKind kind) {
      int slash = cidr.indexOf('/');
      byte[] prefix = literal(cidr.substring(0, slash));
      return new Block(prefix, Integer.parseInt(cidr.substring(slash + 1)), kind);
    }

    boolean contains(byte[] address) {
      if (address.length != prefix.length) return false;
      int whole = bits / 8;
      for (int i = 0; i < whole; i++) {
        if (address[i] != prefix[i]) return false;
      }
      int rest = bits % 8;
      if (rest == 0) return true;
      int mask = (0xff << (8 - rest)) & 0xff;
      return (address[whole] & mask) == (prefix[whole] & mask);
    }
  }

  // The IANA IPv4 and IPv6 Special-Purpose Address Registries, the blocks marked not globally
  // reachable (the embedded-IPv4 prefixes are handled before the IPv6 ones). A block matches only
  // addresses of its own length.
  private static final List<Block> SPECIAL_PURPOSE =
      List.of(
          Block.of("0.0.0.0/8", UNSPECIFIED),
          Block.of("10.0.0.0/8", PRIVATE),
          Block.of("100.64.0.0/10", SHARED),
          Block.of("127.0.0.0/8", LOOPBACK),
          Block.of("169.254.0.0/16", LINK_LOCAL),
          Block.of("172.16.0.0/12", PRIVATE),
          Block.of("192.0.0.0/24", RESERVED),
          Block.of("192.0.2.0/24", RESERVED),
          Block.of("192.88.99.0/24", RESERVED),
          Block.of("192.168.0.0/16", PRIVATE),
          Block.of("198.18.0.0/15", RESERVED),
          Block.of("198.51.100.0/24", RESERVED),
          Block.of("203.0.113.0/24", RESERVED),
          Block.of("224.0.0.0/4", MULTICAST),
          Block.of("240.0.0.0/4", RESERVED),
          Block.of("64:ff9b:1::/48", PRIVATE),
          Block.of("100::/64", RESERVED),
          Block.of("2001::/23", RESERVED),
          Block.of("2001:db8::/32", RESERVED),
          Block.of("3fff::/20", RESERVED),
          Block.of("5f00::/16", RESERVED),
          Block.of("fc00::/7", PRIVATE),
          Block.of("fe80::/10", LINK_LOCAL),
          Block.of("fec0::/10", PRIVATE),
          Block.of("ff00::/8", MULTICAST));

  // Built by hand: the JDK turns the literal ::ffff:0:0 into the IPv4 address 0.0.0.0.
  private static final Block MAPPED =
      new Block(
          new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 0, 0, 0, 0},
          96,
          RESERVED);
  private static final Block COMPATIBLE = Block.of("::/96", RESERVED);
  private static final Block NAT64 = Block.of("64:ff9b::/96", RESERVED);
  private static final Block SIX_TO_FOUR = Block.of("2002::/16", RESERVED);
  private static final Block GLOBAL_UNICAST = Block.of("2000::/3", PUBLIC);

  private static AddressKind ofIpv4(byte[] address) {
    return specialPurpose(address, PUBLIC);
  }

  private static AddressKind ofIpv6(byte[] address) {
    if (Arrays.equals(address, new byte[16])) return UNSPECIFIED;
    byte[] loopback = new byte[16];
    loopback[15] = 1;
    if (Arrays.equals(address, loopback)) return LOOPBACK;
    if (MAPPED.contains(address) || NAT64.contains(address)) {
      return ofIpv4(Arrays.copyOfRange(address, 12, 16));
    }
    if (COMPATIBLE.contains(address)) {
      // Deprecated (RFC 4291): named after the IPv4 address it carries when that is not public.
      AddressKind embedded = ofIpv4(Arrays.copyOfRange(address, 12, 16));
      return embedded == PUBLIC ? RESERVED : embedded;
    }
    if (SIX_TO_FOUR.contains(address)) return ofIpv4(Arrays.copyOfRange(address, 2, 6));
    return specialPurpose(address, GLOBAL_UNICAST.contains(address) ? PUBLIC : RESERVED);
  }

  // The kind of the special-purpose block holding the address, else otherwise.
  private static AddressKind specialPurpose(byte[] address, AddressKind otherwise) {
    for (Block block : SPECIAL_PURPOSE) {
      if (block.contains(address)) return block.kind();
    }
    return otherwise;
  }

  // Only literals are parsed here, so no name lookup happens.
  private static byte[] literal(String text) {
    try {
      return InetAddress.getByName(text).getAddress();
    } catch (java.net.UnknownHostException e) {
      throw new IllegalArgumentException("not an address literal: " + text, e);
    }
  }
}
