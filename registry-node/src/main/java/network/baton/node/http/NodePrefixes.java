package network.baton.node.http;

import org.apache.jena.shared.PrefixMapping;

/** The prefixes the node writes Turtle and RDF/XML with (MODEL.md's namespaces). */
public final class NodePrefixes {

  private NodePrefixes() {}

  /** A fresh, locked prefix mapping. */
  public static PrefixMapping standard() {
    return PrefixMapping.Factory.create()
        .setNsPrefix("schema", "http://schema.org/")
        .setNsPrefix("skos", "http://www.w3.org/2004/02/skos/core#")
        .setNsPrefix("dcterms", "http://purl.org/dc/terms/")
        .setNsPrefix("prov", "http://www.w3.org/ns/prov#")
        .setNsPrefix("xsd", "http://www.w3.org/2001/XMLSchema#")
        .setNsPrefix("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#")
        .setNsPrefix("baton", "https://w3id.org/baton/ns#")
        .setNsPrefix("skill", "https://w3id.org/baton/skill/")
        .setNsPrefix("level", "https://w3id.org/baton/level/")
        .setNsPrefix("lrt", "http://purl.org/dcx/lrmi-vocabs/learningResourceType/")
        .lock();
  }
}
