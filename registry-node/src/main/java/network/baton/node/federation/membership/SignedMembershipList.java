package network.baton.node.federation.membership;

import static java.util.Objects.requireNonNull;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import network.baton.credential.did.Multikey;
import network.baton.credential.jose.BcJose;
import network.baton.credential.keys.PublicKeyMaterial;
import network.baton.credential.keys.SigningKey;

/**
 * A membership list signed by the coordinator: a compact JWS with {@code typ}
 * "baton-membership+jwt", {@code alg} EdDSA or ES256, {@code kid} the coordinator key's multibase
 * text, and the list JSON as payload.
 */
public record SignedMembershipList(String jws, MembershipList list) {

  /** The JWS {@code typ} of a membership list (its own, so no other JWS can pass as one). */
  public static final String TYPE = "baton-membership+jwt";

  /** The media type a node serves the list with. */
  public static final String MEDIA_TYPE = "application/baton-membership+jwt";

  public SignedMembershipList {
    requireNonNull(jws, "jws");
    requireNonNull(list, "list");
  }

  /** Signs the list with the coordinator key (Bouncy Castle through Nimbus). */
  public static SignedMembershipList sign(MembershipList list, SigningKey coordinatorKey) {
    JWSHeader header =
        new JWSHeader.Builder(coordinatorKey.algorithm().jwsAlgorithm())
            .type(new JOSEObjectType(TYPE))
            .keyID(keyId(coordinatorKey.publicKey()))
            .build();
    JWSObject object = new JWSObject(header, new Payload(list.toJson()));
    try {
      object.sign(BcJose.signer(coordinatorKey));
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign membership list: " + e.getMessage(), e);
    }
    return new SignedMembershipList(object.serialize(), list);
  }

  /** The {@code kid} naming a coordinator key: its Multikey text, the form node configs hold. */
  public static String keyId(PublicKeyMaterial key) {
    return Multikey.encode(key);
  }

  /** The version of the signed list. */
  public long version() {
    return list.version();
  }
}
