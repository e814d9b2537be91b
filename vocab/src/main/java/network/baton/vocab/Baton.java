package network.baton.vocab;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/** Terms of the BATON ontology ({@code https://w3id.org/baton/ns#}), defined in ontology.ttl. */
public final class Baton {

  /** The namespace IRI. */
  public static final String NS = "https://w3id.org/baton/ns#";

  /** The ontology resource itself. */
  public static final Resource ONTOLOGY =
      ResourceFactory.createResource("https://w3id.org/baton/ns");

  /** A licence accepted as {@code schema:license} of published content. */
  public static final Resource OpenLicense = resource("OpenLicense");

  /** How many resources of a dataset teach or assess one skill. */
  public static final Resource SkillCoverage = resource("SkillCoverage");

  /** The IRI of a resource its home node has deleted. */
  public static final Resource Tombstone = resource("Tombstone");

  /** Dataset to one of its skill coverage entries. */
  public static final Property skillCoverage = property("skillCoverage");

  /** Skill coverage entry to the skill it counts. */
  public static final Property skill = property("skill");

  /** Skill coverage entry to its number of resources ({@code xsd:nonNegativeInteger}). */
  public static final Property resourceCount = property("resourceCount");

  /** A node's search endpoint (GET /search), for federated search. */
  public static final Property searchEndpoint = property("searchEndpoint");

  /** A node's change feed (GET /changes?since=), for harvesting. */
  public static final Property changesEndpoint = property("changesEndpoint");

  private Baton() {}

  private static Resource resource(String localName) {
    return ResourceFactory.createResource(NS + localName);
  }

  private static Property property(String localName) {
    return ResourceFactory.createProperty(NS, localName);
  }
}
