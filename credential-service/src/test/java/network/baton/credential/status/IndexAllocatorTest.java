package network.baton.credential.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class IndexAllocatorTest {

  @TempDir Path dir;

  @Test
  void indexesAreNeverReusedAcrossARestart() throws IOException {
    Set<StatusListIndex> seen = new HashSet<>();
    IndexAllocator first = IndexAllocator.open(dir, StatusList.MIN_SIZE, 10);
    for (int i = 0; i < 25; i++) {
      assertThat(seen.add(first.allocate())).isTrue();
    }

    IndexAllocator afterRestart = IndexAllocator.open(dir, StatusList.MIN_SIZE, 10);
    for (int i = 0; i < 25; i++) {
      assertThat(seen.add(afterRestart.allocate())).isTrue();
    }
    assertThat(seen).hasSize(50);
  }

  @Test
  void anIndexIsOnDiskBeforeItIsHandedOutSoACrashCannotRepeatIt() throws IOException {
    IndexAllocator allocator = IndexAllocator.open(dir, StatusList.MIN_SIZE, 100);
    StatusListIndex handedOut = allocator.allocate();

    // Crash now: the credential was never issued, the allocator object is simply gone.
    assertThat(Files.readString(dir.resolve(IndexAllocator.STATE_FILE)).trim()).isEqualTo("100");
    StatusListIndex next = IndexAllocator.open(dir, StatusList.MIN_SIZE, 100).allocate();

    assertThat(next).isNotEqualTo(handedOut);
    assertThat(next.index()).isEqualTo(100);
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactly(IndexAllocator.STATE_FILE);
    }
  }

  @Test
  void leftoverOfACrashDuringAWriteIsIgnoredAndRemoved() throws IOException {
    IndexAllocator.open(dir, StatusList.MIN_SIZE, 10).allocate();
    Files.writeString(dir.resolve(IndexAllocator.STATE_FILE + "12345.tmp"), "0");

    StatusListIndex next = IndexAllocator.open(dir, StatusList.MIN_SIZE, 10).allocate();

    assertThat(next.index()).isEqualTo(10);
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactly(IndexAllocator.STATE_FILE);
    }
  }

  @Test
  void fullListsRollOverToTheNextList() throws IOException {
    IndexAllocator allocator = IndexAllocator.open(dir, 4, 3);
    List<StatusListIndex> got = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      got.add(allocator.allocate());
    }

    assertThat(got)
        .containsExactly(
            new StatusListIndex(0, 0),
            new StatusListIndex(0, 1),
            new StatusListIndex(0, 2),
            new StatusListIndex(0, 3),
            new StatusListIndex(1, 0),
            new StatusListIndex(1, 1));
  }

  @Test
  void concurrentAllocationsAreDistinct() throws Exception {
    IndexAllocator allocator = IndexAllocator.open(dir, StatusList.MIN_SIZE, 7);
    Set<StatusListIndex> seen = ConcurrentHashMap.newKeySet();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        futures.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 100; i++) {
                    seen.add(allocator.allocate());
                  }
                  return null;
                }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(seen).hasSize(400);
  }

  @Test
  void corruptStateIsRefusedRatherThanStartingAgainFromZero() throws IOException {
    Files.writeString(dir.resolve(IndexAllocator.STATE_FILE), "garbage");

    assertThatThrownBy(() -> IndexAllocator.open(dir, StatusList.MIN_SIZE, 10))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("corrupt");
  }
}
