package network.baton.vocab;

import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWrapper;
import org.apache.jena.sparql.core.Quad;

/** Passes triples and quads on with https schema.org IRIs rewritten to http. */
final class SchemaNormalizingStream extends StreamRDFWrapper {

  SchemaNormalizingStream(StreamRDF destination) {
    super(destination);
  }

  @Override
  public void triple(Triple triple) {
    super.triple(SchemaNormalizer.normalize(triple));
  }

  @Override
  public void quad(Quad quad) {
    super.quad(
        Quad.create(
            quad.getGraph(),
            SchemaNormalizer.normalize(quad.getSubject()),
            SchemaNormalizer.normalize(quad.getPredicate()),
            SchemaNormalizer.normalize(quad.getObject())));
  }
}
