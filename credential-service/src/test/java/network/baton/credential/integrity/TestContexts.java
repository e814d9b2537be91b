package network.baton.credential.integrity;

import com.apicatalog.jsonld.loader.DocumentLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import network.baton.vocab.ContextLoader;

/**
 * Test helpers: the project's offline context loader and fixture files from
 * src/test/resources/fixtures/.
 */
public final class TestContexts {

  private static final ContextLoader CONTEXTS = ContextLoader.bundled();

  private TestContexts() {}

  /** The bundled-contexts loader of the vocab module (serves nothing else, fetches nothing). */
  public static DocumentLoader loader() {
    return CONTEXTS.documentLoader();
  }

  /** A fixture file's text. */
  public static String fixture(String path) {
    try (InputStream in = TestContexts.class.getResourceAsStream("/fixtures/" + path)) {
      if (in == null) {
        throw new IllegalStateException("missing fixture " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
