package network.baton.node.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import network.baton.credential.http.Problem;
import network.baton.node.config.WorkLimit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(30)
class WorkQueueTest {

  @Test
  void workPastThreadsAndQueueIsRefusedAtOnceWith503AndRetryAfter(Vertx vertx) throws Exception {
    WorkQueue queue =
        WorkQueue.create(vertx, "test", new WorkLimit(1, 1, 1), Duration.ofMinutes(1));
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch running = new CountDownLatch(1);
    Future<String> first =
        queue.executeBlocking(
            () -> {
              running.countDown();
              release.await(10, TimeUnit.SECONDS);
              return "first";
            },
            false);
    assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
    Future<String> waiting = queue.executeBlocking(() -> "waiting", false);

    Future<String> refused = queue.executeBlocking(() -> "refused", false);

    assertThat(refused.failed()).isTrue();
    assertThat(refused.cause()).isInstanceOf(WorkRefused.class);
    Problem problem = new WorkProblems().toProblem(refused.cause());
    assertThat(problem.status()).isEqualTo(503);
    assertThat(problem.headers()).containsKey("Retry-After");
    assertThat(Long.parseLong(problem.headers().get("Retry-After"))).isPositive();
    assertThat(problem.getMessage()).contains("test work").contains("1 running, 1 waiting");
    assertThat(queue.depth()).isEqualTo(2);
    assertThat(queue.refused()).isEqualTo(1);

    release.countDown();
    assertThat(await(first)).isEqualTo("first");
    assertThat(await(waiting)).isEqualTo("waiting");
    assertThat(queue.depth()).isZero();
    assertThat(await(queue.executeBlocking(() -> "again", false))).isEqualTo("again");
    await(queue.close());
  }

  @Test
  void failingWorkFreesItsPlace(Vertx vertx) throws Exception {
    WorkQueue queue =
        WorkQueue.create(vertx, "test", new WorkLimit(1, 0, 1), Duration.ofMinutes(1));
    Future<Object> failed =
        queue.executeBlocking(
            () -> {
              throw new IllegalStateException("boom");
            },
            false);
    assertThat(failed.toCompletionStage().toCompletableFuture()).failsWithin(Duration.ofSeconds(5));
    assertThat(queue.depth()).isZero();
    assertThat(await(queue.executeBlocking(() -> "next", false))).isEqualTo("next");
    await(queue.close());
  }

  @Test
  void backgroundWorkRunsUnderIdleSchedulingAndOtherWorkDoesNot(Vertx vertx) throws Exception {
    assumeTrue(
        Files.isSymbolicLink(Path.of("/proc/thread-self")), "Linux with /proc/thread-self only");
    assumeTrue(onPath("chrt"), "util-linux's chrt on the PATH");
    WorkQueue background =
        WorkQueue.create(vertx, "idle-test", new WorkLimit(1, 4, 1), Duration.ofMinutes(1), true);
    WorkQueue normal =
        WorkQueue.create(vertx, "normal-test", new WorkLimit(1, 4, 1), Duration.ofMinutes(1));

    assertThat(await(background.executeBlocking(IdleScheduling::isIdle, false))).isTrue();
    assertThat(await(background.executeBlocking(IdleScheduling::isIdle, false))).isTrue();
    assertThat(await(normal.executeBlocking(IdleScheduling::isIdle, false))).isFalse();
    await(background.close());
    await(normal.close());
  }

  private static boolean onPath(String command) {
    return java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":"))
        .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
