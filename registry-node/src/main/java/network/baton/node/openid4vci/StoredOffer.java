package network.baton.node.openid4vci;

import static java.util.Objects.requireNonNull;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;

/**
 * A credential offer as the node keeps it: a public id (the offer page's path), the SHA-256 of its
 * pre-authorized code and, when one was asked for, of its transaction code (bound to the code), the
 * course, the configurations offered, when it was made and expires, how many wrong transaction
 * codes were sent, and when it was redeemed (null: not yet). No code in clear, nothing about the
 * graduate.
 */
public record StoredOffer(
    String id,
    String codeHash,
    String txCodeHash,
    String courseIri,
    String courseName,
    List<String> configurationIds,
    Instant created,
    Instant expires,
    int wrongTxCodes,
    Instant redeemed) {
  public StoredOffer {
    requireNonNull(id, "id");
    requireNonNull(codeHash, "codeHash");
    requireNonNull(courseIri, "courseIri");
    requireNonNull(courseName, "courseName");
    configurationIds = List.copyOf(configurationIds);
    if (configurationIds.isEmpty()) throw new IllegalArgumentException("an offer offers something");
    requireNonNull(created, "created");
    requireNonNull(expires, "expires");
    if (!expires.isAfter(created)) throw new IllegalArgumentException("expires before created");
  }

  /** Whether a wallet can still redeem it at {@code now}. */
  public boolean open(Instant now) {
    return redeemed == null && now.isBefore(expires);
  }

  /** Whether the offer asks for a transaction code. */
  public boolean needsTxCode() {
    return txCodeHash != null;
  }

  /** The offer redeemed at this instant. */
  StoredOffer redeemedAt(Instant at) {
    return with(wrongTxCodes, at);
  }

  /** The offer after one more wrong transaction code. */
  StoredOffer withWrongTxCode() {
    return with(wrongTxCodes + 1, redeemed);
  }

  private StoredOffer with(int wrong, Instant redeemedAt) {
    return new StoredOffer(
        id,
        codeHash,
        txCodeHash,
        courseIri,
        courseName,
        configurationIds,
        created,
        expires,
        wrong,
        redeemedAt);
  }

  /** The offer as a line of the offers file. */
  JsonObject toJson() {
    JsonObject json =
        new JsonObject()
            .put("id", id)
            .put("codeHash", codeHash)
            .put("courseIri", courseIri)
            .put("courseName", courseName)
            .put("configurationIds", new JsonArray(configurationIds))
            .put("created", created.toString())
            .put("expires", expires.toString())
            .put("wrongTxCodes", wrongTxCodes);
    if (txCodeHash != null) json.put("txCodeHash", txCodeHash);
    if (redeemed != null) json.put("redeemed", redeemed.toString());
    return json;
  }

  /** The offer a line of the offers file holds. */
  static StoredOffer fromJson(JsonObject json) {
    String redeemed = json.getString("redeemed");
    return new StoredOffer(
        json.getString("id"),
        json.getString("codeHash"),
        json.getString("txCodeHash"),
        json.getString("courseIri"),
        json.getString("courseName"),
        json.getJsonArray("configurationIds").stream().map(String::valueOf).toList(),
        Instant.parse(json.getString("created")),
        Instant.parse(json.getString("expires")),
        json.getInteger("wrongTxCodes", 0),
        redeemed == null ? null : Instant.parse(redeemed));
  }
}
