package network.baton.vocab;

import java.util.regex.Pattern;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/** IRIs of the BATON battery skills framework ({@code https://w3id.org/baton/skill/}). */
public final class Skills {

  /** The namespace IRI; a skill's IRI is this plus its notation. */
  public static final String NS = "https://w3id.org/baton/skill/";

  /** The concept scheme, whose IRI is the namespace itself. */
  public static final Resource SCHEME = ResourceFactory.createResource(NS);

  /** Form of a notation: upper-case codes joined by hyphens, the top concept's code first. */
  public static final Pattern NOTATION = Pattern.compile("[A-Z][A-Z0-9]*(-[A-Z0-9]+)*");

  private Skills() {}

  /** The concept resource for a notation such as {@code MFG-COAT}; rejects malformed notations. */
  public static Resource concept(String notation) {
    return ResourceFactory.createResource(iri(notation));
  }

  /** The concept IRI for a notation such as {@code MFG-COAT}; rejects malformed notations. */
  public static String iri(String notation) {
    if (notation == null || !NOTATION.matcher(notation).matches()) {
      throw new IllegalArgumentException("not a skill notation: " + notation);
    }
    return NS + notation;
  }
}
