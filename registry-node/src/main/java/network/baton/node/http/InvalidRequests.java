package network.baton.node.http;

import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import network.baton.credential.http.Problem;
import network.baton.credential.http.ProblemHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's answer to a request Vert.x could not decode before routing (request line over the
 * limit: 414, headers over it: 431, anything else malformed: 400): a problem+json body saying which
 * limit, where Vert.x's default answers with an empty body; then the connection closes, as the rest
 * of its bytes cannot be trusted. Set with {@code HttpServer.invalidRequestHandler}.
 */
public final class InvalidRequests implements Handler<HttpServerRequest> {

  private static final Logger log = LoggerFactory.getLogger(InvalidRequests.class);

  private final int maxInitialLineLength;
  private final int maxHeaderSize;

  private InvalidRequests(int maxInitialLineLength, int maxHeaderSize) {
    this.maxInitialLineLength = maxInitialLineLength;
    this.maxHeaderSize = maxHeaderSize;
  }

  /** A handler naming these limits (the server's HttpServerOptions) in its answers. */
  public static InvalidRequests create(int maxInitialLineLength, int maxHeaderSize) {
    return new InvalidRequests(maxInitialLineLength, maxHeaderSize);
  }

  @Override
  public void handle(HttpServerRequest request) {
    Problem problem = problem(request.decoderResult().cause());
    log.info(
        "request not decoded [client: {}, status: {}, detail: {}]",
        request.remoteAddress(),
        problem.status(),
        problem.getMessage());
    var response =
        request
            .response()
            .setStatusCode(problem.status())
            .putHeader("Content-Type", ProblemHandler.PROBLEM_JSON)
            .putHeader("Connection", "close");
    SecurityHeaders.apply(response.headers());
    response
        .end(problem.toJson(null).encodePrettily())
        .onComplete(done -> request.connection().close());
  }

  /** The problem for a decoding failure of the request line or headers. */
  Problem problem(Throwable cause) {
    if (cause instanceof TooLongHttpLineException) {
      return new Problem(
          "uri-too-long",
          414,
          "URI too long",
          "the request line (method, path and query) is over "
              + maxInitialLineLength
              + " bytes; send long input in a POST body (SPARQL: POST /sparql)");
    }
    if (cause instanceof TooLongHttpHeaderException) {
      return new Problem(
          "headers-too-large",
          431,
          "Request header fields too large",
          "the request headers are over " + maxHeaderSize + " bytes in all");
    }
    String reason = cause == null || cause.getMessage() == null ? "" : ": " + cause.getMessage();
    return new Problem(
        "malformed-request",
        400,
        "Bad request",
        "the request is not valid HTTP/1.1"
            + (reason.length() > 200 ? reason.substring(0, 200) + "..." : reason));
  }
}
