package network.baton.node.federation.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import network.baton.node.search.InvalidSearchQuery;
import org.junit.jupiter.api.Test;

class FederatedCursorTest {

  private final FederationLimits limits = FederationLimits.defaults();

  @Test
  void encodedCursorReadsBackTheSame() {
    FederatedCursor cursor =
        new FederatedCursor(
            "fp", Map.of("did:web:a", "abc"), Set.of("did:web:b"), Set.of("did:web:a"), 20);

    assertThat(FederatedCursor.decode(cursor.encode())).isEqualTo(cursor);
  }

  @Test
  void tamperedOrForeignCursorsAreRefused() {
    String json = "{\"f\":\"fp\",\"c\":{\"a\":1},\"x\":[],\"w\":[],\"s\":0}";
    String wrongTypes =
        Base64.getUrlEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> FederatedCursor.decode(wrongTypes))
        .isInstanceOf(InvalidSearchQuery.class);
    assertThatThrownBy(() -> FederatedCursor.decode("%%%")).isInstanceOf(InvalidSearchQuery.class);
    assertThatThrownBy(() -> FederatedCursor.decode("x".repeat(FederatedCursor.MAX_ENCODED + 1)))
        .hasMessageContaining("too long");
  }

  @Test
  void cursorOfAnotherQueryOrMemberSelectionIsRefused() {
    FederatedSearchRequest first =
        FederatedSearchRequest.parse(
            Map.of("q", List.of("battery"), "limit", List.of("5")), limits);
    String cursor = first.cursor().encode();

    assertThat(
            FederatedSearchRequest.parse(
                    Map.of(
                        "q", List.of("battery"), "limit", List.of("5"), "cursor", List.of(cursor)),
                    limits)
                .cursor())
        .isEqualTo(first.cursor());
    assertThatThrownBy(
            () ->
                FederatedSearchRequest.parse(
                    Map.of(
                        "q", List.of("safety"), "limit", List.of("5"), "cursor", List.of(cursor)),
                    limits))
        .hasMessageContaining("different query");
    assertThatThrownBy(
            () ->
                FederatedSearchRequest.parse(
                    Map.of(
                        "q", List.of("battery"),
                        "limit", List.of("5"),
                        "members", List.of("did:web:a"),
                        "cursor", List.of(cursor)),
                    limits))
        .hasMessageContaining("different query");
  }
}
