package network.baton.credential.issue;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** An issued credential: its id, the credential JSON, and its {@code vc+jwt} compact JWS. */
public record IssuedCredential(String id, ObjectNode credential, String jwt) {
  public IssuedCredential {
    requireNonNull(id, "id");
    requireNonNull(credential, "credential");
    requireNonNull(jwt, "jwt");
    credential = credential.deepCopy();
  }

  @Override
  public ObjectNode credential() {
    return credential.deepCopy();
  }
}
