package network.baton.credential.keys;

import static java.util.Objects.requireNonNull;

import java.math.BigInteger;
import java.security.SecureRandom;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.generators.Ed25519KeyPairGenerator;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519KeyGenerationParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/**
 * A private signing key with its id (the DID URL fragment such as {@code key-1}, or a full DID URL
 * for holder keys) and its public half.
 */
public record SigningKey(
    String id,
    KeyAlgorithm algorithm,
    AsymmetricKeyParameter privateKey,
    PublicKeyMaterial publicKey) {
  public SigningKey {
    requireNonNull(id, "id");
    requireNonNull(algorithm, "algorithm");
    requireNonNull(privateKey, "privateKey");
    requireNonNull(publicKey, "publicKey");
    if (id.isBlank()) throw new IllegalArgumentException("key id must not be blank");
    if (!privateKey.isPrivate()) throw new IllegalArgumentException("not a private key");
    if (publicKey.algorithm() != algorithm) {
      throw new IllegalArgumentException("public key algorithm does not match " + algorithm);
    }
  }

  /** A fresh key pair generated with Bouncy Castle. */
  public static SigningKey generate(KeyAlgorithm algorithm, String id, SecureRandom random) {
    AsymmetricCipherKeyPair pair =
        switch (algorithm) {
          case ED25519 -> {
            Ed25519KeyPairGenerator generator = new Ed25519KeyPairGenerator();
            generator.init(new Ed25519KeyGenerationParameters(random));
            yield generator.generateKeyPair();
          }
          case P256 -> {
            ECKeyPairGenerator generator = new ECKeyPairGenerator();
            generator.init(new ECKeyGenerationParameters(P256Curve.domain(), random));
            yield generator.generateKeyPair();
          }
        };
    return new SigningKey(id, algorithm, pair.getPrivate(), PublicKeyMaterial.of(pair.getPublic()));
  }

  /** The signing key for a Bouncy Castle private key, deriving its public half. */
  public static SigningKey of(String id, AsymmetricKeyParameter privateKey) {
    if (privateKey instanceof Ed25519PrivateKeyParameters ed) {
      return new SigningKey(
          id, KeyAlgorithm.ED25519, ed, PublicKeyMaterial.of(ed.generatePublicKey()));
    }
    if (privateKey instanceof ECPrivateKeyParameters ec) {
      ECDomainParameters domain = ec.getParameters();
      if (!domain.getCurve().equals(P256Curve.domain().getCurve())) {
        throw new IllegalArgumentException("only P-256 EC keys are supported");
      }
      ECPrivateKeyParameters named = new ECPrivateKeyParameters(ec.getD(), P256Curve.domain());
      ECPublicKeyParameters pub =
          new ECPublicKeyParameters(
              new FixedPointCombMultiplier().multiply(domain.getG(), ec.getD()).normalize(),
              P256Curve.domain());
      return new SigningKey(id, KeyAlgorithm.P256, named, PublicKeyMaterial.of(pub));
    }
    throw new IllegalArgumentException(
        "unsupported private key type: " + privateKey.getClass().getSimpleName());
  }

  /** A P-256 signing key from its private scalar (e.g. a JWK {@code d}). */
  public static SigningKey p256(String id, byte[] d) {
    return of(id, new ECPrivateKeyParameters(new BigInteger(1, d), P256Curve.domain()));
  }

  /** An Ed25519 signing key from its 32-byte seed (e.g. a JWK {@code d}). */
  public static SigningKey ed25519(String id, byte[] seed) {
    return of(id, new Ed25519PrivateKeyParameters(seed, 0));
  }

  /** The same key under another id (e.g. a DID URL once the DID is known). */
  public SigningKey withId(String newId) {
    return new SigningKey(newId, algorithm, privateKey, publicKey);
  }

  @Override
  public String toString() {
    return "SigningKey[" + id + ", " + algorithm + "]";
  }
}
