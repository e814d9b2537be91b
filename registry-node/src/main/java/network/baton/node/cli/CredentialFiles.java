package network.baton.node.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import network.baton.credential.issue.VcContexts;
import network.baton.node.config.ConfigException;

/**
 * Reads credential and presentation files as people save them: a compact JWS, an {@code
 * EnvelopedVerifiableCredential}, a JSON-LD credential with a proof, or a node's issue response
 * ({@code {verifiableCredential: ...}}).
 */
final class CredentialFiles {
  /** Larger files are refused before parsing (a credential is a few KiB). */
  static final long MAX_BYTES = 1024 * 1024;

  private static final String VP_PREFIX = "data:application/vp+jwt,";
  private static final ObjectMapper JSON = new ObjectMapper();

  private CredentialFiles() {}

  /** The file's text, trimmed; a usage error when missing, unreadable or too large. */
  static String text(Path file) {
    try {
      if (!Files.isRegularFile(file)) throw new ConfigException("no file " + file);
      if (Files.size(file) > MAX_BYTES) {
        throw new ConfigException(file + " is larger than " + MAX_BYTES + " bytes");
      }
      return Files.readString(file, StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new ConfigException("cannot read " + file + ": " + e.getMessage());
    }
  }

  /** The file's content as JSON when it is JSON, else as a JSON string (a compact JWS). */
  static JsonNode content(Path file) {
    String text = text(file);
    if (!text.startsWith("{")) return JSON.getNodeFactory().textNode(text);
    try {
      JsonNode node = JSON.readTree(text);
      // A node's issue response: the credential is inside.
      if (node.has("verifiableCredential") && !node.has("type") && !node.has("@context")) {
        return node.get("verifiableCredential");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new ConfigException(
          file
              + " is not valid JSON (line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + "): "
              + e.getOriginalMessage());
    }
  }

  /** The compact vc+jwt in a credential file; a usage error for other kinds. */
  static String credentialJwt(Path file) {
    JsonNode content = content(file);
    if (content.isTextual()) return content.asText();
    String id = content.path("id").asText("");
    if (id.startsWith(VcContexts.ENVELOPED_VC_PREFIX)) {
      return id.substring(VcContexts.ENVELOPED_VC_PREFIX.length());
    }
    throw new ConfigException(
        file + " holds no vc+jwt credential (only vc+jwt credentials can be presented)");
  }

  /**
   * A credential to hold in a Data Integrity presentation: a JSON-LD credential with a proof as it
   * is, a vc+jwt (bare or enveloped) as its compact string; a usage error for other kinds.
   */
  static JsonNode presentable(Path file) {
    JsonNode content = content(file);
    if (content.isObject() && content.has("proof") && !isOtherPresentation(content)) {
      return content;
    }
    return JSON.getNodeFactory().textNode(credentialJwt(file));
  }

  /** The compact vp+jwt when the content is a presentation, else null. */
  static String presentationJwt(JsonNode content) {
    if (content.isTextual()) {
      return typ(content.asText()).equals(VcContexts.VP_JWT) ? content.asText() : null;
    }
    String id = content.path("id").asText("");
    return id.startsWith(VP_PREFIX) ? id.substring(VP_PREFIX.length()) : null;
  }

  /** Whether the JSON is a JSON-LD VerifiablePresentation (not a vp+jwt). */
  static boolean isOtherPresentation(JsonNode content) {
    JsonNode type = content.path("type");
    for (JsonNode t : type.isArray() ? type : JSON.createArrayNode().add(type)) {
      if (t.asText("").equals("VerifiablePresentation")) return true;
    }
    return false;
  }

  // The JWS header's typ, or "" when the text is not a readable compact JWS.
  private static String typ(String jws) {
    int dot = jws.indexOf('.');
    if (dot < 1) return "";
    try {
      byte[] header = java.util.Base64.getUrlDecoder().decode(jws.substring(0, dot));
      return JSON.readTree(header).path("typ").asText("");
    } catch (IllegalArgumentException | IOException e) {
      return "";
    }
  }
}
