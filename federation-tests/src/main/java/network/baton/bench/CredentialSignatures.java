package network.baton.bench;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * The baselines: raw Ed25519 sign and verify over one payload, with Bouncy Castle's lightweight
 * signer (what the service signs with) and with the JDK's {@code Signature} ("Ed25519", SunEC).
 * Each operation made here belongs to one thread: neither signer is thread-safe.
 */
final class CredentialSignatures {
  private static final String JDK_PROVIDER = "SunEC";

  private final byte[] payload;
  private final Ed25519PrivateKeyParameters bcPrivate;
  private final Ed25519PublicKeyParameters bcPublic;
  private final byte[] bcSignature;
  private final KeyPair jdkKeys;
  private final byte[] jdkSignature;

  /** Fresh keys and a signature of each kind over this payload. */
  CredentialSignatures(byte[] payload) throws GeneralSecurityException {
    this.payload = payload.clone();
    SecureRandom random = new SecureRandom();
    bcPrivate = new Ed25519PrivateKeyParameters(random);
    bcPublic = bcPrivate.generatePublicKey();
    Ed25519Signer signer = new Ed25519Signer();
    signer.init(true, bcPrivate);
    signer.update(this.payload, 0, this.payload.length);
    bcSignature = signer.generateSignature();
    jdkKeys = KeyPairGenerator.getInstance("Ed25519", JDK_PROVIDER).generateKeyPair();
    Signature jdk = Signature.getInstance("Ed25519", JDK_PROVIDER);
    jdk.initSign(jdkKeys.getPrivate());
    jdk.update(this.payload);
    jdkSignature = jdk.sign();
  }

  /** Bouncy Castle Ed25519 signing of the payload. */
  CredentialLoad.Operation bcSign() {
    Ed25519Signer signer = new Ed25519Signer();
    signer.init(true, bcPrivate);
    return () -> {
      signer.update(payload, 0, payload.length);
      if (signer.generateSignature().length != 64) throw new IllegalStateException("bad signature");
    };
  }

  /** Bouncy Castle Ed25519 verification of the payload's signature. */
  CredentialLoad.Operation bcVerify() {
    Ed25519Signer verifier = new Ed25519Signer();
    verifier.init(false, bcPublic);
    return () -> {
      verifier.update(payload, 0, payload.length);
      if (!verifier.verifySignature(bcSignature)) throw new IllegalStateException("BC rejected");
    };
  }

  /** JDK (SunEC) Ed25519 signing of the payload. */
  CredentialLoad.Operation jdkSign() {
    Signature signer = jdk();
    return () -> {
      signer.initSign(jdkKeys.getPrivate());
      signer.update(payload);
      if (signer.sign().length != 64) throw new IllegalStateException("bad signature");
    };
  }

  /** JDK (SunEC) Ed25519 verification of the payload's signature. */
  CredentialLoad.Operation jdkVerify() {
    Signature verifier = jdk();
    return () -> {
      verifier.initVerify(jdkKeys.getPublic());
      verifier.update(payload);
      if (!verifier.verify(jdkSignature)) throw new IllegalStateException("JDK rejected");
    };
  }

  private static Signature jdk() {
    try {
      return Signature.getInstance("Ed25519", JDK_PROVIDER);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no Ed25519", e);
    }
  }
}
