package network.baton.credential.sdjwt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import network.baton.credential.issue.JwsSigning;
import network.baton.credential.keys.SigningKey;

/**
 * The holder's side of an SD-JWT VC: keeps the disclosures of the skills chosen (by code; every
 * other disclosure is left out) and adds a key binding JWT ({@code typ: kb+jwt}, {@code iat},
 * {@code nonce}, {@code aud}, {@code sd_hash} over the SD-JWT as presented) signed with the key the
 * credential is bound to.
 */
public final class SdJwtPresenter {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SdJwtPresenter() {}

  /** The SD-JWT with only the disclosures of skills whose code is in {@code codes}. */
  public static SdJwt choose(SdJwt credential, Collection<String> codes) {
    List<String> kept = new ArrayList<>();
    for (String disclosure : credential.disclosures()) {
      JsonNode array;
      try {
        array = JSON.readTree(Base64.getUrlDecoder().decode(disclosure));
      } catch (IOException | IllegalArgumentException e) {
        throw new IllegalArgumentException("the credential has a disclosure that is not JSON", e);
      }
      JsonNode value = array.path(array.size() - 1);
      boolean skill = array.size() == 2 && value.has("code");
      if (!skill || codes.contains(value.path("code").asText())) kept.add(disclosure);
    }
    return credential.withDisclosures(kept);
  }

  /**
   * The presentation: {@code chosen} with a KB-JWT by {@code holder} for {@code aud}, {@code
   * nonce}.
   */
  public static SdJwt present(
      SdJwt chosen, SigningKey holder, String nonce, String aud, Instant iat) {
    SdJwt bare = chosen.withDisclosures(chosen.disclosures());
    ObjectNode claims = JSON.createObjectNode();
    claims.put("iat", iat.getEpochSecond());
    if (aud != null) claims.put("aud", aud);
    if (nonce != null) claims.put("nonce", nonce);
    claims.put("sd_hash", bare.sdHash());
    JWSHeader header =
        new JWSHeader.Builder(holder.algorithm().jwsAlgorithm())
            .type(new JOSEObjectType(KeyBindingCheck.TYP))
            .build();
    return bare.withKeyBinding(
        JwsSigning.sign(header, claims.toString().getBytes(StandardCharsets.UTF_8), holder));
  }
}
