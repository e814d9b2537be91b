package network.baton.credential.http;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.multipart.HttpPostRequestDecoder;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpClosedException;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.util.List;
import network.baton.vocab.InputLimitException;
import network.baton.vocab.NotUtf8Exception;
import network.baton.vocab.UntrustedText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The router's one failure handler, for the node and the credential routes alike: every failure
 * becomes RFC 9457 application/problem+json. A {@link Problem} is answered as it is; the domain
 * exceptions of the features go through their {@link ProblemMapping}s; the rest (Vert.x's own
 * failures, form decoding, bare statuses) is mapped here. 5xx details are hidden from the client
 * and logged with their stack; 4xx are logged without.
 */
public final class ProblemHandler implements Handler<RoutingContext> {

  private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

  /** The media type of problem documents. */
  public static final String PROBLEM_JSON = "application/problem+json";

  private static final String FORM_URLENCODED = "application/x-www-form-urlencoded";

  private final int errorStatus;
  private final List<ProblemMapping> mappings;

  private ProblemHandler(int errorStatus, List<ProblemMapping> mappings) {
    this.errorStatus = errorStatus;
    this.mappings = List.copyOf(mappings);
  }

  /**
   * A failure handler knowing only problems and Vert.x's failures; mount with {@code
   * router.route().failureHandler(...)}.
   */
  public static ProblemHandler create() {
    return new ProblemHandler(0, List.of());
  }

  /** A failure handler that also answers the domain exceptions these mappings know. */
  public static ProblemHandler create(List<ProblemMapping> mappings) {
    return new ProblemHandler(0, mappings);
  }

  /**
   * The router's error handler for a status ({@code router.errorHandler(status, ...)}): Vert.x
   * calls it without setting the status on the context when routing itself failed (a path parameter
   * it cannot decode is a 400), so the handler knows which one it answers.
   */
  public ProblemHandler forStatus(int status) {
    return new ProblemHandler(status, mappings);
  }

  @Override
  public void handle(RoutingContext rc) {
    if (clientGone(rc)) {
      log.info(
          "client gone before the answer [method: {}, path: {}]",
          rc.request().method(),
          rc.request().path());
      return;
    }
    Problem problem = toProblem(rc, errorStatus);
    String path = rc.request().path();
    if (problem.status() >= 500 && !(rc.failure() instanceof Problem)) {
      log.error(
          "request failed [method: {}, path: {}, status: {}]",
          rc.request().method(),
          path,
          problem.status(),
          rc.failure());
    } else if (problem.status() >= 500) {
      log.warn(
          "request not answered [method: {}, path: {}, status: {}, detail: {}]",
          rc.request().method(),
          path,
          problem.status(),
          problem.getMessage());
    } else {
      log.info(
          "request refused [method: {}, path: {}, status: {}, detail: {}]",
          rc.request().method(),
          path,
          problem.status(),
          problem.getMessage());
    }
    if (rc.response().headWritten()) {
      rc.response().reset();
      return;
    }
    if (problem.status() == 401) {
      rc.response().putHeader("WWW-Authenticate", "Bearer realm=\"baton\"");
    }
    problem.headers().forEach(rc.response()::putHeader);
    rc.response()
        .setStatusCode(problem.status())
        .putHeader("Content-Type", PROBLEM_JSON)
        .end(problem.toJson(path).encodePrettily());
  }

  /**
   * The problem for a failed request: its failure or bare status, and, for a client error Vert.x
   * raised while decoding a form body, what was wrong with the form.
   */
  public Problem toProblem(RoutingContext rc) {
    return toProblem(rc, 0);
  }

  private Problem toProblem(RoutingContext rc, int errorStatus) {
    Throwable failure = rc.failure();
    int status = errorStatus >= 400 ? errorStatus : rc.statusCode();
    if (status >= 400 && status < 500 && failure != null && isForm(rc) && !isKnown(failure)) {
      // The BodyHandler hands on the cause of Netty's form decoding failure (a bad escape is an
      // IllegalArgumentException): with a form Content-Type, a 4xx from it is about the form.
      return malformedForm(failure);
    }
    if (status == 200 && failure != null && !isKnown(failure)) {
      // The BodyHandler fails with status 200 when the request stream itself broke with anything
      // but a DecoderException (Netty's invalid chunk size is a NumberFormatException).
      return new Problem(
          "unreadable-body",
          400,
          "Bad request",
          "the request body could not be read to its end: " + failure.getMessage());
    }
    return toProblem(failure, status);
  }

