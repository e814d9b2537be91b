package network.baton.node.store;

import java.util.function.BooleanSupplier;
import org.apache.jena.query.text.Entity;
import org.apache.jena.query.text.TextIndexConfig;
import org.apache.jena.query.text.TextIndexLucene;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;

/**
 * jena-text's Lucene index with two changes.
 *
 * <p>A document about the resource its graph is named after carries the resource IRI as a doc value
 * ({@link TextIndexLayout#FIELD_RESOURCE}), so search can group hits by resource without
 * decompressing stored fields for every hit. Text about other subjects in a graph (an embedded
 * module, a blank node) gets no such value and so never makes a resource match.
 *
 * <p>A read transaction never commits or rolls back the index. jena-text joins the index to every
 * TDB2 transaction, read ones too, and a read that aborts (a query cancelled at its time limit, a
 * resource not found) rolled back the Lucene writer of the write running beside it: that write's
 * text was lost from search, and the writer, closed under it, failed with "indexWriter is null" and
 * stopped the node (issue 11, items 2 and 10). Lucene has one writer; only the write transaction
 * (or a caller outside any transaction, such as a rebuild) may end its changes.
 */
final class ResourceTextIndex extends TextIndexLucene {

  private final BooleanSupplier inRead;

  /** An index in directory; inRead tells whether the calling thread is in a read transaction. */
  ResourceTextIndex(Directory directory, TextIndexConfig config, BooleanSupplier inRead) {
    super(directory, config);
    this.inRead = inRead;
  }

  @Override
  public void prepareCommit() {
    if (!inRead.getAsBoolean()) {
      super.prepareCommit();
    }
  }

  @Override
  public void commit() {
    if (!inRead.getAsBoolean()) {
      super.commit();
    }
  }

  @Override
  public void rollback() {
    if (!inRead.getAsBoolean()) {
      super.rollback();
    }
  }

  @Override
  protected Document doc(Entity entity) {
    Document doc = super.doc(entity);
    String graph = entity.getGraph();
    if (graph != null && graph.equals(entity.getId())) {
      doc.add(new SortedDocValuesField(TextIndexLayout.FIELD_RESOURCE, new BytesRef(graph)));
    }
    return doc;
  }
}
