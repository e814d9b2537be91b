package network.baton.vocab;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/**
 * The schema.org terms BATON uses, in the {@code http://schema.org/} namespace that the official
 * JSON-LD context expands to (Jena's {@code SchemaDO} uses https and must not be mixed in).
 */
public final class Schema {

  /** The namespace IRI ({@code http}, not {@code https}). */
  public static final String NS = "http://schema.org/";

  /** The {@code https} form of the namespace, rewritten to {@link #NS} on input. */
  public static final String NS_HTTPS = "https://schema.org/";

  // Classes

  /** An educational organization: an institution of the network. */
  public static final Resource EducationalOrganization = resource("EducationalOrganization");

  /** A college or university. */
  public static final Resource CollegeOrUniversity = resource("CollegeOrUniversity");

  /** A high school. */
  public static final Resource HighSchool = resource("HighSchool");

  /** A curriculum. */
  public static final Resource EducationalOccupationalProgram =
      resource("EducationalOccupationalProgram");

  /** A course or one module of a course. */
  public static final Resource Course = resource("Course");

  /** A learning resource (teaching material). */
  public static final Resource LearningResource = resource("LearningResource");

  // Properties

  /** Name, language-tagged. */
  public static final Property name = property("name");

  /** Description, language-tagged. */
  public static final Property description = property("description");

  /** URL of an institution's web site. */
  public static final Property url = property("url");

  /** IRI of the same thing elsewhere. */
  public static final Property sameAs = property("sameAs");

  /** Postal address. */
  public static final Property address = property("address");

  /** Identifier. */
  public static final Property identifier = property("identifier");

  /** Keywords, language-tagged. */
  public static final Property keywords = property("keywords");

  /** Author of a learning resource. */
  public static final Property author = property("author");

  /** Licence IRI (an open licence of the BATON ontology). */
  public static final Property license = property("license");

  /** BCP 47 language tag as a plain string. */
  public static final Property inLanguage = property("inLanguage");

  /** Publishing institution IRI. */
  public static final Property publisher = property("publisher");

  /** Educational level, a concept of the BATON level scheme. */
  public static final Property educationalLevel = property("educationalLevel");

  /** Curriculum to its courses. */
  public static final Property hasCourse = property("hasCourse");

  /** Duration of a curriculum ({@code xsd:duration}). */
  public static final Property timeToComplete = property("timeToComplete");

  /** Number of credits ({@code xsd:integer}). */
  public static final Property numberOfCredits = property("numberOfCredits");

  /** Skill a resource teaches. */
  public static final Property teaches = property("teaches");

  /** Skill a resource assesses. */
  public static final Property assesses = property("assesses");

  /** Skill a resource requires beforehand. */
  public static final Property competencyRequired = property("competencyRequired");

  /** Creation date. */
  public static final Property dateCreated = property("dateCreated");

  /** Modification date. */
  public static final Property dateModified = property("dateModified");

  /** Course code. */
  public static final Property courseCode = property("courseCode");

  /** Course to its modules and resources. */
  public static final Property hasPart = property("hasPart");

  /** Module or resource to the course it belongs to. */
  public static final Property isPartOf = property("isPartOf");

  /** Time needed ({@code xsd:duration}). */
  public static final Property timeRequired = property("timeRequired");

  /** Learning resource type, an LRMI concept. */
  public static final Property learningResourceType = property("learningResourceType");

  /** Media type of the content. */
  public static final Property encodingFormat = property("encodingFormat");

  /** IRI of the content. */
  public static final Property contentUrl = property("contentUrl");

  private Schema() {}

  private static Resource resource(String localName) {
    return ResourceFactory.createResource(NS + localName);
  }

  private static Property property(String localName) {
    return ResourceFactory.createProperty(NS, localName);
  }
}