  /** Whether the connection closed under the request, so that there is no one to answer. */
  public static boolean clientGone(RoutingContext rc) {
    return rc.failure() instanceof HttpClosedException || rc.response().closed();
  }

  private static boolean isForm(RoutingContext rc) {
    String type = rc.request().getHeader("Content-Type");
    return type != null
        && type.strip().toLowerCase(java.util.Locale.ROOT).startsWith(FORM_URLENCODED);
  }

  private boolean isKnown(Throwable failure) {
    return failure instanceof Problem
        || failure instanceof NotUtf8Exception
        || failure instanceof InputLimitException
        || failure instanceof HttpException
        || mapped(failure) != null;
  }

  private Problem mapped(Throwable failure) {
    for (ProblemMapping mapping : mappings) {
      Problem problem = mapping.toProblem(failure);
      if (problem != null) {
        return problem;
      }
    }
    return null;
  }

  /** Maps a failure (or a bare status from the router) to a problem. */
  public Problem toProblem(Throwable failure, int status) {
    if (failure instanceof Problem p) {
      return p;
    }
    if (failure instanceof NotUtf8Exception e) {
      return Problem.notUtf8(e);
    }
    if (failure instanceof InputLimitException e) {
      return Problem.overLimit(e);
    }
    Problem mapped = failure == null ? null : mapped(failure);
    if (mapped != null) {
      return mapped;
    }
    if (failure instanceof HttpException e) {
      return fromStatus(e.getStatusCode(), e.getPayload());
    }
    if (failure instanceof HttpPostRequestDecoder.ErrorDataDecoderException
        || failure instanceof HttpPostRequestDecoder.TooManyFormFieldsException
        || failure instanceof HttpPostRequestDecoder.TooLongFormFieldException) {
      return malformedForm(failure);
    }
    if (status >= 400 && status < 500) {
      // Vert.x failed the request with a client error of its own (the body stream could not be
      // decoded, an expectation it cannot meet): the status stands, the detail is generic.
      return fromStatus(status, null);
    }
    if (failure == null && status >= 400) {
      return fromStatus(status, null);
    }
    return new Problem(
        "internal", 500, "Internal server error", "the node could not answer; see its log");
  }

  // Vert.x decodes a form body (application/x-www-form-urlencoded, curl's default for --data) for
  // every route, as it arrives: a body that is not a form fails there, before any route sees it.
  private static Problem malformedForm(Throwable failure) {
    String reason =
        failure instanceof HttpPostRequestDecoder.TooManyFormFieldsException
            ? "it has more fields than the node takes"
            : failure instanceof HttpPostRequestDecoder.TooLongFormFieldException
                ? "a field is longer than the node takes"
                : failure.getMessage() != null
                        && (failure.getMessage().contains("hex")
                            || failure.getMessage().contains("escape"))
                    ? "a '%' must be followed by two hex digits ("
                        + UntrustedText.oneLine(failure.getMessage().strip())
                        + ")"
                    : "it is not URL-encoded";
    return new Problem(
        "malformed-form",
        400,
        "Malformed form",
        "the body was sent as application/x-www-form-urlencoded (curl's default for --data) but"
            + " cannot be read as a form: "
            + reason
            + "; a body that is not a form needs its own Content-Type (for example"
            + " -H 'Content-Type: application/json')");
  }

  private static Problem fromStatus(int status, String payload) {
    if (status < 400 || status > 599) {
      status = 500;
    }
    String title = HttpResponseStatus.valueOf(status).reasonPhrase();
    String detail =
        switch (status) {
          case 400 -> "the request could not be read as sent";
          case 404 -> "nothing here";
          case 405 -> "method not allowed on this path";
          case 406 -> "cannot answer in any of the accepted media types";
          case 413 -> "request body is over the node's limit";
          case 415 -> "unsupported Content-Type";
          case 417 -> "the only expectation this node meets is Expect: 100-continue";
          default -> payload != null && status < 500 ? payload : title;
        };
    if (status >= 500) {
      detail = "the node could not answer; see its log";
    }
    return new Problem(null, status, title, detail);
  }
}
