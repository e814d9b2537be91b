package network.baton.node.openid4vci;

import static java.util.Objects.requireNonNull;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import network.baton.credential.did.DidKey;
import network.baton.credential.did.DidResolutionException;
import network.baton.credential.jose.BcJose;
import network.baton.credential.keys.PublicKeyMaterial;
import network.baton.credential.verify.IssuedChallenges;
import network.baton.vocab.StrictUtf8;

/**
 * Checks an OpenID4VCI {@code jwt} key proof (section F.1 of OpenID4VCI 1.0) and names the holder
 * key it proves: {@code typ: openid4vci-proof+jwt}; {@code alg} EdDSA or ES256 (never {@code none}
 * nor a MAC); the key in exactly one of {@code jwk} (public only) or {@code kid} (a {@code did:key}
 * or {@code did:jwk} DID URL), no {@code x5c}; the signature by that key; {@code aud} the
 * credential issuer identifier; {@code iat} within {@code maxAge} in the past (and a minute of
 * clock skew ahead); {@code nonce} a {@code c_nonce} this node handed out, unexpired and not used
 * before (used up here, after every other check passed). Every refusal is an {@link OAuthError}
 * ({@code invalid_proof}, or {@code invalid_nonce} for the nonce). Thread-safe.
 */
public final class KeyProof {

  /** The proof's explicit type. */
  public static final String TYPE = "openid4vci-proof+jwt";

  /** The signature algorithms a proof may use (Ed25519 and P-256, as Bouncy Castle checks them). */
  public static final Set<String> ALGORITHMS = Set.of("EdDSA", "ES256");

  private static final Duration SKEW = Duration.ofMinutes(1);
  private static final String DID_JWK = "did:jwk:";

  /** The key a proof was made with, and the DID that names it in the credential. */
  public record HolderKey(String did, PublicKeyMaterial key) {
    public HolderKey {
      requireNonNull(did, "did");
      requireNonNull(key, "key");
    }
  }

  private final String issuer;
  private final IssuedChallenges nonces;
  private final Clock clock;
  private final Duration maxAge;

  /** Proofs for this credential issuer identifier, with nonces from {@code nonces}. */
  public KeyProof(String issuer, IssuedChallenges nonces, Clock clock, Duration maxAge) {
    this.issuer = requireNonNull(issuer, "issuer");
    this.nonces = requireNonNull(nonces, "nonces");
    this.clock = requireNonNull(clock, "clock");
    this.maxAge = requireNonNull(maxAge, "maxAge");
  }

  /** The holder key of a valid proof; fails with invalid_proof or invalid_nonce otherwise. */
  public HolderKey verify(String proof) {
    SignedJWT jwt;
    try {
      jwt = SignedJWT.parse(requireNonNull(proof, "proof"));
    } catch (ParseException e) {
      // An unsecured JWT (alg none) is no JWS and lands here too.
      throw OAuthError.invalidProof("the proof is not a signed JWT: " + e.getMessage());
    }
    JWSHeader header = jwt.getHeader();
    if (!new JOSEObjectType(TYPE).equals(header.getType())) {
      throw OAuthError.invalidProof(
          "the proof's typ must be " + TYPE + ", not " + header.getType());
    }
    String alg = header.getAlgorithm().getName();
    if (!ALGORITHMS.contains(alg)) {
      throw OAuthError.invalidProof("the proof's alg must be EdDSA or ES256, not " + alg);
    }
    if (header.getX509CertChain() != null || header.getX509CertURL() != null) {
      throw OAuthError.invalidProof("x5c and x5u are not accepted; send the key as jwk or kid");
    }
    HolderKey holder = holderKey(header);
    try {
      if (!jwt.verify(BcJose.verifier(holder.key()))) {
        throw OAuthError.invalidProof("the proof's signature does not verify with its own key");
      }
    } catch (JOSEException | IllegalArgumentException e) {
      throw OAuthError.invalidProof("the proof's signature cannot be checked: " + e.getMessage());
    }
    JWTClaimsSet claims;
    try {
      claims = jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      throw OAuthError.invalidProof("the proof's claims are not a JSON object: " + e.getMessage());
    }
    checkAudience(claims.getAudience());
    checkIssuedAt(claims);
    String nonce;
    try {
      nonce = claims.getStringClaim("nonce");
    } catch (ParseException e) {
      throw OAuthError.invalidProof("the proof's nonce must be a string");
    }
    if (nonce == null) {
      throw OAuthError.invalidProof(
          "the proof has no nonce; get a c_nonce from the nonce endpoint");
    }
    IssuedChallenges.Redemption redemption = nonces.redeem(nonce);
    switch (redemption.outcome()) {
      case ACCEPTED -> {}
      case UNKNOWN -> throw OAuthError.invalidNonce("the proof's nonce was not issued here");
      case EXPIRED -> throw OAuthError.invalidNonce("the proof's nonce has expired");
      case USED -> throw OAuthError.invalidNonce("the proof's nonce was used before");
    }
    return holder;
  }

