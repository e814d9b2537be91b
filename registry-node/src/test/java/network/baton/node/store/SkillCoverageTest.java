package network.baton.node.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import network.baton.node.ConcurrentWriters;
import network.baton.node.Eventually;
import network.baton.node.resources.ResourceReader;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The coverage kept in memory against the full recomputation over the same text-indexed store,
 * after every kind of write, a rolled-back one, a reopening and concurrent writers.
 */
@Timeout(120)
class SkillCoverageTest {
  private NodeDataset text;

  private static final ResourceIds IDS = new ResourceIds("http://node.test");
  private static final String SKILL = "https://w3id.org/baton/skill/";
  private static final Node TEACHES = NodeFactory.createURI("http://schema.org/teaches");

  /** A two-level framework: ECH-* under ECH, MFG-* under MFG. */
  private static final Function<String, Set<String>> BROADER =
      skill -> {
        String code = skill.substring(SKILL.length());
        int dash = code.indexOf('-');
        return dash < 0 ? Set.of() : Set.of(SKILL + code.substring(0, dash));
      };

  private final ResourceReader reader =
      new ResourceReader(IDS, (json, base) -> GraphFactory.createDefaultGraph());

  @TempDir Path dataDir;

  @Test
  void followsCreatesReplacesDeletesAndBatchesAsEachCommits() {
    try (ResourceStore store = open();
        SkillCoverage coverage = follow(store)) {
      assertThat(coverage.snapshot()).isEqualTo(new SkillCoverage.Snapshot(0, Map.of()));

      store.create(course("a", "teaches", "ECH-KIN", "ECH-THERMO"));
      assertThat(coverage.snapshot().resourceCount()).isEqualTo(1);
      assertThat(coverage.snapshot().skills())
          .as("two skills under ECH count the course once for ECH")
          .containsExactly(
              entry(SKILL + "ECH", 1L),
              entry(SKILL + "ECH-KIN", 1L),
              entry(SKILL + "ECH-THERMO", 1L));

      store.create(course("b", "assesses", "ECH-KIN"));
      assertThat(coverage.snapshot().skills())
          .containsEntry(SKILL + "ECH", 2L)
          .containsEntry(SKILL + "ECH-KIN", 2L);
      assertSameAsFullScan(store, coverage);

      store.replace("a", course("a", "teaches", "MFG-COAT"), null);
      assertThat(coverage.snapshot().skills())
          .containsExactly(
              entry(SKILL + "ECH", 1L),
              entry(SKILL + "ECH-KIN", 1L),
              entry(SKILL + "MFG", 1L),
              entry(SKILL + "MFG-COAT", 1L));
      assertSameAsFullScan(store, coverage);

      store.delete("b", null);
      assertThat(coverage.snapshot())
          .isEqualTo(
              new SkillCoverage.Snapshot(1, Map.of(SKILL + "MFG", 1L, SKILL + "MFG-COAT", 1L)));

      List<BatchOutcome> batch =
          store.writeAll(
              List.of(
                  course("c", "teaches", "ECH-KIN"),
                  course("a", "teaches", "MFG-DRY"),
                  course("d", "teaches", "SAF")),
              false);
      assertThat(batch).extracting(o -> o.refusal() == null).containsExactly(true, false, true);
      assertThat(coverage.snapshot().resourceCount()).isEqualTo(3);
      assertThat(coverage.snapshot().skills()).containsEntry(SKILL + "SAF", 1L);
      assertSameAsFullScan(store, coverage);

      store.writeAll(
          List.of(course("c", "teaches", "SAF"), course("d", "teaches", "SAF-TRUN")), true);
      assertThat(coverage.snapshot().skills())
          .containsEntry(SKILL + "SAF", 2L)
          .containsEntry(SKILL + "SAF-TRUN", 1L)
          .doesNotContainKey(SKILL + "ECH-KIN");
      assertSameAsFullScan(store, coverage);
    }
  }

  @Test
  void writeThatRollsBackChangesNothing() {
    try (ResourceStore store = open();
        SkillCoverage coverage = follow(store)) {
      store.create(course("a", "teaches", "ECH-KIN"));
      SkillCoverage.Snapshot before = coverage.snapshot();
      DatasetGraph dsg = text.datasetGraph();
      Node a = NodeFactory.createURI(IDS.iri("a"));
      Node ghost = NodeFactory.createURI(IDS.iri("ghost"));

      assertThatThrownBy(
              () ->
                  Txn.executeWrite(
                      dsg,
                      () -> {
                        dsg.add(a, a, TEACHES, NodeFactory.createURI(SKILL + "SAF"));
                        dsg.add(ghost, ghost, TEACHES, NodeFactory.createURI(SKILL + "MFG"));
                        throw new IllegalStateException("the write fails before it commits");
                      }))
          .hasMessageContaining("fails before it commits");

      assertThat(coverage.snapshot()).isSameAs(before);
      // The next write commits other graphs only: nothing of the rolled-back one comes with it.
      store.create(course("b", "teaches", "ECH-THERMO"));
      assertThat(coverage.snapshot().skills())
          .containsOnlyKeys(SKILL + "ECH", SKILL + "ECH-KIN", SKILL + "ECH-THERMO");
      assertSameAsFullScan(store, coverage);
    }
  }

