package network.baton.node.openid4vci;

import static java.util.Objects.requireNonNull;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * A credential offer just made, as staff get it once: the offer object, the {@code
 * openid-credential-offer://} link carrying it by value, the page the graduate opens, the
 * transaction code to send by another channel (null when none was asked for), and the expiry. The
 * node keeps only hashes of the codes.
 */
public record NewOffer(
    String id, JsonObject offer, String link, String pageUrl, String txCode, Instant expires) {
  public NewOffer {
    requireNonNull(id, "id");
    offer = requireNonNull(offer, "offer").copy();
    requireNonNull(link, "link");
    requireNonNull(pageUrl, "pageUrl");
    requireNonNull(expires, "expires");
  }

  /** The admin route's answer. */
  public JsonObject toJson() {
    JsonObject json =
        new JsonObject()
            .put("id", id)
            .put("credentialOffer", offer.copy())
            .put("offerUri", link)
            .put("pageUrl", pageUrl)
            .put("expires", expires.toString());
    if (txCode != null) json.put("txCode", txCode);
    return json;
  }
}
