package network.baton.node.http;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/** A small readable HTML page for a resource: names, descriptions, skills, licence, all formats. */
public final class HtmlView {

  private static final String SCHEMA = "http://schema.org/";

  private final Function<String, String> skillLabel;

  /** A view that labels skill IRIs with skillLabel (return the IRI when unknown). */
  public HtmlView(Function<String, String> skillLabel) {
    this.skillLabel = skillLabel;
  }

  /** The page for the resource iri described in graph. */
  public String render(Graph graph, String iri) {
    Node subject = NodeFactory.createURI(iri);
    List<String> names = literals(graph, subject, "name");
    StringBuilder page = new StringBuilder(2048);
    String title = names.isEmpty() ? iri : names.get(0);
    page.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>")
        .append(escape(title))
        .append("</title></head>\n<body>\n");
    for (String name : names) {
      page.append("<h1>").append(escape(name)).append("</h1>\n");
    }
    page.append("<p><code>").append(escape(iri)).append("</code></p>\n");
    for (String description : literals(graph, subject, "description")) {
      page.append("<p>").append(escape(description)).append("</p>\n");
    }
    List<String> skills = iris(graph, subject, "teaches");
    if (!skills.isEmpty()) {
      page.append("<h2>Skills</h2>\n<ul>\n");
      for (String skill : skills) {
        page.append("<li><a href=\"")
            .append(escape(skill))
            .append("\">")
            .append(escape(skillLabel.apply(skill)))
            .append("</a></li>\n");
      }
      page.append("</ul>\n");
    }
    for (String licence : iris(graph, subject, "license")) {
      page.append("<p>Licence: <a rel=\"license\" href=\"")
          .append(escape(licence))
          .append("\">")
          .append(escape(licence))
          .append("</a></p>\n");
    }
    page.append("<p>Formats:");
    for (ResourceFormat format : ResourceFormat.values()) {
      page.append(" <a href=\"?format=")
          .append(format.shortName())
          .append("\" type=\"")
          .append(format.mediaType())
          .append("\">")
          .append(format.shortName())
          .append("</a>");
    }
    page.append("</p>\n</body></html>\n");
    return page.toString();
  }

  private static List<String> literals(Graph graph, Node subject, String property) {
    List<String> values = new ArrayList<>();
    graph
        .find(subject, NodeFactory.createURI(SCHEMA + property), Node.ANY)
        .forEachRemaining(
            t -> {
              if (t.getObject().isLiteral()) {
                values.add(t.getObject().getLiteralLexicalForm());
              }
            });
    return values;
  }

  private static List<String> iris(Graph graph, Node subject, String property) {
    List<String> values = new ArrayList<>();
    graph
        .find(subject, NodeFactory.createURI(SCHEMA + property), Node.ANY)
        .forEachRemaining(
            t -> {
              if (t.getObject().isURI()) {
                values.add(t.getObject().getURI());
              }
            });
    values.sort(String::compareTo);
    return values;
  }

  /**
   * Escapes text for HTML element content and quoted attributes. Hand-written: the only library
   * escaper on the class path (commons-lang3 StringEscapeUtils) is deprecated, and five characters
   * are all that matter here.
   */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