  @Test
  void reopenedStoreLoadsTheCoverageItHolds() {
    try (ResourceStore store = open()) {
      store.create(course("a", "teaches", "ECH-KIN", "MFG-COAT"));
      store.create(course("b", "teaches", "MFG-COAT"));
      store.create(course("c", "teaches", "SAF"));
      store.delete("c", null);
    }

    try (ResourceStore store = open();
        SkillCoverage coverage = follow(store)) {
      assertThat(coverage.snapshot())
          .isEqualTo(
              new SkillCoverage.Snapshot(
                  2,
                  Map.of(
                      SKILL + "ECH", 1L,
                      SKILL + "ECH-KIN", 1L,
                      SKILL + "MFG", 2L,
                      SKILL + "MFG-COAT", 2L)));
      assertSameAsFullScan(store, coverage);
    }
  }

  @Test
  void concurrentWritersLoseNoUpdate() throws Exception {
    List<String> skills =
        List.of("ECH-KIN", "ECH-THERMO", "MFG-COAT", "MFG-DRY", "SAF", "SAF-TRUN", "REC");
    try (ResourceStore store = open();
        SkillCoverage coverage = follow(store)) {
      ConcurrentWriters.run(
          4,
          random -> {
            for (int i = 0; i < 40; i++) {
              String id = "r" + random.nextInt(30);
              String skill = skills.get(random.nextInt(skills.size()));
              try {
                if (random.nextInt(6) == 0) {
                  store.delete(id, null);
                } else {
                  store.replace(id, course(id, "teaches", skill), null);
                }
              } catch (StoreException e) {
                // deleted already (GONE), or never made (NOT_FOUND): a refusal, no write
              }
            }
          });

      assertThat(coverage.snapshot().resourceCount()).isPositive();
      assertSameAsFullScan(store, coverage);
    }
  }

  @Test
  void olderCommitAppliedAfterANewerOneIsIgnored() throws Exception {
    try (ResourceStore store = open()) {
      store.create(course("x", "teaches", "SAF"));
      // A listener ahead of the coverage that holds the first writer after its commit, until a
      // second writer has committed and been applied: the two apply in the opposite order.
      CountDownLatch secondApplied = new CountDownLatch(1);
      AtomicBoolean holdNext = new AtomicBoolean();
      AtomicBoolean heldUntilSecond = new AtomicBoolean();
      NodeDataset text = this.text;
      text.addCommitListener(
          graphs -> {
            boolean hold = holdNext.getAndSet(false);
            return () -> {
              if (hold) {
                heldUntilSecond.set(await(secondApplied));
              }
            };
          });
      try (SkillCoverage coverage = follow(store)) {
        ExecutorService writers = Executors.newFixedThreadPool(1);
        try {
          holdNext.set(true);
          Future<?> first =
              writers.submit(() -> store.replace("x", course("x", "teaches", "ECH-KIN"), null));
          // The first writer has committed (its version is visible) and waits in its listeners.
          Eventually.until(
              "the first writer's commit is visible",
              Duration.ofSeconds(30),
              () -> store.get("x").version() >= 2);
          store.replace("x", course("x", "teaches", "MFG-COAT"), null);
          secondApplied.countDown();
          first.get(30, TimeUnit.SECONDS);
        } finally {
          writers.shutdownNow();
        }

        assertThat(heldUntilSecond)
            .as("the second write committed while the first was held")
            .isTrue();
        assertThat(coverage.snapshot().skills())
            .containsOnlyKeys(SKILL + "MFG", SKILL + "MFG-COAT");
        assertSameAsFullScan(store, coverage);
      }
    }
  }

  private static boolean await(CountDownLatch latch) {
    try {
      return latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private void assertSameAsFullScan(ResourceStore store, SkillCoverage coverage) {
    assertThat(coverage.snapshot())
        .as("the coverage followed in memory is the full recomputation's")
        .isEqualTo(SkillCoverage.scan(store, BROADER));
  }

  // The store hands out no dataset: the test keeps the text-indexed one it opened the store over.
  private ResourceStore open() {
    text = NodeDataset.open(dataDir);
    return new ResourceStore(OpenDataset.of(text), IDS, "did:web:node.test", Clock.systemUTC());
  }

  private SkillCoverage follow(ResourceStore store) {
    return SkillCoverage.follow(text, BROADER);
  }

  /** A course with this id that teaches or assesses these skills (by code). */
  private ResourceDraft course(String id, String alignment, String... codes) {
    StringBuilder turtle =
        new StringBuilder(
            "@prefix s: <http://schema.org/> .\n<resources/"
                + id
                + "> a s:Course ; s:name \"Course "
                + id
                + "\"@en");
    for (String code : codes) {
      turtle.append(" ; s:").append(alignment).append(" <").append(SKILL).append(code).append('>');
    }
    turtle.append(" .\n");
    return reader.read(turtle.toString(), Lang.TURTLE);
  }
}
