package network.baton.node.federation.membership;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import network.baton.credential.fetch.FetchPolicy;
import network.baton.node.federation.FailureReason;
import network.baton.node.federation.Member;
import network.baton.node.federation.MemberFailureLog;
import network.baton.node.federation.MemberRequests;
import network.baton.node.federation.membership.MembershipOffer.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pulls the membership list from the members of the current list (and from no other URL), each
 * answer size-limited, time-limited and treated as untrusted, and offers what it gets to the state:
 * a newer valid list spreads this way from whichever member has it first.
 */
public final class MembershipSync implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(MembershipSync.class);

  /** Path of the list on every member. */
  public static final String PATH = "/federation/membership";

  private final Vertx vertx;
  private final HttpClient client;
  private final MemberRequests requests;
  private final MembershipState state;
  private final WorkerExecutor pool;
  private final URI self;
  private final Duration timeout;
  private final int maxBytes;
  private final MemberFailureLog failures;
  private volatile long timer = -1;

  /** An answer the sync will not use (wrong status, too large), with the reason. */
  private static final class UnusableAnswer extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnusableAnswer(String reason) {
      super(reason, null, false, false);
    }
  }

  /**
   * A sync for this node (self is not asked), with a per-call timeout and answer size limit,
   * calling only URLs and addresses the policy allows; members that cannot be asked are told to
   * failures.
   */
  public MembershipSync(
      Vertx vertx,
      MembershipState state,
      WorkerExecutor pool,
      URI self,
      Duration timeout,
      int maxBytes,
      FetchPolicy policy,
      MemberFailureLog failures) {
    this.vertx = requireNonNull(vertx, "vertx");
    this.state = requireNonNull(state, "state");
    this.pool = requireNonNull(pool, "pool");
    this.self = requireNonNull(self, "self");
    this.timeout = requireNonNull(timeout, "timeout");
    this.maxBytes = maxBytes;
    this.requests = new MemberRequests(vertx, policy);
    this.failures = requireNonNull(failures, "failures");
    this.client =
        vertx
            .httpClientBuilder()
            .with(requests.clientOptions())
            .withConnectHandler(MemberRequests.brokenConnectionsAtDebug(log))
            .build();
  }

  /** Asks every other member of the current list now, in parallel; one result per member. */
  public Future<List<SyncResult>> syncNow() {
    List<Member> members = state.members().stream().filter(m -> !sameNode(m.baseUrl())).toList();
    List<Future<SyncResult>> calls = members.stream().map(this::pull).toList();
    return Future.join(calls)
        .transform(done -> Future.succeededFuture(calls.stream().map(Future::result).toList()));
  }

  /** Pulls every interval (zero: never); returns the timer id. */
  public long every(Duration interval) {
    if (interval.isZero()) {
      log.info("periodic membership sync disabled (membershipSyncInterval 0)");
      return -1;
    }
    timer = vertx.setPeriodic(interval.toMillis(), id -> syncNow());
    return timer;
  }

  /** The periodic pull's Vert.x timer, -1 when none (a test checks that close cancels it). */
  long timer() {
    return timer;
  }

  /** Stops the periodic pull and closes the HTTP client. */
  @Override
  public void close() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
      timer = -1;
    }
    client.close();
  }

  private Future<SyncResult> pull(Member member) {
    String url = stripSlash(member.baseUrl().toString()) + PATH;
    return fetch(url)
        .transform(
            fetched -> {
              if (fetched.failed()) {
                Throwable failure = fetched.cause();
                String reason =
                    failure instanceof UnusableAnswer || failure instanceof TimeoutException
                        ? failure.getMessage()
                        : FailureReason.of(failure);
                failures.failed(member, "membership", reason);
                return Future.succeededFuture(new SyncResult(member.did(), url, "error", reason));
              }
              return pool.executeBlocking(() -> state.offer(fetched.result(), member.did()), false)
                  .map(
                      offer ->
                          new SyncResult(
                              member.did(), url, status(offer.outcome()), offer.reason()))
                  .recover(
                      e -> {
                        log.error(
                            "membership list could not be checked [member: {}, url: {}]",
                            member.did(),
                            url,
                            e);
                        return Future.succeededFuture(
                            new SyncResult(
                                member.did(), url, "error", "the list could not be checked"));
                      });
            });
  }

  private Future<String> fetch(String url) {
    Promise<String> answer = Promise.promise();
    AtomicReference<HttpClientRequest> sent = new AtomicReference<>();
    long timer =
        vertx.setTimer(
            timeout.toMillis(),
            id -> {
              if (answer.tryFail(
                  new TimeoutException("no answer within " + timeout.toMillis() + " ms"))) {
                HttpClientRequest request = sent.get();
                if (request != null) {
                  request.reset();
                }
              }
            });
    requests
        .options(HttpMethod.GET, url)
        .compose(
            options ->
                client.request(
                    options
                        .setFollowRedirects(false)
                        .putHeader("Accept", SignedMembershipList.MEDIA_TYPE)))
        .compose(
            request -> {
              sent.set(request);
              // The failure also fails send(), which reports it; Vert.x would log it too.
              request.exceptionHandler(e -> {});
              return request.send();
            })
        .onSuccess(response -> read(response, answer))
        .onFailure(answer::tryFail);
    return answer.future().onComplete(done -> vertx.cancelTimer(timer));
  }

  private void read(HttpClientResponse response, Promise<String> answer) {
    // Set first: resetting the stream below reports through it (a no-op once answered).
    response.exceptionHandler(answer::tryFail);
    if (response.statusCode() != 200) {
      answer.tryFail(new UnusableAnswer("member answered HTTP " + response.statusCode()));
      response.request().reset();
      return;
    }
    String length = response.getHeader("Content-Length");
    if (length != null
        && length.chars().allMatch(Character::isDigit)
        && Long.parseLong(length) > maxBytes) {
      answer.tryFail(new UnusableAnswer("answer larger than " + maxBytes + " bytes"));
      response.request().reset();
      return;
    }
    Buffer body = Buffer.buffer();
    response.handler(
        chunk -> {
          if (body.length() + chunk.length() > maxBytes) {
            if (answer.tryFail(new UnusableAnswer("answer larger than " + maxBytes + " bytes"))) {
              response.request().reset();
            }
          } else {
            body.appendBuffer(chunk);
          }
        });
    response.endHandler(end -> answer.tryComplete(body.toString(UTF_8)));
  }

  private boolean sameNode(URI url) {
    return stripSlash(url.toString()).equalsIgnoreCase(stripSlash(self.toString()));
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  private static String status(Outcome outcome) {
    return switch (outcome) {
      case ACCEPTED -> "accepted";
      case NOT_NEWER -> "not-newer";
      case INVALID -> "invalid";
    };
  }
}
