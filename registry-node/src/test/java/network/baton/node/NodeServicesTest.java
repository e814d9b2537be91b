package network.baton.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class NodeServicesTest {

  private static final ServiceKey<String> GREETING = ServiceKey.of("greeting", String.class);

  @Test
  void aRegisteredServiceIsFoundUnderItsKey() {
    NodeServices services = new NodeServices();
    services.register(GREETING, "hello");

    assertThat(services.get(GREETING)).isEqualTo("hello");
    assertThat(services.find(GREETING)).hasValue("hello");
  }

  @Test
  void anAbsentServiceIsEmptyAndGettingItNamesTheKey() {
    NodeServices services = new NodeServices();

    assertThat(services.find(NodeServices.VERIFICATION)).isEmpty();
    assertThatThrownBy(() -> services.get(NodeServices.VERIFICATION))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("verification");
  }

  @Test
  void aKeyIsRegisteredOnce() {
    NodeServices services = new NodeServices();
    services.register(GREETING, "hello");

    assertThatThrownBy(() -> services.register(GREETING, "again"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("greeting");
    assertThat(services.get(GREETING)).isEqualTo("hello");
  }
}
