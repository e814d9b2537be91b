package network.baton.credential.integrity;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.document.Document;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.loader.DocumentLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * Test-only offline document loader over the contexts in fixtures/contexts/ (URL table from the
 * conformance README). The lead swaps it for {@code network.baton.vocab.ContextLoader.bundled()
 * .documentLoader()} once vocab has it.
 */
public final class TestContexts {

  private static final Map<String, String> FILES =
      Map.of(
          "https://www.w3.org/ns/credentials/v2", "credentials-v2.jsonld",
          "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json", "ob-v3p0-context-3.0.3.json",
          "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json", "ob-v3p0-extensions.json",
          "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json", "clr-v2p0-context-2.0.1.json",
          "https://w3id.org/security/data-integrity/v2", "data-integrity-v2.jsonld",
          "https://w3id.org/security/multikey/v1", "multikey-v1.jsonld");

  private TestContexts() {}

  /** A loader that serves only the bundled test contexts and fails for any other URL. */
  public static DocumentLoader loader() {
    Map<String, JsonDocument> docs = new HashMap<>();
    FILES.forEach((url, file) -> docs.put(url, read(url, file)));
    return (URI url, com.apicatalog.jsonld.loader.DocumentLoaderOptions options) -> {
      Document doc = docs.get(url.toString());
      if (doc == null) {
        throw new JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED, "not bundled: " + url);
      }
      return doc;
    };
  }

  private static JsonDocument read(String url, String file) {
    try (InputStream in = TestContexts.class.getResourceAsStream("/fixtures/contexts/" + file)) {
      if (in == null) {
        throw new IllegalStateException("missing fixture context " + file);
      }
      JsonDocument doc = JsonDocument.of(in);
      doc.setDocumentUrl(URI.create(url));
      return doc;
    } catch (IOException | JsonLdError e) {
      throw new IllegalStateException("cannot read fixture context " + file, e);
    }
  }

  public static String fixture(String path) {
    try (InputStream in = TestContexts.class.getResourceAsStream("/fixtures/" + path)) {
      if (in == null) {
        throw new IllegalStateException("missing fixture " + path);
      }
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
