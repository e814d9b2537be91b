package network.baton.vocab;

import static java.util.Objects.requireNonNull;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.document.Document;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.http.media.MediaType;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.jsonld.loader.DocumentLoaderOptions;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.lang.LangJSONLD11;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.util.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one JSON-LD document loader of BATON: serves the bundled contexts (baton/contexts/index.json)
 * and nothing else, so no context is ever fetched from the network. Also parses, expands and checks
 * JSON-LD payloads with that loader. Thread-safe and immutable; build one and share it.
 */
public final class ContextLoader implements DocumentLoader {

  /** The URL the BATON context is served for. */
  public static final String BATON_CONTEXT = "https://w3id.org/baton/context/v1";

  /** Classpath location of the URL to file index. */
  public static final String INDEX = "baton/contexts/index.json";

  private static final Logger log = LoggerFactory.getLogger(ContextLoader.class);

  private final Map<String, JsonStructure> documents;
  private final JsonReaderFactory readers = Json.createReaderFactory(Map.of());

  private ContextLoader(Map<String, JsonStructure> documents) {
    this.documents = Map.copyOf(documents);
  }

  /** A loader over the contexts bundled in this module, each checked against its pinned SHA-256. */
  public static ContextLoader bundled() {
    return fromIndex(INDEX);
  }

  /** A loader over the contexts an index on the classpath lists (tests use their own index). */
  static ContextLoader fromIndex(String indexResource) {
    JsonObject index = BundledJson.read(indexResource).asJsonObject();
    Map<String, JsonStructure> documents = new LinkedHashMap<>();
    Map<String, JsonStructure> byFile = new LinkedHashMap<>();
    for (JsonValue value : index.getJsonArray("contexts")) {
      JsonObject entry = value.asJsonObject();
      String url = entry.getString("url");
      String file = entry.getString("file");
      String resource =
          file.startsWith("/") ? file.substring(1) : BundledJson.folder(indexResource) + file;
      String sha256 = entry.containsKey("sha256") ? entry.getString("sha256") : null;
      JsonStructure content =
          byFile.computeIfAbsent(resource, r -> BundledJson.read(r, sha256, indexResource));
      if (documents.put(url, content) != null) {
        throw new IllegalStateException(
            "context URL listed twice in " + indexResource + ": " + url);
      }
    }
    log.debug(
        "bundled JSON-LD contexts loaded [urls: {}, files: {}]", documents.size(), byFile.size());
    return new ContextLoader(documents);
  }

  @Override
  public Document loadDocument(URI url, DocumentLoaderOptions options) throws JsonLdError {
    JsonStructure content = documents.get(url.toString());
    if (content == null) {
      log.debug("refused to load an unbundled context [url: {}]", url);
      throw new JsonLdError(
          JsonLdErrorCode.LOADING_DOCUMENT_FAILED,
          "context " + url + " is not bundled; BATON never fetches contexts from the network");
    }
    // A fresh Document per load: titanium sets URLs on it, the parsed JSON itself is immutable.
    JsonDocument document = JsonDocument.of(MediaType.JSON_LD, content);
    document.setDocumentUrl(url);
    return document;
  }

  /** This loader, for titanium APIs and for Jena's JSON-LD options. */
  public DocumentLoader documentLoader() {
    return this;
  }

  /** The context URLs this loader serves. */
  public Set<String> urls() {
    return new TreeSet<>(documents.keySet());
  }

  /**
   * A Jena parser context that makes {@code RDFParser} (Lang.JSONLD11) load contexts with this
   * loader: {@code RDFParser.fromString(json, Lang.JSONLD11).context(loader.jenaParserContext())}.
   * Use a new one per parse: Jena sets the base on the options it finds there.
   */
  public Context jenaParserContext() {
    Context context = new Context();
    context.set(LangJSONLD11.JSONLD_OPTIONS, new JsonLdOptions(this));
    return context;
  }

  /** Reads a JSON object, reporting malformed JSON with its line and column. */
  public JsonObject readJsonObject(String json) {
    requireNonNull(json, "json");
    try (JsonReader reader = readers.createReader(new StringReader(json))) {
      JsonValue value = reader.readValue();
      if (value.getValueType() != JsonValue.ValueType.OBJECT) {
        throw new JsonLdInputException(
            "expected a JSON object but got " + value.getValueType().name().toLowerCase(),
            1,
            1,
            null);
      }
      return value.asJsonObject();
    } catch (JsonParsingException e) {
      long line = e.getLocation() == null ? -1 : e.getLocation().getLineNumber();
      long column = e.getLocation() == null ? -1 : e.getLocation().getColumnNumber();
      throw new JsonLdInputException(
          "malformed JSON at line " + line + ", column " + column + ": " + e.getMessage(),
          line,
          column,
          e);
    } catch (JsonException e) {
      throw new JsonLdInputException("malformed JSON: " + e.getMessage(), e);
    }
  }

