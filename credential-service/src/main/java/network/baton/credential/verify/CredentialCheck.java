package network.baton.credential.verify;

import com.fasterxml.jackson.databind.JsonNode;

/** An additional check run on an authentic credential's JSON (e.g. Open Badges JSON Schema). */
@FunctionalInterface
public interface CredentialCheck {
  /** The outcome for this credential. */
  Check check(JsonNode credential);
}
