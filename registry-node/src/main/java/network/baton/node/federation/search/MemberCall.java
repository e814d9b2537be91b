package network.baton.node.federation.search;

import static java.util.Objects.requireNonNull;

import io.vertx.core.Future;
import java.util.function.BiFunction;
import java.util.function.ToLongFunction;
import network.baton.node.federation.Member;

/**
 * One kind of call a {@link FanOut} makes to every member: its name in the failure log ("search",
 * "sparql"), how to ask one member within a time budget in milliseconds, and how many items an
 * answer holds (the status's count).
 */
record MemberCall<T>(
    String name, BiFunction<Member, Long, Future<T>> ask, ToLongFunction<T> count) {
  MemberCall {
    requireNonNull(name, "name");
    requireNonNull(ask, "ask");
    requireNonNull(count, "count");
  }
}
