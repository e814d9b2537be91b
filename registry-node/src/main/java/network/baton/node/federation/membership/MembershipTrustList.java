package network.baton.node.federation.membership;

import static java.util.Objects.requireNonNull;

import network.baton.credential.verify.TrustList;
import network.baton.node.federation.MemberDirectory;
import network.baton.node.federation.Role;

/**
 * Trusts an issuer DID iff the node's current membership list names it with the issuer role.
 *
 * <p>Credentials a member issued before the coordinator removed it (or took its issuer role) are no
 * longer trusted once the node holds the new list: removal is how the network withdraws its trust,
 * and a verifier cannot tell a key's honest past signatures from ones made after it left
 * (credential JWTs carry no trusted timestamp). Such credentials fail the "issuer in the network"
 * check with "issuer is not a member"; their signatures, dates and status still check as before.
 * Before the node has any list, or after its list expired, no issuer is trusted.
 */
public final class MembershipTrustList implements TrustList {
  private final MemberDirectory directory;

  /** Trust following this directory (normally the node's {@link MembershipState}). */
  public MembershipTrustList(MemberDirectory directory) {
    this.directory = requireNonNull(directory, "directory");
  }

  @Override
  public boolean trusts(String issuerDid) {
    return issuerDid != null
        && directory.byDid(issuerDid).map(member -> member.has(Role.ISSUER)).orElse(false);
  }
}
