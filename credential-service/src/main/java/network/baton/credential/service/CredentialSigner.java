package network.baton.credential.service;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import network.baton.credential.integrity.CanonicalizationException;
import network.baton.credential.integrity.EddsaRdfc2022;
import network.baton.credential.integrity.ProofOptions;
import network.baton.credential.issue.CredentialIssuer;
import network.baton.credential.keys.SigningKey;
import network.baton.credential.sdjwt.SdJwtVcIssuer;
import network.baton.credential.sdjwt.StatusListToken;
import network.baton.credential.sdjwt.TokenStatusList;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

/**
 * Secures the node's credentials with its current key in either format: {@code vc+jwt} (through the
 * {@link CredentialIssuer}) or an {@code eddsa-rdfc-2022} Data Integrity proof (Ed25519 keys only).
 * Thread-safe.
 */
final class CredentialSigner {
  private final CredentialIssuer issuer;
  private final SigningKey key;
  private final EddsaRdfc2022 suite;
  private final ObjectMapper json = new ObjectMapper();

  CredentialSigner(CredentialIssuer issuer, SigningKey key, EddsaRdfc2022 suite) {
    this.issuer = requireNonNull(issuer, "issuer");
    this.key = requireNonNull(key, "key");
    this.suite = requireNonNull(suite, "suite");
  }

  /** How long a status list token is valid ({@code exp - iat}). */
  static final Duration TOKEN_VALIDITY = Duration.ofDays(1);

  /** How long a verifier may cache a status list token ({@code ttl}). */
  static final Duration TOKEN_TTL = Duration.ofMinutes(5);

  /** The issuer of the node's SD-JWT VCs, with the same key and kid as its vc+jwt. */
  SdJwtVcIssuer sdJwtVc(String issuerDid) {
    return new SdJwtVcIssuer(issuerDid, issuer.jwtKeyId(), key);
  }

  /** A status list token for {@code list} at {@code uri}, issued at {@code now}. */
  String statusListToken(String issuerDid, URI uri, TokenStatusList list, Instant now) {
    return StatusListToken.sign(
        uri, list, issuerDid, key, issuer.jwtKeyId(), now, TOKEN_VALIDITY, TOKEN_TTL);
  }

  /** The credential as a compact {@code vc+jwt}. */
  /** The credential secured in {@code format} (vc+jwt or Data Integrity), {@code id} its id. */
  SecuredCredential secure(String id, CredentialFormat format, ObjectNode vc, Instant now) {
    return switch (format) {
      case JWT -> new SecuredCredential(id, CredentialFormat.JWT, jwt(vc), vc);
      case DATA_INTEGRITY ->
          new SecuredCredential(id, CredentialFormat.DATA_INTEGRITY, null, dataIntegrity(vc, now));
      case SD_JWT_VC -> throw new IllegalStateException("an SD-JWT VC is issued by issueSdJwtVc");
    };
  }

  String jwt(ObjectNode credential) {
    return issuer.sign(credential);
  }

  /** Fails (unprocessable) unless the current key can make {@code eddsa-rdfc-2022} proofs. */
  void requireDataIntegrityKey() {
    if (!(key.privateKey() instanceof Ed25519PrivateKeyParameters)) {
      throw new CredentialServiceException(
          CredentialServiceException.Kind.UNPROCESSABLE,
          "eddsa-rdfc-2022 needs an Ed25519 key; the node signs with " + key.algorithm());
    }
  }

  /** The credential with an {@code eddsa-rdfc-2022} assertion proof created at {@code now}. */
  ObjectNode dataIntegrity(ObjectNode credential, Instant now) {
    requireDataIntegrityKey();
    try {
      String signed =
          suite.sign(
              json.writeValueAsString(credential),
              ProofOptions.assertion(issuer.keyId(), now),
              (Ed25519PrivateKeyParameters) key.privateKey());
      return (ObjectNode) json.readTree(signed);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise credential", e);
    } catch (CanonicalizationException e) {
      throw new CredentialServiceException(
          CredentialServiceException.Kind.UNPROCESSABLE,
          "credential cannot be canonicalized: " + e.getMessage());
    }
  }
}
