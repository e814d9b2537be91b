package network.baton.vocab;

import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/**
 * LRMI learning resource type concepts ({@code
 * http://purl.org/dcx/lrmi-vocabs/learningResourceType/}).
 */
public final class Lrt {

  /** The namespace IRI. */
  public static final String NS = "http://purl.org/dcx/lrmi-vocabs/learningResourceType/";

  /** The concept scheme, whose IRI is the namespace itself. */
  public static final Resource SCHEME = ResourceFactory.createResource(NS);

  /** Activity plan. */
  public static final Resource activityPlan = concept("activityPlan");

  /** Assessment. */
  public static final Resource assessment = concept("assessment");

  /** Assessment item. */
  public static final Resource assessmentItem = concept("assessmentItem");

  /** Educator curriculum guide. */
  public static final Resource educatorCurriculumGuide = concept("educatorCurriculumGuide");

  /** Lesson plan. */
  public static final Resource lessonPlan = concept("lessonPlan");

  /** Physical learning resource (e.g. a lab kit). */
  public static final Resource physicalLearningResource = concept("physicalLearningResource");

  /** Recorded lesson. */
  public static final Resource recordedLesson = concept("recordedLesson");

  /** Supporting document. */
  public static final Resource supportingDocument = concept("supportingDocument");

  /** Textbook. */
  public static final Resource textbook = concept("textbook");

  /** Unit plan. */
  public static final Resource unitPlan = concept("unitPlan");

  private Lrt() {}

  /** The concept resource for a local name such as {@code textbook}. */
  public static Resource concept(String localName) {
    return ResourceFactory.createResource(NS + localName);
  }
}
