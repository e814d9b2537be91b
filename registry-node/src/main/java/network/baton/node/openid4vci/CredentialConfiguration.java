package network.baton.node.openid4vci;

import static java.util.Objects.requireNonNull;

import io.vertx.core.json.JsonObject;
import network.baton.credential.service.CredentialFormat;

/**
 * One entry of the issuer metadata's {@code credential_configurations_supported}: its id, the
 * OpenID4VCI format identifier ({@code jwt_vc_json}, {@code ldp_vc}), how {@link
 * network.baton.credential.service.IssuanceService} secures it, whether the credential endpoint
 * answers it as a string (a JWT) or as a JSON object, and the format's own metadata members.
 */
public record CredentialConfiguration(
    String id, String format, CredentialFormat securing, boolean compact, JsonObject metadata) {
  public CredentialConfiguration {
    requireNonNull(id, "id");
    requireNonNull(format, "format");
    requireNonNull(securing, "securing");
    metadata = requireNonNull(metadata, "metadata").copy();
  }

  @Override
  public JsonObject metadata() {
    return metadata.copy();
  }
}
