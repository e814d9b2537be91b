package network.baton.credential.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressKindTest {

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
    "127.0.0.1, LOOPBACK",
    "127.255.255.254, LOOPBACK",
    "127.0.1.1, LOOPBACK",
    "10.0.0.1, PRIVATE",
    "10.255.255.255, PRIVATE",
    "172.16.0.1, PRIVATE",
    "172.31.255.255, PRIVATE",
    "192.168.0.1, PRIVATE",
    "192.168.255.255, PRIVATE",
    "100.64.0.1, SHARED",
    "100.127.255.255, SHARED",
    "169.254.169.254, LINK_LOCAL",
    "169.254.0.1, LINK_LOCAL",
    "0.0.0.0, UNSPECIFIED",
    "0.1.2.3, UNSPECIFIED",
    "224.0.0.1, MULTICAST",
    "239.255.255.250, MULTICAST",
    "240.0.0.1, RESERVED",
    "255.255.255.255, RESERVED",
    "192.0.0.8, RESERVED",
    "192.0.2.1, RESERVED",
    "198.51.100.7, RESERVED",
    "203.0.113.9, RESERVED",
    "198.18.0.1, RESERVED",
    "198.19.255.255, RESERVED",
    "192.88.99.1, RESERVED",
    "8.8.8.8, PUBLIC",
    "1.1.1.1, PUBLIC",
    "93.184.215.14, PUBLIC",
    "9.255.255.255, PUBLIC",
    "11.0.0.1, PUBLIC",
    "172.15.255.255, PUBLIC",
    "172.32.0.1, PUBLIC",
    "192.169.0.1, PUBLIC",
    "100.63.255.255, PUBLIC",
    "100.128.0.1, PUBLIC",
    "169.253.255.255, PUBLIC",
    "223.255.255.255, PUBLIC",
    "198.20.0.1, PUBLIC"
  })
  void ipv4(String address, AddressKind kind) throws Exception {
    assertThat(AddressKind.of(InetAddress.getByName(address))).isEqualTo(kind);
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
    "::1, LOOPBACK",
    "::, UNSPECIFIED",
    "fd00::1, PRIVATE",
    "fc00::1, PRIVATE",
    "fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff, PRIVATE",
    "fec0::1, PRIVATE",
    "fe80::1, LINK_LOCAL",
    "febf:ffff::1, LINK_LOCAL",
    "ff02::1, MULTICAST",
    "ff05::2, MULTICAST",
    "2001:db8::1, RESERVED",
    "2001::1, RESERVED",
    "100::1, RESERVED",
    "3fff::1, RESERVED",
    "5f00::1, RESERVED",
    "64:ff9b:1::1, PRIVATE",
    "4000::1, RESERVED",
    "1000::1, RESERVED",
    "2606:4700:4700::1111, PUBLIC",
    "2001:4860:4860::8888, PUBLIC",
    "2a00:1450:4001:82b::200e, PUBLIC",
    "3ffe::1, PUBLIC"
  })
  void ipv6(String address, AddressKind kind) throws Exception {
    assertThat(AddressKind.of(InetAddress.getByName(address))).isEqualTo(kind);
  }

  @ParameterizedTest(name = "{0} carries {1}")
  @CsvSource({
    // IPv4-mapped (RFC 4291): the JDK hands these over as IPv4 addresses ...
    "::ffff:127.0.0.1, LOOPBACK",
    "::ffff:7f00:1, LOOPBACK",
    "::ffff:10.1.2.3, PRIVATE",
    "::ffff:169.254.169.254, LINK_LOCAL",
    "::ffff:0.0.0.0, UNSPECIFIED",
    "::ffff:8.8.8.8, PUBLIC",
    // ... IPv4-compatible (deprecated): never public ...
    "::127.0.0.1, LOOPBACK",
    "::10.0.0.1, PRIVATE",
    "::8.8.8.8, RESERVED",
    "::2, UNSPECIFIED",
    // ... NAT64 (RFC 6052) and 6to4 (RFC 3056): judged by the IPv4 address inside.
    "64:ff9b::7f00:1, LOOPBACK",
    "64:ff9b::a9fe:a9fe, LINK_LOCAL",
    "64:ff9b::808:808, PUBLIC",
    "2002:7f00:1::, LOOPBACK",
    "2002:c0a8:101::1, PRIVATE",
    "2002:a9fe:a9fe::, LINK_LOCAL",
    "2002:808:808::1, PUBLIC"
  })
  void embeddedIpv4(String address, AddressKind kind) throws Exception {
    assertThat(AddressKind.of(InetAddress.getByName(address))).isEqualTo(kind);
  }

  @ParameterizedTest(name = "mapped {0} kept as IPv6 is {1}")
  @CsvSource({
    "127.0.0.1, LOOPBACK",
    "192.168.1.1, PRIVATE",
    "100.64.0.1, SHARED",
    "224.0.0.1, MULTICAST",
    "8.8.8.8, PUBLIC"
  })
  void mappedAddressHeldAsInet6AddressIsJudgedByItsIpv4(String ipv4, AddressKind kind)
      throws Exception {
    byte[] four = InetAddress.getByName(ipv4).getAddress();
    byte[] sixteen = new byte[16];
    sixteen[10] = (byte) 0xff;
    sixteen[11] = (byte) 0xff;
    System.arraycopy(four, 0, sixteen, 12, 4);
    InetAddress mapped = Inet6Address.getByAddress(null, sixteen, -1);
    assertThat(mapped).isInstanceOf(Inet6Address.class);

    assertThat(AddressKind.of(mapped)).isEqualTo(kind);
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({"127.1, LOOPBACK", "127.0.1, LOOPBACK", "10.1, PRIVATE"})
  void shortIpv4FormsTheJdkAcceptsAreJudgedByTheirValue(String literal, AddressKind kind)
      throws Exception {
    assertThat(AddressKind.of(InetAddress.getByName(literal))).isEqualTo(kind);
  }

  @org.junit.jupiter.api.Test
  void everyKindButPublicSaysWhatItIsInWords() {
    assertThat(AddressKind.LOOPBACK.phrase()).isEqualTo("a loopback address");
    assertThat(AddressKind.LINK_LOCAL.phrase()).isEqualTo("a link-local address");
    for (AddressKind kind : AddressKind.values()) {
      assertThat(kind.phrase()).matches("an? .*address");
    }
  }
}
