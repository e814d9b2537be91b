package network.baton.node.store;

import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.text.EntityDefinition;
import org.apache.jena.query.text.TextIndexConfig;
import org.apache.jena.query.text.analyzer.Util;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.ja.JapaneseAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;

/**
 * The Lucene field layout of the node's text index: which predicates are indexed and which analyzer
 * reads each language.
 *
 * <p>jena-text writes one Lucene document per indexed triple. With multilingual support on, a
 * literal {@code "…"@ja} of {@code schema:name} lands in field {@code name} (standard analyzer), in
 * {@code name_ja} (kuromoji, {@link JapaneseAnalyzer}) and in the auxiliary field {@code
 * name_ja-x-bigram} (character bigrams, {@link CJKAnalyzer}, so that 電池 matches 蓄電池); {@code
 * "…"@en} lands in {@code name_en} (stemming {@link EnglishAnalyzer}). Each document also carries
 * the subject, the named graph, the language tag and a uid hash (needed by jena-text to delete the
 * document when the triple is deleted).
 */
public final class TextIndexLayout {

  /** The one schema.org namespace the node stores (see MODEL.md). */
  public static final String SCHEMA = "http://schema.org/";

  public static final String FIELD_ENTITY = "uri";
  public static final String FIELD_GRAPH = "graph";
  public static final String FIELD_LANG = "lang";
  public static final String FIELD_UID = "uid";

  /** Doc value naming the resource, on documents about the resource its graph is named after. */
  public static final String FIELD_RESOURCE = "resource";

  public static final String FIELD_NAME = "name";
  public static final String FIELD_DESCRIPTION = "description";
  public static final String FIELD_KEYWORDS = "keywords";

  /** Japanese analysed by kuromoji. */
  public static final String LANG_JA = "ja";

  /**
   * Japanese as overlapping character bigrams (a private-use BCP 47 tag, used only as a field
   * suffix).
   */
  public static final String LANG_JA_BIGRAM = "ja-x-bigram";

  /** English with stemming. */
  public static final String LANG_EN = "en";

  /** Indexed text fields by the predicate that fills them. */
  public static final Map<String, Node> PREDICATES =
      Map.of(
          FIELD_NAME, NodeFactory.createURI(SCHEMA + "name"),
          FIELD_DESCRIPTION, NodeFactory.createURI(SCHEMA + "description"),
          FIELD_KEYWORDS, NodeFactory.createURI(SCHEMA + "keywords"));

  private final Analyzer japanese = new JapaneseAnalyzer();
  private final Analyzer japaneseBigram = new CJKAnalyzer();
  private final Analyzer english = new EnglishAnalyzer();

  /** Creates the layout and registers its per-language analyzers with jena-text. */
  public TextIndexLayout() {
    // jena-text looks language analyzers up in its own process-wide registry (analyzer.Util), keyed
    // by the
    // suffix of the field name; there is no per-index hook. Registering the same kinds again is
    // harmless.
    Util.addAnalyzer(LANG_JA, japanese);
    Util.addAnalyzer(LANG_JA_BIGRAM, japaneseBigram);
    Util.addAnalyzer(LANG_EN, english);
    Util.addAuxIndexes(LANG_JA, List.of(LANG_JA_BIGRAM));
  }

  /** The jena-text configuration for this layout. */
  public TextIndexConfig config() {
    EntityDefinition def =
        new EntityDefinition(FIELD_ENTITY, FIELD_NAME, FIELD_GRAPH, PREDICATES.get(FIELD_NAME));
    def.set(FIELD_DESCRIPTION, PREDICATES.get(FIELD_DESCRIPTION));
    def.set(FIELD_KEYWORDS, PREDICATES.get(FIELD_KEYWORDS));
    def.setLangField(FIELD_LANG);
    def.setUidField(FIELD_UID);
    TextIndexConfig config = new TextIndexConfig(def);
    config.setMultilingualSupport(true);
    config.setAnalyzer(new StandardAnalyzer());
    return config;
  }

  /** The Lucene field holding {@code base} text of language (or auxiliary tag) {@code lang}. */
  public static String field(String base, String lang) {
    return base + "_" + lang;
  }

  /** The analyzer of a language or auxiliary tag of this layout. */
  public Analyzer analyzer(String lang) {
    return switch (lang) {
      case LANG_JA -> japanese;
      case LANG_JA_BIGRAM -> japaneseBigram;
      case LANG_EN -> english;
      default -> throw new IllegalArgumentException("no analyzer for language: " + lang);
    };
  }
}
