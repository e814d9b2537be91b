package network.baton.node.store;

import org.apache.jena.query.text.Entity;
import org.apache.jena.query.text.TextIndexConfig;
import org.apache.jena.query.text.TextIndexLucene;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;

/**
 * jena-text's Lucene index with one addition: a document about the resource its graph is named
 * after carries the resource IRI as a doc value ({@link TextIndexLayout#FIELD_RESOURCE}), so search
 * can group hits by resource without decompressing stored fields for every hit. Text about other
 * subjects in a graph (an embedded module, a blank node) gets no such value and so never makes a
 * resource match.
 */
final class ResourceTextIndex extends TextIndexLucene {

  ResourceTextIndex(Directory directory, TextIndexConfig config) {
    super(directory, config);
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
