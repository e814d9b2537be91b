package network.baton.credential.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

class AddressKindTest {

  /** IPv4 and IPv6 literals, IPv4 embedded in IPv6, and the short IPv4 forms the JDK accepts. */
  @ParameterizedTest(name = "{0} is {1}")
  @CsvFileSource(
      resources = {
        "/fixtures/address-kinds/ipv4.csv",
        "/fixtures/address-kinds/ipv6.csv",
        "/fixtures/address-kinds/embedded-ipv4.csv",
        "/fixtures/address-kinds/short-ipv4.csv"
      })
  void eachAddressIsOfItsKind(String address, AddressKind kind) throws Exception {
    assertThat(AddressKind.of(InetAddress.getByName(address))).isEqualTo(kind);
  }

  @ParameterizedTest(name = "mapped {0} kept as IPv6 is {1}")
  @CsvFileSource(resources = "/fixtures/address-kinds/mapped-ipv4.csv")
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

  @org.junit.jupiter.api.Test
  void everyKindButPublicSaysWhatItIsInWords() {
    assertThat(AddressKind.LOOPBACK.phrase()).isEqualTo("a loopback address");
    assertThat(AddressKind.LINK_LOCAL.phrase()).isEqualTo("a link-local address");
    for (AddressKind kind : AddressKind.values()) {
      assertThat(kind.phrase()).matches("an? .*address");
    }
  }
}
