package network.baton.credential.service;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import network.baton.credential.verify.StatusChecker;
import network.baton.credential.verify.StatusResult;

/**
 * An issuing node's status checks: a credential whose every status entry names one of this node's
 * lists ({@code {baseUrl}/status/...}) is checked by {@code own} (the lists in the node's store, so
 * a revocation shows at once), any other by {@code others} (fetched, verified, cached).
 */
public final class NodeStatusChecker implements StatusChecker {
  private final String prefix;
  private final StatusChecker own;
  private final StatusChecker others;

  /** Own lists are those under {@code baseUrl}. */
  public NodeStatusChecker(URI baseUrl, StatusChecker own, StatusChecker others) {
    String base = requireNonNull(baseUrl, "baseUrl").toString();
    this.prefix = (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/status/";
    this.own = requireNonNull(own, "own");
    this.others = requireNonNull(others, "others");
  }

  @Override
  public StatusResult check(JsonNode credentialStatus) {
    return check(credentialStatus, null);
  }

  @Override
  public StatusResult check(JsonNode credentialStatus, String issuerDid) {
    return isOwn(credentialStatus)
        ? own.check(credentialStatus, issuerDid)
        : others.check(credentialStatus, issuerDid);
  }

  private boolean isOwn(JsonNode credentialStatus) {
    List<JsonNode> entries = new ArrayList<>();
    if (credentialStatus.isArray()) credentialStatus.forEach(entries::add);
    else entries.add(credentialStatus);
    return !entries.isEmpty()
        && entries.stream()
            .allMatch(e -> e.path("statusListCredential").asText("").startsWith(prefix));
  }
}
