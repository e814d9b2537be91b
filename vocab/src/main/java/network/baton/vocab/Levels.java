package network.baton.vocab;

import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/** IRIs of the BATON educational levels scheme ({@code https://w3id.org/baton/level/}). */
public final class Levels {

  /** The namespace IRI; a level's IRI is this plus its notation. */
  public static final String NS = "https://w3id.org/baton/level/";

  /** The concept scheme, whose IRI is the namespace itself. */
  public static final Resource SCHEME = ResourceFactory.createResource(NS);

  /** Namespace of the ISCED 2011 level IRIs the levels are mapped to. */
  public static final String ISCED_2011_NS = "https://w3id.org/kim/isced-2011/";

  /** Technical (vocational upper secondary) high school. */
  public static final Resource TECHNICAL_HIGH_SCHOOL = concept("technical-high-school");

  /** College of technology (kosen). */
  public static final Resource KOSEN = concept("kosen");

  /** Undergraduate (bachelor's) study. */
  public static final Resource UNDERGRADUATE = concept("undergraduate");

  /** Graduate (master's and doctoral) study. */
  public static final Resource GRADUATE = concept("graduate");

  /** Professional and continuing training. */
  public static final Resource PROFESSIONAL = concept("professional");

  private Levels() {}

  /** The concept resource for a notation such as {@code kosen}. */
  public static Resource concept(String notation) {
    return ResourceFactory.createResource(NS + notation);
  }
}
