package network.baton.credential.service;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import network.baton.credential.status.StatusEntry;
import network.baton.credential.status.StatusListIndex;
import network.baton.credential.status.StatusPurpose;

/** The {@code credentialStatus} of a W3C credential the node issues. */
final class StatusEntries {

  private StatusEntries() {}

  /**
   * Sets {@code credentialStatus} to a BitstringStatusListEntry per purpose at {@code position}: a
   * single object for one purpose (as the Open Badges 3.0 schema wants), an array for both.
   */
  static void attach(
      ObjectNode vc,
      CredentialConfig config,
      StatusListIndex position,
      Set<StatusPurpose> purposes) {
    ArrayNode entries = JsonNodeFactory.instance.arrayNode();
    for (StatusPurpose purpose : StatusPurpose.values()) {
      if (!purposes.contains(purpose)) continue;
      entries.add(
          StatusEntry.of(
                  config.statusListUrl(new StatusListId(position.list(), purpose)),
                  purpose,
                  position.index())
              .toJson());
    }
    vc.set("credentialStatus", entries.size() == 1 ? entries.get(0) : entries);
  }
}
