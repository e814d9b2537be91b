package network.baton.node.federation.search;

import static java.util.Objects.requireNonNull;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import java.util.concurrent.atomic.AtomicReference;
import network.baton.credential.fetch.FetchException;
import network.baton.credential.fetch.FetchPolicy;
import network.baton.node.federation.FailureReason;
import network.baton.node.federation.MemberRequests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls another member node: one GET or POST with a time budget and an answer size limit, marked
 * with the hop header so the member answers locally and never fans out again.
 *
 * <p>Written on Vert.x's core HTTP client rather than WebClient because the size limit must be
 * enforced while the body streams in (a WebClient body codec buffers first), and the time budget
 * must cover connecting, waiting and reading as one.
 */
public final class MemberClient {

  private static final Logger log = LoggerFactory.getLogger(MemberClient.class);

  /** The header marking a request made by a federating node; its value is the hop count. */
  public static final String HOP_HEADER = "BATON-Hop";

  private final Vertx vertx;
  private final HttpClient http;
  private final MemberRequests requests;
  private final long maxAnswerBytes;

  /**
   * A client sharing one connection pool, calling only URLs and addresses the policy allows and
   * refusing answers over {@code maxAnswerBytes}.
   */
  public MemberClient(Vertx vertx, long maxAnswerBytes, FetchPolicy policy) {
    this.vertx = requireNonNull(vertx, "vertx");
    this.maxAnswerBytes = maxAnswerBytes;
    this.requests = new MemberRequests(vertx, policy);
    this.http =
        vertx
            .httpClientBuilder()
            .with(requests.clientOptions().setKeepAlive(true).setDecompressionSupported(false))
            .with(new PoolOptions().setHttp1MaxSize(4))
            .withConnectHandler(MemberRequests.brokenConnectionsAtDebug(log))
            .build();
  }

  /** GETs {@code url}; fails with {@link MemberCallFailure} (timeout or error). */
  public Future<Buffer> get(String url, String accept, long timeoutMs) {
    return call(HttpMethod.GET, url, accept, null, null, timeoutMs);
  }

  /** POSTs {@code body} as {@code contentType}; fails with {@link MemberCallFailure}. */
  public Future<Buffer> post(
      String url, String accept, String contentType, Buffer body, long timeoutMs) {
    return call(HttpMethod.POST, url, accept, contentType, body, timeoutMs);
  }

  private Future<Buffer> call(
      HttpMethod method,
      String url,
      String accept,
      String contentType,
      Buffer body,
      long timeoutMs) {
    Promise<Buffer> answer = Promise.promise();
    AtomicReference<HttpClientRequest> sent = new AtomicReference<>();
    long timer =
        vertx.setTimer(
            Math.max(1, timeoutMs),
            id -> {
              if (answer.tryFail(
                  new MemberCallFailure(
                      MemberState.TIMEOUT, "no complete answer within " + timeoutMs + " ms"))) {
                HttpClientRequest request = sent.get();
                if (request != null) {
                  request.reset();
                }
              }
            });
    requests
        .options(method, url)
        .compose(
            options -> {
              options
                  .setConnectTimeout(Math.max(1, timeoutMs))
                  .putHeader("Accept", accept)
                  .putHeader(HOP_HEADER, "1");
              if (contentType != null) {
                options.putHeader("Content-Type", contentType);
              }
              return http.request(options);
            })
        .compose(
            request -> {
              sent.set(request);
              // The failure also fails send() below, which reports it; Vert.x would log it too.
              request.exceptionHandler(e -> {});
              if (answer.future().isComplete()) {
                request.reset();
                return Future.failedFuture("call abandoned");
              }
              return body == null ? request.send() : request.send(body);
            })
        .compose(this::read)
        .onComplete(
            result -> {
              vertx.cancelTimer(timer);
              if (result.succeeded()) {
                answer.tryComplete(result.result());
              } else {
                answer.tryFail(classify(result.cause()));
              }
            });
    return answer.future();
  }

  private Future<Buffer> read(HttpClientResponse response) {
    Promise<Buffer> whole = Promise.promise();
    // First: resetting the stream below reports through it (a no-op once the call has failed).
    response.exceptionHandler(whole::tryFail);
    if (response.statusCode() != 200) {
      response.request().reset();
      return Future.failedFuture(
          new MemberCallFailure(
              MemberState.ERROR, "member answered HTTP " + response.statusCode()));
    }
    String length = response.getHeader("Content-Length");
    if (length != null && tooLong(length)) {
      response.request().reset();
      return Future.failedFuture(tooLarge());
    }
    Buffer buffer = Buffer.buffer();
    response.handler(
        chunk -> {
          if (whole.future().isComplete()) {
            return;
          }
          if (buffer.length() + chunk.length() > maxAnswerBytes) {
            whole.tryFail(tooLarge());
            response.request().reset();
          } else {
            buffer.appendBuffer(chunk);
          }
        });
    response.endHandler(done -> whole.tryComplete(buffer));
    return whole.future();
  }

  private boolean tooLong(String length) {
    try {
      return Long.parseLong(length.strip()) > maxAnswerBytes;
    } catch (NumberFormatException e) {
      return true;
    }
  }

  private MemberCallFailure tooLarge() {
    return new MemberCallFailure(
        MemberState.ERROR, "answer is larger than " + maxAnswerBytes + " bytes");
  }

  private static MemberCallFailure classify(Throwable failure) {
    if (failure instanceof MemberCallFailure known) {
      return known;
    }
    if (failure instanceof FetchException fetch) {
      return new MemberCallFailure(MemberState.ERROR, "not called: " + fetch.getMessage());
    }
    return new MemberCallFailure(MemberState.ERROR, FailureReason.of(failure));
  }
}
