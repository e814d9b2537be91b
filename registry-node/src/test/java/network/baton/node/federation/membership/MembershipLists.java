package network.baton.node.federation.membership;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import network.baton.credential.keys.KeyAlgorithm;
import network.baton.credential.keys.SigningKey;
import network.baton.node.federation.Member;
import network.baton.node.federation.Role;

/** Test lists signed by a real coordinator key. */
final class MembershipLists {
  final SigningKey coordinator;

  MembershipLists() {
    this(SigningKey.generate(KeyAlgorithm.ED25519, "coordinator", new SecureRandom()));
  }

  MembershipLists(SigningKey coordinator) {
    this.coordinator = coordinator;
  }

  static Member member(String did, String url, Role... roles) {
    return new Member(did, URI.create(url), did.substring(did.lastIndexOf(':') + 1), Set.of(roles));
  }

  static MembershipList list(long version, Member... members) {
    Instant now = Instant.now();
    return new MembershipList(
        version, now.minusSeconds(60), now.plus(Duration.ofDays(90)), "BATON", List.of(members));
  }

  SignedMembershipList signed(long version, Member... members) {
    return SignedMembershipList.sign(list(version, members), coordinator);
  }

  MembershipVerifier verifier() {
    return new MembershipVerifier(List.of(coordinator.publicKey()), java.time.Clock.systemUTC());
  }
}