  private void checkAudience(List<String> audience) {
    if (audience == null || audience.isEmpty()) {
      throw OAuthError.invalidProof("the proof has no aud; it must be " + issuer);
    }
    if (!audience.contains(issuer)) {
      throw OAuthError.invalidProof("the proof's aud must be " + issuer + ", not " + audience);
    }
  }

  private void checkIssuedAt(JWTClaimsSet claims) {
    Date issued = claims.getIssueTime();
    if (issued == null) throw OAuthError.invalidProof("the proof has no iat");
    Instant iat = issued.toInstant();
    Instant now = clock.instant();
    if (iat.isAfter(now.plus(SKEW))) {
      throw OAuthError.invalidProof("the proof's iat is in the future");
    }
    if (iat.isBefore(now.minus(maxAge))) {
      throw OAuthError.invalidProof(
          "the proof's iat is older than " + maxAge.toSeconds() + " seconds; make a fresh proof");
    }
  }

  private static HolderKey holderKey(JWSHeader header) {
    JWK jwk = header.getJWK();
    String kid = header.getKeyID();
    if ((jwk == null) == (kid == null)) {
      throw OAuthError.invalidProof("the proof names its key in exactly one of jwk and kid");
    }
    if (jwk != null) {
      if (jwk.isPrivate()) throw OAuthError.invalidProof("the proof's jwk holds a private key");
      PublicKeyMaterial key = publicKey(jwk.toJSONObject());
      return new HolderKey(DidKey.of(key), key);
    }
    String did = kid.contains("#") ? kid.substring(0, kid.indexOf('#')) : kid;
    try {
      if (did.startsWith("did:key:")) return new HolderKey(did, DidKey.publicKey(did));
      if (did.startsWith(DID_JWK)) return new HolderKey(did, didJwkKey(did));
    } catch (DidResolutionException e) {
      throw OAuthError.invalidProof("the proof's kid is not a usable DID: " + e.getMessage());
    }
    throw OAuthError.invalidProof("the proof's kid must be a did:key or did:jwk DID URL");
  }

  private static PublicKeyMaterial didJwkKey(String did) {
    Map<String, Object> jwk;
    try {
      byte[] json = Base64.getUrlDecoder().decode(did.substring(DID_JWK.length()));
      jwk = com.nimbusds.jose.util.JSONObjectUtils.parse(StrictUtf8.decode(json));
    } catch (IllegalArgumentException | ParseException e) {
      throw OAuthError.invalidProof("the proof's did:jwk does not hold a JWK");
    }
    if (jwk.containsKey("d")) throw OAuthError.invalidProof("the did:jwk holds a private key");
    return publicKey(jwk);
  }

  private static PublicKeyMaterial publicKey(Map<String, ?> jwk) {
    try {
      return PublicKeyMaterial.fromJwk(jwk);
    } catch (IllegalArgumentException e) {
      throw OAuthError.invalidProof("the proof's key must be Ed25519 or P-256: " + e.getMessage());
    }
  }
}
