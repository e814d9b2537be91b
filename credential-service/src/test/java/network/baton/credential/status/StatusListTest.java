package network.baton.credential.status;

import static network.baton.credential.integrity.TestContexts.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.apicatalog.multibase.Multibase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class StatusListTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void conformanceListHasOnlyIndex23Set() throws Exception {
    JsonNode vc = JSON.readTree(fixture("status/status-list-credential-index23-revoked.json"));

    StatusList list = StatusList.decode(vc.path("credentialSubject").path("encodedList").asText());

    assertThat(list.size()).isEqualTo(131_072);
    assertThat(list.get(23)).isTrue();
    assertThat(list.get(22)).isFalse();
    assertThat(list.get(24)).isFalse();
    int set = 0;
    for (int i = 0; i < list.size(); i++) {
      set += list.get(i) ? 1 : 0;
    }
    assertThat(set).isEqualTo(1);
  }

  @Test
  void setAndClearSurviveEncodeAndDecode() throws Exception {
    StatusList list = StatusList.create();
    list.set(0);
    list.set(23);
    list.set(131_071);
    list.set(7);
    list.clear(7);

    String encoded = list.encode();
    StatusList decoded = StatusList.decode(encoded);

    assertThat(encoded).startsWith("u").doesNotContain("=", "+", "/");
    assertThat(decoded.size()).isEqualTo(131_072);
    assertThat(decoded.get(0)).isTrue();
    assertThat(decoded.get(23)).isTrue();
    assertThat(decoded.get(131_071)).isTrue();
    assertThat(decoded.get(7)).isFalse();
    assertThat(decoded.get(1)).isFalse();
  }

  @Test
  void ourEncodingOfIndex23MatchesTheConformanceBits() throws Exception {
    StatusList ours = StatusList.create();
    ours.set(23);

    JsonNode vc = JSON.readTree(fixture("status/status-list-credential-index23-revoked.json"));
    StatusList theirs =
        StatusList.decode(vc.path("credentialSubject").path("encodedList").asText());

    assertThat(StatusList.decode(ours.encode()).get(23)).isEqualTo(theirs.get(23));
    assertThat(inflatedBytes(ours.encode()))
        .isEqualTo(inflatedBytes(vc.path("credentialSubject").path("encodedList").asText()));
  }

  @Test
  void listsSmallerThanTheMinimumAreRefused() {
    assertThatThrownBy(() -> StatusList.create(1024)).hasMessageContaining("at least 131072");
    assertThatThrownBy(() -> StatusList.decode(encode(gzip(new byte[1024]))))
        .isInstanceOf(StatusListException.class)
        .hasMessageContaining("fewer than the minimum");
  }

  @Test
  void zipBombIsCutOffWhileInflating() {
    // 4 MiB of zeros compress to about 4 KiB: small on the wire, four times the 1 MiB limit
    // inflated.
    String bomb = encode(gzip(new byte[4 * 1024 * 1024]));

    assertThatThrownBy(() -> StatusList.decode(bomb))
        .isInstanceOf(StatusListException.class)
        .hasMessageContaining("inflates to more than");
  }

  @Test
  void oversizedEncodedListIsRefusedBeforeDecoding() {
    String huge = "u" + "A".repeat(2_000_000);

    assertThatThrownBy(() -> StatusList.decode(huge, StatusList.MIN_SIZE))
        .isInstanceOf(StatusListException.class)
        .hasMessageContaining("characters, more than");
  }

  @Test
  void malformedEncodedListsAreRefusedWithAReason() {
    assertThatThrownBy(() -> StatusList.decode("")).hasMessageContaining("missing");
    assertThatThrownBy(() -> StatusList.decode("zH4sI")).hasMessageContaining("start with 'u'");
    assertThatThrownBy(() -> StatusList.decode("u!!!not-base64")).hasMessageContaining("base64url");
    assertThatThrownBy(() -> StatusList.decode(encode("not gzip at all".getBytes())))
        .hasMessageContaining("not valid GZIP");
  }

  @Test
  void indexesOutsideTheListAreRefused() {
    StatusList list = StatusList.create();

    assertThatThrownBy(() -> list.get(131_072)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> list.set(-1)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  private static byte[] inflatedBytes(String encoded) throws Exception {
    byte[] compressed = Multibase.BASE_64_URL.decode(encoded);
    try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(compressed))) {
      return in.readAllBytes();
    }
  }

  private static String encode(byte[] bytes) {
    return Multibase.BASE_64_URL.encode(bytes);
  }

  private static byte[] gzip(byte[] raw) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(raw);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
