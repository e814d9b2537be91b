package network.baton.node.federation;

import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.codec.CodecException;
import io.vertx.core.VertxException;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.StreamResetException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import network.baton.vocab.UntrustedText;

/**
 * Why a call to another node failed, in words an operator can act on, from what the HTTP client
 * failed with. What a member sent is untrusted: it is quoted cut short, on one line, with control
 * characters replaced, so it can neither flood nor forge log lines.
 */
public final class FailureReason {

  private FailureReason() {}

  /** Plain words for a failed call (connecting, sending, or reading the answer). */
  public static String of(Throwable failure) {
    String detail = quote(failure.getMessage());
    if (failure instanceof ConnectException) {
      return "cannot connect (" + detail + ")";
    }
    if (failure instanceof ConnectTimeoutException) {
      return "cannot connect: no connection within the time limit";
    }
    if (failure instanceof UnknownHostException) {
      return "cannot connect: unknown host " + detail;
    }
    if (failure instanceof SSLException) {
      return "TLS failed (" + detail + ")";
    }
    if (failure instanceof HttpClosedException) {
      return "the member closed the connection before a complete answer";
    }
    if (failure instanceof StreamResetException) {
      return "the call was reset before a complete answer";
    }
    if (failure instanceof TimeoutException) {
      return detail;
    }
    if (failure instanceof IOException) {
      return detail.toLowerCase(Locale.ROOT).contains("reset")
          ? "the member reset the connection (" + detail + ")"
          : "network error (" + detail + ")";
    }
    if (failure instanceof CodecException
        || failure instanceof IllegalArgumentException
        || failure instanceof IllegalStateException
        || failure instanceof VertxException) {
      // Netty's HTTP decoder and Vert.x's checks of what it decoded: bytes that are not HTTP.
      return "the answer is not HTTP (" + detail + ")";
    }
    return "call failed (" + failure.getClass().getSimpleName() + ": " + detail + ")";
  }

  /**
   * Text from a member (or about one), made safe to log and show ({@link UntrustedText}): one line,
   * control characters replaced with '?', at most 160 characters.
   */
  public static String quote(String text) {
    return UntrustedText.firstLine(text, "no detail");
  }
}
