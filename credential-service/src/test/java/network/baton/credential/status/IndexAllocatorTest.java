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
    Set<StatusListIndex> before = new HashSet<>();
    for (int i = 0; i < 3; i++) before.add(allocator.allocate());

    // Crash now: the credentials were never issued, the allocator object is simply gone.
    assertThat(Files.readString(dir.resolve(IndexAllocator.STATE_FILE)).trim()).isEqualTo("100");
    IndexAllocator afterCrash = IndexAllocator.open(dir, StatusList.MIN_SIZE, 100);
    Set<StatusListIndex> after = new HashSet<>();
    for (int i = 0; i < 500; i++) after.add(afterCrash.allocate());

    assertThat(after).hasSize(500).doesNotContainAnyElementsOf(before);
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder(IndexAllocator.STATE_FILE, IndexAllocator.KEY_FILE);
    }
  }

  @Test
  void leftoverOfACrashDuringAWriteIsIgnoredAndRemoved() throws IOException {
    StatusListIndex first = IndexAllocator.open(dir, StatusList.MIN_SIZE, 10).allocate();
    Files.writeString(dir.resolve(IndexAllocator.STATE_FILE + "12345.tmp"), "0");
    Files.writeString(dir.resolve(IndexAllocator.KEY_FILE + "12345.tmp"), "00");

    StatusListIndex next = IndexAllocator.open(dir, StatusList.MIN_SIZE, 10).allocate();

    assertThat(next).isNotEqualTo(first);
    assertThat(Files.readString(dir.resolve(IndexAllocator.STATE_FILE)).trim()).isEqualTo("20");
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder(IndexAllocator.STATE_FILE, IndexAllocator.KEY_FILE);
    }
  }

  @Test
  void indexesAreHandedOutInARandomOrderNotInTheOrderOfIssuing() throws IOException {
    List<Integer> indexes = new ArrayList<>();
    IndexAllocator allocator = IndexAllocator.open(dir, StatusList.MIN_SIZE, 64);
    for (int i = 0; i < 200; i++) indexes.add(allocator.allocate().index());
    List<Integer> other = new ArrayList<>();
    IndexAllocator otherNode = IndexAllocator.open(dir.resolve("other"), StatusList.MIN_SIZE, 64);
    for (int i = 0; i < 200; i++) other.add(otherNode.allocate().index());

    assertThat(indexes).doesNotHaveDuplicates().isNotEqualTo(indexes.stream().sorted().toList());
    // Spread over the list, not clustered at its start as in-order allocation would be.
    assertThat(indexes.stream().mapToInt(Integer::intValue).max().orElseThrow())
        .isGreaterThan(StatusList.MIN_SIZE / 2);
    assertThat(other).as("another node's key gives another order").isNotEqualTo(indexes);
  }

  @Test
  void aRestartKeepsTheOrderSoNoIndexRepeatsInAListAlreadyInUse() throws IOException {
    Set<StatusListIndex> seen = new HashSet<>();
    IndexAllocator first = IndexAllocator.open(dir, 16, 3);
    for (int i = 0; i < 7; i++) assertThat(seen.add(first.allocate())).isTrue();
    String key = Files.readString(dir.resolve(IndexAllocator.KEY_FILE));

    IndexAllocator afterRestart = IndexAllocator.open(dir, 16, 3);
    for (int i = 0; i < 30; i++) assertThat(seen.add(afterRestart.allocate())).isTrue();

    assertThat(Files.readString(dir.resolve(IndexAllocator.KEY_FILE))).isEqualTo(key);
    assertThat(seen).hasSize(37);
  }

  @Test
  void aNearlyFullListIsUsedUpThenANewListStarts() throws IOException {
    int size = 1000;
    IndexAllocator allocator = IndexAllocator.open(dir, size, 97);
    Set<Integer> firstList = new HashSet<>();
    for (int i = 0; i < size - 1; i++) {
      StatusListIndex at = allocator.allocate();
      assertThat(at.list()).isZero();
      firstList.add(at.index());
    }

    StatusListIndex last = allocator.allocate();
    StatusListIndex next = allocator.allocate();

    assertThat(last.list()).isZero();
    assertThat(firstList).doesNotContain(last.index());
    firstList.add(last.index());
    assertThat(firstList).hasSize(size).allMatch(i -> i >= 0 && i < size);
    assertThat(next.list()).isEqualTo(1);
  }

  @Test
  void aFolderOfInOrderIndexesContinuesRandomlyAtTheNextList() throws IOException {
    // Written before random allocation: positions 0..129 were handed out in order, no key yet.
    Files.writeString(dir.resolve(IndexAllocator.STATE_FILE), "130\n");

    StatusListIndex next = IndexAllocator.open(dir, 1000, 10).allocate();

    assertThat(next.list()).isEqualTo(1);
    assertThat(Files.readString(dir.resolve(IndexAllocator.STATE_FILE)).trim()).isEqualTo("1010");
  }

  @Test
  void corruptKeyIsRefusedRatherThanReorderingListsInUse() throws IOException {
    IndexAllocator.open(dir, StatusList.MIN_SIZE, 10).allocate();
    Files.writeString(dir.resolve(IndexAllocator.KEY_FILE), "not hex");

    assertThatThrownBy(() -> IndexAllocator.open(dir, StatusList.MIN_SIZE, 10))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("corrupt");
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
