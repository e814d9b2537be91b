package network.baton.credential.did;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body but gives up (cancelling the stream) as soon as it passes a byte limit,
 * so an oversized document is never held in memory. The JDK's body handlers have no such limit.
 */
final class LimitedBodySubscriber implements HttpResponse.BodySubscriber<byte[]> {
  private final CompletableFuture<byte[]> result = new CompletableFuture<>();
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
  private final int maxBytes;
  private final long declaredLength;
  private Flow.Subscription subscription;

  LimitedBodySubscriber(int maxBytes, long declaredLength) {
    this.maxBytes = maxBytes;
    this.declaredLength = declaredLength;
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return result;
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    if (declaredLength > maxBytes) {
      s.cancel();
      result.completeExceptionally(new BodyTooLargeException(maxBytes));
      return;
    }
    s.request(1);
  }

  @Override
  public void onNext(List<ByteBuffer> items) {
    if (result.isDone()) return;
    for (ByteBuffer item : items) {
      if (buffer.size() + item.remaining() > maxBytes) {
        subscription.cancel();
        result.completeExceptionally(new BodyTooLargeException(maxBytes));
        return;
      }
      byte[] bytes = new byte[item.remaining()];
      item.get(bytes);
      buffer.writeBytes(bytes);
    }
    subscription.request(1);
  }

  @Override
  public void onError(Throwable error) {
    result.completeExceptionally(error);
  }

  @Override
  public void onComplete() {
    result.complete(buffer.toByteArray());
  }

  /** The body passed the limit. */
  static final class BodyTooLargeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BodyTooLargeException(int maxBytes) {
      super("body is larger than " + maxBytes + " bytes");
    }
  }
}
