package network.baton.node.federation.search;

import static java.util.Objects.requireNonNull;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import network.baton.node.federation.FailureReason;
import network.baton.node.federation.Member;
import network.baton.node.federation.MemberFailureLog;

/**
 * Calls members in parallel, at most {@code maxInFlight} at once, and answers by the deadline
 * whatever happens: a member still running then is reported as a timeout. Every member that fails
 * or times out is told to the node's {@link MemberFailureLog}. Runs on the caller's Vert.x context,
 * so its counters need no locks.
 */
final class FanOut {

  private final Vertx vertx;
  private final int maxInFlight;
  private final long memberTimeoutMs;
  private final MemberFailureLog failures;

  /**
   * A fan-out with the limits' calls in flight at once and time per member, telling failures to
   * failures.
   */
  FanOut(Vertx vertx, FederationLimits limits, MemberFailureLog failures) {
    this.vertx = requireNonNull(vertx, "vertx");
    this.maxInFlight = limits.maxInFlight();
    this.memberTimeoutMs = limits.memberTimeout().toMillis();
    this.failures = requireNonNull(failures, "failures");
  }

  /** The log every failing member is told to. */
  MemberFailureLog failures() {
    return failures;
  }

  /**
   * Makes the call to every member; the answers come back in member order within {@code
   * deadlineMs}.
   */
  <T> Future<List<MemberAnswer<T>>> run(MemberCall<T> call, List<Member> members, long deadlineMs) {
    if (members.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    return new Launcher<>(call, members, deadlineMs).start();
  }

  private final class Launcher<T> {
    private final MemberCall<T> call;
    private final List<Member> members;
    private final long deadlineMs;
    private final long start = System.nanoTime();
    private final List<Promise<MemberAnswer<T>>> answers = new ArrayList<>();
    private int started;
    private int inFlight;

    Launcher(MemberCall<T> call, List<Member> members, long deadlineMs) {
      this.call = call;
      this.members = members;
      this.deadlineMs = deadlineMs;
      members.forEach(m -> answers.add(Promise.promise()));
    }

    Future<List<MemberAnswer<T>>> start() {
      long timer = vertx.setTimer(deadlineMs, id -> timeOut());
      next();
      return Future.all(answers.stream().map(Promise::future).toList())
          .map(
              all -> {
                vertx.cancelTimer(timer);
                List<MemberAnswer<T>> list = all.list();
                return list;
              });
    }

    private void timeOut() {
      String reason = "no answer before the deadline of " + deadlineMs + " ms";
      for (int i = 0; i < members.size(); i++) {
        Member member = members.get(i);
        if (answers
            .get(i)
            .tryComplete(
                failed(
                    member, new MemberCallFailure(MemberState.TIMEOUT, reason), elapsed(start)))) {
          failures.failed(member, call.name(), reason);
        }
      }
    }

    private void next() {
      while (inFlight < maxInFlight && started < members.size()) {
        int index = started++;
        Member member = members.get(index);
        long remaining = deadlineMs - elapsed(start);
        if (remaining <= 0) {
          continue; // the deadline timer reports it
        }
        inFlight++;
        Future<T> result;
        try {
          result = call.ask().apply(member, Math.min(memberTimeoutMs, remaining));
        } catch (RuntimeException e) {
          result = Future.failedFuture(e);
        }
        result.onComplete(
            done -> {
              inFlight--;
              long latency = elapsed(start);
              MemberAnswer<T> answer;
              if (done.succeeded()) {
                T value = done.result();
                answer =
                    new MemberAnswer<>(
                        member,
                        new MemberStatus(
                            member.did(),
                            member.name(),
                            MemberState.OK,
                            latency,
                            call.count().applyAsLong(value),
                            null),
                        value);
              } else {
                answer = failed(member, done.cause(), latency);
              }
              if (answers.get(index).tryComplete(answer)
                  && !answer.ok()
                  && answer.status().state() != MemberState.SKIPPED) {
                failures.failed(member, call.name(), answer.status().error());
              }
              next();
            });
      }
    }
  }

  private static <T> MemberAnswer<T> failed(Member member, Throwable cause, long latency) {
    MemberState state =
        cause instanceof MemberCallFailure failure ? failure.state() : MemberState.ERROR;
    String reason =
        cause instanceof MemberCallFailure ? cause.getMessage() : FailureReason.of(cause);
    return new MemberAnswer<>(
        member, new MemberStatus(member.did(), member.name(), state, latency, 0, reason), null);
  }

  private static long elapsed(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }
}
