package network.baton.node.resources;

import network.baton.vocab.ContextLoader;
import network.baton.vocab.JsonLdInputException;
import org.apache.jena.graph.Graph;

/** JSON-LD through the vocabulary's offline loader (BATON and the other bundled contexts). */
public final class VocabJsonLdParsing implements RdfParsing {

  private final ContextLoader contexts;

  /** A parser using these bundled contexts. */
  public VocabJsonLdParsing(ContextLoader contexts) {
    this.contexts = contexts;
  }

  @Override
  public Graph parseJsonLd(String json, String base) {
    try {
      return contexts.parseJsonLd(json, base);
    } catch (JsonLdInputException e) {
      throw new RdfSyntaxException(e.getMessage(), e.line(), e.column());
    }
  }
}
