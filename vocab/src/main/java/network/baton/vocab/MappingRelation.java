package network.baton.vocab;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.vocabulary.SKOS;

/** The SKOS mapping relations, from the mapped concept's point of view. */
public enum MappingRelation {
  /** The same meaning. */
  EXACT(SKOS.exactMatch),
  /** Close enough to use one for the other in some applications. */
  CLOSE(SKOS.closeMatch),
  /** The target is broader. */
  BROAD(SKOS.broadMatch),
  /** The target is narrower. */
  NARROW(SKOS.narrowMatch),
  /** The two overlap or are associated, neither containing the other. */
  RELATED(SKOS.relatedMatch);

  private final Property property;

  MappingRelation(Property property) {
    this.property = property;
  }

  /** The SKOS property of this relation. */
  public Property property() {
    return property;
  }
}