  /**
   * Parses a JSON-LD resource to a graph with this loader; relative IRIs resolve against base (may
   * be null) and https schema.org IRIs are normalised. Named graphs are refused rather than
   * dropped: a resource is one graph.
   */
  public Graph parseJsonLd(String json, String base) {
    DatasetGraph dataset = parseJsonLdDataset(json, base);
    if (dataset.listGraphNodes().hasNext()) {
      throw new JsonLdInputException(
          "the document contains named graphs (@graph with an id); send one resource as one graph",
          null);
    }
    return dataset.getDefaultGraph();
  }

  /**
   * Parses JSON-LD to a dataset (default and named graphs) with this loader, schema.org normalised.
   * Errors carry the loader's message (naming an unbundled URL) and, for malformed JSON, line and
   * column. Undefined terms, identifiers and language tags that JSON-LD would silently drop are
   * refused instead.
   */
  public DatasetGraph parseJsonLdDataset(String json, String base) {
    JsonArray expanded = expandStrict(readJsonObject(json), base);
    List<String> problems = new ArrayList<>();
    DroppedValues.collect(expanded, problems);
    if (!problems.isEmpty()) {
      throw new JsonLdInputException(
          "values JSON-LD would silently drop: " + String.join("; ", problems), null);
    }
    // The expanded form needs no context any more: Jena's JSON-LD 1.1 reader turns it into RDF.
    DatasetGraph out = DatasetGraphFactory.createGeneral();
    try {
      RDFParser.create()
          .fromString(expanded.toString())
          .lang(Lang.JSONLD11)
          .errorHandler(new FailingErrorHandler())
          .context(jenaParserContext())
          .parse(new SchemaNormalizingStream(StreamRDFLib.dataset(out)));
    } catch (RiotException e) {
      throw new JsonLdInputException("invalid JSON-LD: " + e.getMessage(), e);
    }
    return out;
  }

  /** Expands a JSON-LD document (JSON-LD 1.1 expansion) with this loader; base may be null. */
  public JsonArray expand(JsonObject doc, String base) {
    requireNonNull(doc, "doc");
    try {
      return JsonLd.expand(JsonDocument.of(MediaType.JSON_LD, doc)).options(options(base)).get();
    } catch (JsonLdError e) {
      throw failure(e);
    }
  }

  /**
   * The keys and types of a document that no context defines, which plain expansion would drop
   * (keys) or turn into relative IRIs (types); empty when every term is defined. Sorted.
   */
  public List<String> undefinedTerms(JsonObject doc) {
    Set<String> terms = new TreeSet<>();
    UndefinedTerms.collect(expandWithSentinel(doc, null), terms);
    return List.copyOf(terms);
  }

  /** Expands like {@link #expand} but fails, naming them, if any term is undefined. */
  public JsonArray expandStrict(JsonObject doc, String base) {
    JsonArray expanded = expandWithSentinel(doc, base);
    Set<String> terms = new TreeSet<>();
    UndefinedTerms.collect(expanded, terms);
    if (!terms.isEmpty()) {
      throw new JsonLdInputException(
          "terms not defined by any context (they would be dropped): " + String.join(", ", terms),
          null);
    }
    // With no term undefined the sentinel @vocab was never used: this is the plain expansion.
    return expanded;
  }

  // Expanding with this @vocab as the initial context turns every key, type or vocabulary-relative
  // value that no context defines into an IRI under UndefinedTerms.UNDEFINED instead of silently
  // dropping it.
  private JsonArray expandWithSentinel(JsonObject doc, String base) {
    requireNonNull(doc, "doc");
    JsonLdOptions options = options(base);
    options.setExpandContext(
        Json.createObjectBuilder().add("@vocab", UndefinedTerms.UNDEFINED).build());
    try {
      return JsonLd.expand(JsonDocument.of(MediaType.JSON_LD, doc)).options(options).get();
    } catch (JsonLdError e) {
      throw failure(e);
    }
  }

  private JsonLdOptions options(String base) {
    JsonLdOptions options = new JsonLdOptions(this);
    if (base != null) {
      try {
        options.setBase(new URI(base));
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException("base must be an IRI: " + base, e);
      }
    }
    return options;
  }

  // Titanium wraps the loader's error ("problem loading a remote context [url]"); keep every
  // message of the chain so the caller sees which URL and why.
  private static JsonLdInputException failure(JsonLdError error) {
    List<String> messages = new ArrayList<>();
    for (Throwable t = error; t != null; t = t.getCause()) {
      String message = t.getMessage();
      if (message == null && t instanceof JsonLdError e) {
        message = e.getCode().toMessage();
      }
      if (message != null && !messages.contains(message)) {
        messages.add(message);
      }
    }
    return new JsonLdInputException("invalid JSON-LD: " + String.join(": ", messages), error);
  }
}
