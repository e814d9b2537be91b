package network.baton.node.federation.membership;

import static java.util.Objects.requireNonNull;

import io.vertx.core.json.JsonObject;

/** What one member answered when asked for its membership list. */
public record SyncResult(String did, String url, String status, String detail) {

  public SyncResult {
    requireNonNull(did, "did");
    requireNonNull(url, "url");
    requireNonNull(status, "status");
    detail = detail == null ? "" : detail;
  }

  /** The result as JSON for the sync report. */
  public JsonObject toJson() {
    return new JsonObject()
        .put("did", did)
        .put("url", url)
        .put("status", status)
        .put("detail", detail);
  }
}
