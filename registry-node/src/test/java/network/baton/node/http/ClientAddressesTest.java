package network.baton.node.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressesTest {

  @Test
  void withoutTrustedProxiesThePeerIsTheClientWhateverItForwards() {
    ClientAddresses direct = ClientAddresses.direct();

    assertThat(direct.of("203.0.113.7", List.of("198.51.100.1"))).isEqualTo("203.0.113.7");
  }

  @Test
  void behindATrustedProxyTheAddressItSawIsTheClient() {
    ClientAddresses clients = ClientAddresses.behind(List.of("10.0.0.2", "::1"));

    assertThat(clients.of("10.0.0.2", List.of("203.0.113.7"))).isEqualTo("203.0.113.7");
    // A client cannot choose its address by sending its own header first: the right-most
    // address not a trusted proxy is the one the proxy saw.
    assertThat(clients.of("10.0.0.2", List.of("198.51.100.1, 203.0.113.7")))
        .isEqualTo("203.0.113.7");
    assertThat(clients.of("10.0.0.2", List.of("198.51.100.1", "203.0.113.7, 10.0.0.2")))
        .isEqualTo("203.0.113.7");
    assertThat(clients.of("0:0:0:0:0:0:0:1", List.of("2001:db8::5")))
        .isEqualTo("2001:db8:0:0:0:0:0:5");
    assertThat(clients.of("10.0.0.2", List.of())).isEqualTo("10.0.0.2");
  }

  @Test
  void aPeerThatIsNoTrustedProxyIsNotBelieved() {
    ClientAddresses clients = ClientAddresses.behind(List.of("10.0.0.2"));

    assertThat(clients.of("203.0.113.9", List.of("198.51.100.1"))).isEqualTo("203.0.113.9");
  }

  @Test
  void namesInTheHeaderAreTakenAsTheyAreAndNeverLookedUp() {
    ClientAddresses clients = ClientAddresses.behind(List.of("10.0.0.2"));

    assertThat(clients.of("10.0.0.2", List.of("dead.beef.example"))).isEqualTo("dead.beef.example");
    assertThat(ClientAddresses.isLiteral("dead.beef")).isFalse();
    assertThat(ClientAddresses.isLiteral("192.0.2.1")).isTrue();
    assertThat(ClientAddresses.isLiteral("::1")).isTrue();
  }
}
