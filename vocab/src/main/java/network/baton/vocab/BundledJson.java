package network.baton.vocab;

import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** JSON files on the classpath, checked against a pinned SHA-256 where the index gives one. */
final class BundledJson {
  private BundledJson() {}

  static String folder(String resource) {
    return resource.substring(0, resource.lastIndexOf('/') + 1);
  }

  static JsonStructure read(String resource) {
    return read(resource, null, null);
  }

  static JsonStructure read(String resource, String sha256, String index) {
    byte[] bytes;
    try (InputStream in = BundledJson.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing bundled JSON-LD file " + resource);
      }
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read bundled JSON-LD file " + resource, e);
    }
    if (sha256 != null && !sha256.equalsIgnoreCase(sha256(bytes))) {
      throw new IllegalStateException(
          "bundled JSON-LD file " + resource + " does not match its pinned SHA-256 in " + index);
    }
    try (JsonReader reader =
        Json.createReader(new StringReader(new String(bytes, StandardCharsets.UTF_8)))) {
      return reader.read();
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 not available", e);
    }
  }
}
