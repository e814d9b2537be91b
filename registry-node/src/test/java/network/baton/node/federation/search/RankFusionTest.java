package network.baton.node.federation.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import network.baton.node.search.SearchHit;
import org.junit.jupiter.api.Test;

class RankFusionTest {

  private final RankFusion fusion = new RankFusion(RankFusion.DEFAULT_K);

  @Test
  void ranksDecideNotRawScoresSoAMemberWithHugeScoresDoesNotDominate() {
    List<FederatedHit> fused =
        fuse(
            List.of(hit("https://a/1", 900), hit("https://a/2", 800)),
            List.of(hit("https://b/1", 0.3), hit("https://b/2", 0.1)));

    // Equal ranks give equal fused scores; ties are broken by IRI, so the order is stable.
    assertThat(fused)
        .extracting(h -> h.hit().iri())
        .containsExactly("https://a/1", "https://b/1", "https://a/2", "https://b/2");
    assertThat(fused.get(0).fusedScore()).isEqualTo(fused.get(1).fusedScore());
  }

  @Test
  void duplicateIriIsOneHitFromItsBestRankedMemberListingEveryMember() {
    List<FederatedHit> fused =
        fuse(
            List.of(hit("https://a/1", 5), hit("https://x/shared", 4)),
            List.of(hit("https://x/shared", 1), hit("https://x/shared", 1)));

    assertThat(fused).hasSize(2);
    FederatedHit shared = fused.get(0);
    assertThat(shared.hit().iri()).isEqualTo("https://x/shared");
    assertThat(shared.hit().member()).isEqualTo("did:web:b");
    assertThat(shared.members()).containsExactly("did:web:a", "did:web:b");
    // b listing it twice counts once: rank 2 in a plus rank 1 in b.
    assertThat(shared.fusedScore()).isEqualTo(1.0 / 62 + 1.0 / 61);
  }

  @Test
  void nonPositiveConstantIsRefused() {
    assertThatThrownBy(() -> new RankFusion(0)).isInstanceOf(IllegalArgumentException.class);
  }

  /** Fuses the answers of member did:web:a and member did:web:b, in that order. */
  private List<FederatedHit> fuse(List<SearchHit> fromA, List<SearchHit> fromB) {
    Map<String, List<SearchHit>> lists = new LinkedHashMap<>();
    lists.put("did:web:a", fromA);
    lists.put("did:web:b", fromB);
    return fusion.fuse(lists);
  }

  private static SearchHit hit(String iri, double score) {
    return new SearchHit(
        iri,
        "Course",
        Map.of("en", iri),
        Map.of(),
        List.of(),
        null,
        null,
        List.of("en"),
        score,
        null);
  }
}
