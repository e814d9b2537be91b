package network.baton.node.federation.search;

import static java.util.Objects.requireNonNull;

import network.baton.node.federation.Member;
import network.baton.node.federation.MemberDirectory;

/**
 * The network as federated search and SPARQL reach it: the members the directory lists, each asked
 * over HTTP through the client or, when it is this node, in-process through self, all in parallel
 * through the one fan-out.
 */
record Network(MemberDirectory directory, MemberClient client, OwnNode self, FanOut fanOut) {
  Network {
    requireNonNull(directory, "directory");
    requireNonNull(client, "client");
    requireNonNull(self, "self");
    requireNonNull(fanOut, "fanOut");
  }

  /** Whether member is this node (answered in-process). */
  boolean isSelf(Member member) {
    return self.is(member);
  }
}
