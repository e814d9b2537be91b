package network.baton.node.federation.membership;

import static network.baton.node.federation.membership.MembershipLists.member;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import network.baton.node.federation.Role;
import network.baton.node.federation.membership.MembershipOffer.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MembershipStateTest {

  private static final String KOSEN = "did:web:kosen.example";
  private static final String SCHOOL = "did:web:hs.example";

  @TempDir Path data;
  private final MembershipLists lists = new MembershipLists();

  private MembershipState newState() {
    MembershipState state = new MembershipState(lists.verifier(), MembershipState.fileIn(data));
    state.load();
    return state;
  }

  @Test
  void nodeWithoutAListHasNoMembersAndTrustsNoIssuer() {
    MembershipState state = newState();

    assertThat(state.members()).isEmpty();
    assertThat(state.current()).isEmpty();
    assertThat(new MembershipTrustList(state).trusts(KOSEN)).isFalse();
  }

  @Test
  void newerListReplacesTheCurrentOneAndSurvivesARestart() throws Exception {
    MembershipState state = newState();
    state.offer(lists.signed(1, member(KOSEN, "https://kosen.example")).jws(), "test");

    MembershipOffer offer =
        state.offer(
            lists
                .signed(
                    2, member(KOSEN, "https://kosen.example"), member(SCHOOL, "https://hs.example"))
                .jws(),
            "test");

    assertThat(offer.outcome()).isEqualTo(Outcome.ACCEPTED);
    assertThat(state.members()).extracting(m -> m.did()).containsExactly(KOSEN, SCHOOL);
    assertThat(Files.readString(MembershipState.fileIn(data)))
        .isEqualTo(state.current().orElseThrow().jws());
    assertThat(newState().current().orElseThrow().version()).isEqualTo(2);
  }

  @Test
  void olderOrSameVersionIsRefusedAndTheCurrentListKept() {
    MembershipState state = newState();
    state.offer(lists.signed(5, member(KOSEN, "https://kosen.example")).jws(), "test");

    MembershipOffer same =
        state.offer(lists.signed(5, member(SCHOOL, "https://hs.example")).jws(), "test");
    MembershipOffer older = state.offer(lists.signed(4).jws(), "test");

    assertThat(same.outcome()).isEqualTo(Outcome.NOT_NEWER);
    assertThat(same.reason()).contains("not newer than the current version 5");
    assertThat(older.outcome()).isEqualTo(Outcome.NOT_NEWER);
    assertThat(state.members()).extracting(m -> m.did()).containsExactly(KOSEN);
  }

  @Test
  void invalidListIsRefusedWithItsReasonAndTheCurrentListKept() {
    MembershipState state = newState();
    state.offer(lists.signed(1, member(KOSEN, "https://kosen.example")).jws(), "test");

    MembershipOffer forged = state.offer(new MembershipLists().signed(99).jws(), "test");

    assertThat(forged.outcome()).isEqualTo(Outcome.INVALID);
    assertThat(forged.reason()).contains("unknown key");
    assertThat(state.current().orElseThrow().version()).isEqualTo(1);
  }

  @Test
  void corruptSavedListIsIgnoredAtStart() throws Exception {
    Files.createDirectories(MembershipState.fileIn(data).getParent());
    Files.writeString(MembershipState.fileIn(data), "garbage");

    assertThat(newState().members()).isEmpty();
  }

  @Test
  void trustListAnswersPerRole() {
    MembershipState state = newState();
    state.offer(
        lists
            .signed(
                1,
                member(KOSEN, "https://kosen.example", Role.ISSUER, Role.PUBLISHER),
                member(SCHOOL, "https://hs.example", Role.PUBLISHER))
            .jws(),
        "test");
    MembershipTrustList trust = new MembershipTrustList(state);

    assertThat(trust.trusts(KOSEN)).isTrue();
    assertThat(trust.trusts(SCHOOL)).isFalse();
    assertThat(trust.trusts("did:web:stranger.example")).isFalse();
    assertThat(trust.trusts(null)).isFalse();
  }

  @Test
  void removedIssuerIsNoLongerTrustedOnceTheNewListArrives() {
    MembershipState state = newState();
    MembershipTrustList trust = new MembershipTrustList(state);
    state.offer(lists.signed(1, member(KOSEN, "https://kosen.example", Role.ISSUER)).jws(), "test");
    assertThat(trust.trusts(KOSEN)).isTrue();

    state.offer(lists.signed(2, member(SCHOOL, "https://hs.example", Role.ISSUER)).jws(), "test");

    assertThat(trust.trusts(KOSEN)).isFalse();
    assertThat(trust.trusts(SCHOOL)).isTrue();
  }
}
