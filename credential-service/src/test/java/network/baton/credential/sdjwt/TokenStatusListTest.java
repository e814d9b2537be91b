package network.baton.credential.sdjwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.zip.Deflater;
import network.baton.credential.status.StatusListException;
import org.junit.jupiter.api.Test;

/** The Token Status List examples of draft-ietf-oauth-status-list (section 4.1), both ways. */
class TokenStatusListTest {
  @Test
  void oneBitExampleOfTheSpecDecodes() throws Exception {
    TokenStatusList list = TokenStatusList.decode(1, "eNrbuRgAAhcBXQ", 1024);
    int[] expected = {1, 0, 0, 1, 1, 1, 0, 1, 1, 1, 0, 0, 0, 1, 0, 1};
    assertThat(list.size()).isEqualTo(16);
    for (int i = 0; i < expected.length; i++)
      assertThat(list.get(i)).as("index " + i).isEqualTo(expected[i]);
  }

  @Test
  void twoBitExampleOfTheSpecRoundTrips() throws Exception {
    int[] statuses = {1, 2, 0, 3, 0, 1, 0, 1, 1, 2, 3, 3};
    TokenStatusList list = TokenStatusList.create(2, statuses.length);
    for (int i = 0; i < statuses.length; i++) list.set(i, statuses[i]);

    assertThat(list.encode()).isEqualTo("eNo76fITAAPfAgc");
    TokenStatusList decoded = TokenStatusList.decode(2, "eNo76fITAAPfAgc", 1024);
    for (int i = 0; i < statuses.length; i++) assertThat(decoded.get(i)).isEqualTo(statuses[i]);
  }

  @Test
  void zlibBombIsCutOffWhileInflating() {
    byte[] zeros = new byte[4 * 1024 * 1024];
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
    deflater.setInput(zeros);
    deflater.finish();
    byte[] out = new byte[64 * 1024];
    int n = deflater.deflate(out);
    deflater.end();
    String lst =
        Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(out, n));

    assertThatThrownBy(() -> TokenStatusList.decode(2, lst, 1 << 20))
        .isInstanceOf(StatusListException.class)
        .hasMessageContaining("inflates to more than");
  }

  @Test
  void notZlibIsRefused() {
    assertThatThrownBy(() -> TokenStatusList.decode(2, "bm90LXpsaWI", 1024))
        .isInstanceOf(StatusListException.class);
    assertThatThrownBy(() -> TokenStatusList.decode(3, "eNo76fITAAPfAgc", 1024))
        .isInstanceOf(StatusListException.class)
        .hasMessageContaining("bits");
  }
}
