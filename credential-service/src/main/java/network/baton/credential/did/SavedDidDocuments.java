package network.baton.credential.did;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * DID documents saved earlier (e.g. next to a membership list), for verifying offline: did:key is
 * still resolved locally, did:web only from the saved set.
 */
public record SavedDidDocuments(Map<String, DidDocument> documents) implements DidResolver {
  public SavedDidDocuments {
    documents = Map.copyOf(documents);
    documents.forEach(
        (did, doc) -> {
          if (!did.equals(doc.id())) {
            throw new IllegalArgumentException("saved document for " + did + " names " + doc.id());
          }
        });
  }

  /** The set read from DID document JSON objects. */
  public static SavedDidDocuments of(Iterable<JsonNode> documentJson) {
    Map<String, DidDocument> map = new LinkedHashMap<>();
    for (JsonNode json : documentJson) {
      DidDocument doc = DidDocument.parse(json);
      map.put(doc.id(), doc);
    }
    return new SavedDidDocuments(map);
  }

  @Override
  public DidDocument resolve(String did) {
    if (did != null && did.startsWith("did:key:")) return DidKey.document(did);
    DidDocument doc = documents.get(did);
    if (doc == null) {
      throw new DidResolutionException("no saved DID document for " + did + " (offline)");
    }
    return doc;
  }
}
