package network.baton.node.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.text.TextHit;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class NodeDatasetTest {

  private static final Node GRAPH = NodeFactory.createURI("http://node.test/resources/r1");
  private static final Node NAME = NodeFactory.createURI(TextIndexLayout.SCHEMA + "name");

  @TempDir Path dataDir;

  @Test
  void committedNameIsFoundThroughTheTextIndex() {
    try (NodeDataset store = NodeDataset.open(dataDir)) {
      addName(store.datasetGraph(), "蓄電池の安全管理", "ja");

      assertThat(graphsMatching(store, "name_ja-x-bigram:電池")).containsExactly(GRAPH.getURI());
    }
  }

  @Test
  void abortedWriteLeavesTheIndexUnchanged() {
    try (NodeDataset store = NodeDataset.open(dataDir)) {
      DatasetGraph dsg = store.datasetGraph();
      dsg.begin(org.apache.jena.query.ReadWrite.WRITE);
      dsg.add(GRAPH, GRAPH, NAME, NodeFactory.createLiteralLang("Electrode coating", "en"));
      dsg.abort();
      dsg.end();

      assertThat(store.indexedDocuments()).isZero();
      assertThat(graphsMatching(store, "name_en:coating")).isEmpty();
    }
  }

  @Test
  void storeReopensWithItsDataAndIndex() {
    try (NodeDataset store = NodeDataset.open(dataDir)) {
      addName(store.datasetGraph(), "Electrode coatings", "en");
    }
    try (NodeDataset store = NodeDataset.open(dataDir)) {
      assertThat(graphsMatching(store, "name_en:coating")).containsExactly(GRAPH.getURI());
    }
  }

  @Test
  void deletedIndexIsRebuiltFromTheStoreOnOpen() throws IOException {
    try (NodeDataset store = NodeDataset.open(dataDir)) {
      addName(store.datasetGraph(), "Electrode coatings", "en");
    }
    deleteRecursively(dataDir.resolve("text-index"));

    try (NodeDataset store = NodeDataset.open(dataDir)) {
      assertThat(store.indexedDocuments()).isEqualTo(1);
      assertThat(graphsMatching(store, "name_en:coating")).containsExactly(GRAPH.getURI());
    }
  }

  @Test
  void rebuildDropsDocumentsTheStoreNoLongerHas() {
    try (NodeDataset store = NodeDataset.open(dataDir)) {
      addName(store.datasetGraph(), "Electrode coatings", "en");
      // A stale document, as a crash between the store commit and the index commit could leave.
      store.textIndex().addEntity(staleEntity());
      store.textIndex().commit();
      assertThat(store.indexedDocuments()).isEqualTo(2);

      long literals = store.rebuild();

      assertThat(literals).isEqualTo(1);
      assertThat(store.indexedDocuments()).isEqualTo(1);
      assertThat(graphsMatching(store, "name_en:recycling")).isEmpty();
    }
  }

  @Test
  void commitListenerHearsTheChangedGraphsOnlyOnceTheWriteCommits() {
    try (NodeDataset store = NodeDataset.open(dataDir)) {
      List<java.util.Set<Node>> heard = new java.util.ArrayList<>();
      List<java.util.Set<Node>> committed = new java.util.ArrayList<>();
      store.addCommitListener(
          graphs -> {
            heard.add(graphs);
            return () -> committed.add(graphs);
          });
      DatasetGraph dsg = store.datasetGraph();

      addName(dsg, "Electrode coatings", "en");
      dsg.begin(org.apache.jena.query.ReadWrite.WRITE);
      dsg.add(GRAPH, GRAPH, NAME, NodeFactory.createLiteralLang("Never committed", "en"));
      dsg.abort();
      dsg.end();
      Txn.executeWrite(dsg, () -> dsg.getGraph(GRAPH).clear());

      assertThat(committed).containsExactly(java.util.Set.of(GRAPH), java.util.Set.of(GRAPH));
      assertThat(heard).hasSize(2);
    }
  }

  @Test
  void sparqlTextQueryInAGraphPatternUsesTheIndex() {
    try (NodeDataset store = NodeDataset.open(dataDir)) {
      addName(store.datasetGraph(), "Electrode coatings", "en");
      String query =
          "PREFIX text: <http://jena.apache.org/text#> PREFIX schema: <http://schema.org/> "
              + "SELECT ?s WHERE { GRAPH ?g { ?s text:query (schema:name 'electrode') } }";

      List<String> found =
          Txn.calculateRead(
              store.datasetGraph(),
              () -> {
                try (var qe =
                    org.apache.jena.query.QueryExecution.dataset(store.dataset())
                        .query(query)
                        .build()) {
                  List<String> subjects = new java.util.ArrayList<>();
                  qe.execSelect()
                      .forEachRemaining(row -> subjects.add(row.getResource("s").getURI()));
                  return subjects;
                }
              });

      assertThat(found).containsExactly(GRAPH.getURI());
    }
  }

  @Test
  void batchWriteIndexesTheTextOfNewResourcesRefusesTakenIrisAndTellsListenersOnce() {
    NodeDataset store = NodeDataset.open(dataDir);
    List<java.util.Set<Node>> committed = new java.util.ArrayList<>();
    store.addCommitListener(graphs -> () -> committed.add(graphs));
    try (ResourceStore resources = resourceStore(store)) {
      List<BatchOutcome> outcomes =
          resources.writeAll(
              List.of(
                  draft("r1", "Electrode coatings"),
                  draft("r2", "Cell recycling"),
                  draft("r1", "Electrode coatings again")),
              false);

      assertThat(outcomes).extracting(o -> o.stored() != null).containsExactly(true, true, false);
      assertThat(outcomes.get(2).refusal().kind()).isEqualTo(StoreException.Kind.CONFLICT);
      assertThat(graphsMatching(store, "name_en:coating")).containsExactly(GRAPH.getURI());
      assertThat(graphsMatching(store, "name_en:recycling"))
          .containsExactly("http://node.test/resources/r2");
      assertThat(graphsMatching(store, "name_en:again")).isEmpty();
      assertThat(committed).hasSize(1);
      assertThat(committed.get(0))
          .contains(GRAPH, NodeFactory.createURI("http://node.test/resources/r2"));
      assertThat(resources.count()).isEqualTo(2);
    }
  }

  @Test
  void batchThatFailsMidwayLeavesNeitherStoreNorIndexChanged() {
    NodeDataset store = NodeDataset.open(dataDir);
    try (ResourceStore resources = resourceStore(store)) {
      ResourceDraft broken = draft("r2", "Cell recycling");
      // A variable cannot be stored: TDB2 fails the write after r1 and its text went in.
      broken
          .graph()
          .add(
              org.apache.jena.graph.Triple.create(
                  broken.subject(), NAME, org.apache.jena.sparql.core.Var.alloc("x")));

      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> resources.writeAll(List.of(draft("r1", "Electrode coatings"), broken), false))
          .isNotInstanceOf(StoreException.class);

      assertThat(resources.count()).isZero();
      assertThat(store.indexedDocuments()).isZero();
      assertThat(graphsMatching(store, "name_en:coating")).isEmpty();
    }
  }

  @Test
  void batchLargeEnoughToFlushTheIndexMidwayIsSearchableWhenItCommitsAndGoneWhenItFails() {
    NodeDataset store = NodeDataset.open(dataDir);
    try (ResourceStore resources = resourceStore(store)) {
      // More names than the writer keeps in memory: part of the text is flushed before the end.
      int many = NewGraphWriter.FLUSH_EVERY + 100;
      List<ResourceDraft> failing = new java.util.ArrayList<>();
      for (int i = 0; i < many; i++) {
        failing.add(draft("f" + i, "Separator film " + i));
      }
      ResourceDraft broken = failing.get(many - 1);
      broken
          .graph()
          .add(
              org.apache.jena.graph.Triple.create(
                  broken.subject(), NAME, org.apache.jena.sparql.core.Var.alloc("x")));
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> resources.writeAll(failing, false))
          .isNotInstanceOf(StoreException.class);

      assertThat(resources.count()).isZero();
      assertThat(store.indexedDocuments()).isZero();
      assertThat(graphsMatching(store, "name_en:separator")).isEmpty();

      List<ResourceDraft> committing = new java.util.ArrayList<>();
      for (int i = 0; i < many; i++) {
        committing.add(draft("c" + i, "Cathode slurry " + i));
      }
      assertThat(resources.writeAll(committing, false)).allMatch(o -> o.stored() != null);

      assertThat(resources.count()).isEqualTo(many);
      // The failed batch took no change-log numbers; the committed one took one each, in order.
      ChangePage log = resources.changes(many - 2, 10);
      assertThat(log.latest()).isEqualTo(many);
      assertThat(log.changes())
          .extracting(Change::iri)
          .containsExactly(
              "http://node.test/resources/c" + (many - 2),
              "http://node.test/resources/c" + (many - 1));
      assertThat(store.indexedDocuments()).isEqualTo(many);
      assertThat(
              store.textIndex().query((Node) null, "name_en:slurry", null, null, many + 1).size())
          .isEqualTo(many);
    }
  }

  private static ResourceStore resourceStore(NodeDataset store) {
    return new ResourceStore(
        OpenDataset.of(store),
        new ResourceIds("http://node.test"),
        "http://node.test",
        java.time.Clock.systemUTC());
  }

  @Test
  void readThatFailsDuringAWriteLeavesTheWriteWholeInTheIndex() throws Exception {
    try (NodeDataset store = NodeDataset.open(dataDir)) {
      DatasetGraph dsg = store.datasetGraph();
      Node second = NodeFactory.createURI("http://node.test/resources/r2");
      inWriteWithReadBetween(
          dsg,
          () -> dsg.add(GRAPH, GRAPH, NAME, NodeFactory.createLiteralLang("Electrode", "en")),
          () ->
              Txn.executeRead(
                  dsg,
                  () -> {
                    throw new IllegalStateException("a read that fails, as a timed-out query");
                  }),
          () -> dsg.add(second, second, NAME, NodeFactory.createLiteralLang("Electrolyte", "en")),
          true);

      assertThat(graphsMatching(store, "name_en:electrode")).containsExactly(GRAPH.getURI());
      assertThat(graphsMatching(store, "name_en:electrolyte")).containsExactly(second.getURI());
    }
  }

  @Test
  void readThatCommitsDuringAWriteDoesNotCommitTheWritesText() throws Exception {
    try (NodeDataset store = NodeDataset.open(dataDir)) {
      DatasetGraph dsg = store.datasetGraph();
      inWriteWithReadBetween(
          dsg,
          () -> dsg.add(GRAPH, GRAPH, NAME, NodeFactory.createLiteralLang("Electrode", "en")),
          () -> Txn.executeRead(dsg, () -> dsg.find().hasNext()),
          () -> {},
          false);

      assertThat(graphsMatching(store, "name_en:electrode")).isEmpty();
      assertThat(store.indexedDocuments()).isZero();
    }
  }

  /**
   * In one write transaction on this thread: before, then (on another thread, while the write is
   * open) between, then after; then commit or abort the write.
   */
  private static void inWriteWithReadBetween(
      DatasetGraph dsg, Runnable before, Runnable between, Runnable after, boolean commit)
      throws Exception {
    dsg.begin(org.apache.jena.query.ReadWrite.WRITE);
    try {
      before.run();
      Thread reader =
          new Thread(
              () -> {
                try {
                  between.run();
                } catch (IllegalStateException expected) {
                  // the failing read
                }
              });
      reader.start();
      reader.join();
      after.run();
      if (commit) {
        dsg.commit();
      } else {
        dsg.abort();
      }
    } finally {
      dsg.end();
    }
  }

  private static ResourceDraft draft(String id, String name) {
    Node subject = NodeFactory.createURI("http://node.test/resources/" + id);
    org.apache.jena.graph.Graph graph =
        org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
    graph.add(
        org.apache.jena.graph.Triple.create(
            subject, NAME, NodeFactory.createLiteralLang(name, "en")));
    return new ResourceDraft(graph, subject, id, "");
  }

  private static org.apache.jena.query.text.Entity staleEntity() {
    var entity =
        new org.apache.jena.query.text.Entity(
            "http://node.test/resources/gone", "http://node.test/resources/gone", "en", null);
    entity.put(TextIndexLayout.FIELD_NAME, "Recycling");
    return entity;
  }

  private static void addName(DatasetGraph dsg, String text, String lang) {
    Txn.executeWrite(
        dsg, () -> dsg.add(GRAPH, GRAPH, NAME, NodeFactory.createLiteralLang(text, lang)));
  }

  private static List<String> graphsMatching(NodeDataset store, String luceneQuery) {
    return store.textIndex().query((Node) null, luceneQuery, null, null, 100).stream()
        .map(TextHit::getGraph)
        .map(Node::getURI)
        .distinct()
        .toList();
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
