package network.baton.node.search;

import java.util.Locale;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * The vocabulary terms search reads and the short forms it accepts for them (as in the BATON
 * JSON-LD context: {@code skill:MFG-COAT}, {@code level:kosen}, {@code Course}).
 */
final class SearchTerms {

  static final String SCHEMA = "http://schema.org/";
  static final String SKILL = "https://w3id.org/baton/skill/";
  static final String LEVEL = "https://w3id.org/baton/level/";
  static final String SKOS = "http://www.w3.org/2004/02/skos/core#";

  static final Node TYPE = NodeFactory.createURI("http://www.w3.org/1999/02/22-rdf-syntax-ns#type");
  static final Node NAME = schema("name");
  static final Node DESCRIPTION = schema("description");
  static final Node TEACHES = schema("teaches");
  static final Node EDUCATIONAL_LEVEL = schema("educationalLevel");
  static final Node LICENSE = schema("license");
  static final Node IN_LANGUAGE = schema("inLanguage");

  /** Resource types a node publishes, by the short name the JSON-LD context gives them. */
  static final Map<String, String> TYPES =
      Map.of(
          "EducationalOccupationalProgram", SCHEMA + "EducationalOccupationalProgram",
          "Course", SCHEMA + "Course",
          "LearningResource", SCHEMA + "LearningResource",
          "EducationalOrganization", SCHEMA + "EducationalOrganization",
          "CollegeOrUniversity", SCHEMA + "CollegeOrUniversity",
          "HighSchool", SCHEMA + "HighSchool");

  private SearchTerms() {}

  static Node schema(String localName) {
    return NodeFactory.createURI(SCHEMA + localName);
  }

  /** The short name of a schema.org type IRI, or the IRI itself for anything else. */
  static String shortType(String iri) {
    return iri.startsWith(SCHEMA) ? iri.substring(SCHEMA.length()) : iri;
  }

  /**
   * Expands {@code prefix:local} or a bare local name under {@code namespace}; absolute IRIs pass
   * through.
   */
  static String expand(String value, String prefix, String namespace) {
    if (value.startsWith(prefix + ":")) {
      return namespace + value.substring(prefix.length() + 1);
    }
    if (value.startsWith("http://") || value.startsWith("https://") || value.startsWith("urn:")) {
      return value;
    }
    return namespace + value;
  }

  /** The type IRI for a short name ({@code Course}) or a schema.org IRI (http or https). */
  static String expandType(String value) {
    String https = "https://schema.org/";
    if (value.startsWith(https)) {
      return SCHEMA + value.substring(https.length());
    }
    if (value.startsWith(SCHEMA)) {
      return value;
    }
    if (value.startsWith("schema:")) {
      return SCHEMA + value.substring("schema:".length());
    }
    return TYPES.get(value);
  }

  /** Lower-case BCP 47 language tag. */
  static String normaliseLanguage(String tag) {
    return tag.toLowerCase(Locale.ROOT);
  }
}
