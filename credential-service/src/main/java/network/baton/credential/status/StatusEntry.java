package network.baton.credential.status;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * A credential's {@code credentialStatus} entry of type {@code BitstringStatusListEntry}: which
 * list, which index, for which purpose.
 */
public record StatusEntry(URI id, StatusPurpose purpose, int index, URI statusListCredential) {

  /** The {@code type} of the entry. */
  public static final String TYPE = "BitstringStatusListEntry";

  public StatusEntry {
    requireNonNull(purpose, "purpose");
    requireNonNull(statusListCredential, "statusListCredential");
    if (index < 0) {
      throw new IllegalArgumentException("statusListIndex must not be negative: " + index);
    }
    if (!statusListCredential.isAbsolute()) {
      throw new IllegalArgumentException(
          "statusListCredential must be an absolute URL: " + statusListCredential);
    }
  }

  /** The entry for {@code index} of a list, with the id {@code <list URL>#<index>}. */
  public static StatusEntry of(URI statusListCredential, StatusPurpose purpose, int index) {
    return new StatusEntry(
        URI.create(statusListCredential + "#" + index), purpose, index, statusListCredential);
  }

  /**
   * The JSON written into a credential ({@code statusListIndex} as a string, as the specification
   * says).
   */
  public ObjectNode toJson() {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    if (id != null) {
      node.put("id", id.toString());
    }
    node.put("type", TYPE);
    node.put("statusPurpose", purpose.value());
    node.put("statusListIndex", Integer.toString(index));
    node.put("statusListCredential", statusListCredential.toString());
    return node;
  }

  /**
   * Reads an entry; {@code statusListIndex} may be a string of digits or a number (older issuers
   * write a number). Fails with a plain-words reason.
   */
  public static StatusEntry fromJson(JsonNode node) throws StatusListException {
    if (node == null || !node.isObject()) {
      throw new StatusListException("credentialStatus entry must be a JSON object");
    }
    if (!TYPE.equals(node.path("type").asText(null))) {
      throw new StatusListException(
          "credentialStatus type '"
              + node.path("type").asText("")
              + "' is not supported (only "
              + TYPE
              + ")");
    }
    StatusPurpose purpose;
    try {
      purpose = StatusPurpose.parse(node.path("statusPurpose").asText(null));
    } catch (IllegalArgumentException e) {
      throw new StatusListException(e.getMessage(), e);
    }
    JsonNode indexNode = node.path("statusListIndex");
    int index;
    if (indexNode.isTextual() && indexNode.asText().matches("[0-9]{1,10}")) {
      long value = Long.parseLong(indexNode.asText());
      if (value > Integer.MAX_VALUE) {
        throw new StatusListException("statusListIndex is too large: " + value);
      }
      index = (int) value;
    } else if (indexNode.isIntegralNumber()
        && indexNode.canConvertToInt()
        && indexNode.asInt() >= 0) {
      index = indexNode.asInt();
    } else {
      throw new StatusListException(
          "statusListIndex must be a non-negative integer, not '" + indexNode + "'");
    }
    URI list = uri(node.path("statusListCredential").asText(null), "statusListCredential");
    if (!list.isAbsolute()) {
      throw new StatusListException("statusListCredential must be an absolute URL: " + list);
    }
    URI id = node.hasNonNull("id") ? uri(node.get("id").asText(), "id") : null;
    return new StatusEntry(id, purpose, index, list);
  }

  private static URI uri(String value, String what) throws StatusListException {
    if (value == null) {
      throw new StatusListException(what + " is missing");
    }
    try {
      return new URI(value);
    } catch (URISyntaxException e) {
      throw new StatusListException(what + " is not a valid URL: " + value, e);
    }
  }
}
