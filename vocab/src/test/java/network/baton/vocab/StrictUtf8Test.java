package network.baton.vocab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StrictUtf8Test {

  @Test
  void wellFormedTextDecodesAsTheJdkDecodesIt() {
    String text = "電池の安全 — thermal runaway ✓ 𝄞";

    assertThat(StrictUtf8.decode(text.getBytes(StandardCharsets.UTF_8))).isEqualTo(text);
    assertThat(StrictUtf8.decode(new byte[0])).isEmpty();
  }

  @Test
  void aMalformedByteIsRefusedWithItsOffsetInsteadOfBecomingUfffd() {
    byte[] bytes = {'a', 'b', (byte) 0xff, 'c'};

    assertThatThrownBy(() -> StrictUtf8.decode(bytes))
        .isInstanceOf(NotUtf8Exception.class)
        .hasMessage("not valid UTF-8 at byte 2 (0xFF)")
        .extracting(e -> ((NotUtf8Exception) e).byteOffset())
        .isEqualTo(2L);
  }

  @Test
  void aTruncatedOrOverlongSequenceIsRefusedWhereItStarts() {
    byte[] truncated = "電池".getBytes(StandardCharsets.UTF_8);
    byte[] cut = java.util.Arrays.copyOf(truncated, truncated.length - 1);
    byte[] overlong = {'x', (byte) 0xc0, (byte) 0xaf};
    byte[] surrogate = {(byte) 0xed, (byte) 0xa0, (byte) 0x80};

    assertThatThrownBy(() -> StrictUtf8.decode(cut))
        .hasMessageStartingWith("not valid UTF-8 at byte 3");
    assertThatThrownBy(() -> StrictUtf8.decode(overlong))
        .hasMessageStartingWith("not valid UTF-8 at byte 1");
    assertThatThrownBy(() -> StrictUtf8.decode(surrogate))
        .hasMessageStartingWith("not valid UTF-8 at byte 0");
  }
}
