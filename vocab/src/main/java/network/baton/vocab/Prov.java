package network.baton.vocab;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/** The PROV-O terms BATON uses for the provenance a node adds to stored resources. */
public final class Prov {

  /** The namespace IRI. */
  public static final String NS = "http://www.w3.org/ns/prov#";

  /** Something whose provenance is described. */
  public static final Resource Entity = resource("Entity");

  /** Something responsible for an entity, such as a node's DID. */
  public static final Resource Agent = resource("Agent");

  /** A running software agent, such as a registry node. */
  public static final Resource SoftwareAgent = resource("SoftwareAgent");

  /** Entity to the agent it is attributed to (the home node's DID). */
  public static final Property wasAttributedTo = property("wasAttributedTo");

  /** Entity to an entity it was derived from (e.g. a copy from a peer). */
  public static final Property wasDerivedFrom = property("wasDerivedFrom");

  /** Entity to its previous revision. */
  public static final Property wasRevisionOf = property("wasRevisionOf");

  /** When the entity was generated. */
  public static final Property generatedAtTime = property("generatedAtTime");

  /** When the entity stopped being usable (deletion time of a tombstone). */
  public static final Property invalidatedAtTime = property("invalidatedAtTime");

  private Prov() {}

  private static Resource resource(String localName) {
    return ResourceFactory.createResource(NS + localName);
  }

  private static Property property(String localName) {
    return ResourceFactory.createProperty(NS, localName);
  }
}
