package network.baton.credential.keys;

import static java.util.Objects.requireNonNull;

import com.nimbusds.jose.util.Base64URL;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;

/**
 * A public key as raw bytes: 32 bytes for Ed25519, the 33-byte compressed point for P-256 (the
 * forms Multikey uses).
 */
public record PublicKeyMaterial(KeyAlgorithm algorithm, byte[] encoded) {
  public PublicKeyMaterial {
    requireNonNull(algorithm, "algorithm");
    requireNonNull(encoded, "encoded");
    encoded = encoded.clone();
    switch (algorithm) {
      case ED25519 -> {
        if (encoded.length != Ed25519PublicKeyParameters.KEY_SIZE) {
          throw new IllegalArgumentException(
              "an Ed25519 public key has 32 bytes, not " + encoded.length);
        }
      }
      case P256 -> {
        if (encoded.length != 33) {
          throw new IllegalArgumentException(
              "a compressed P-256 public key has 33 bytes, not " + encoded.length);
        }
        decodePoint(encoded);
      }
    }
  }

  /** The key from a Bouncy Castle public key parameter. */
  public static PublicKeyMaterial of(AsymmetricKeyParameter key) {
    if (key instanceof Ed25519PublicKeyParameters ed) {
      return new PublicKeyMaterial(KeyAlgorithm.ED25519, ed.getEncoded());
    }
    if (key instanceof ECPublicKeyParameters ec) {
      return new PublicKeyMaterial(KeyAlgorithm.P256, ec.getQ().getEncoded(true));
    }
    throw new IllegalArgumentException("unsupported key type: " + key.getClass().getSimpleName());
  }

  /** The key from a public JWK (OKP/Ed25519 or EC/P-256) given as a JSON object map. */
  public static PublicKeyMaterial fromJwk(Map<String, ?> jwk) {
    Object kty = jwk.get("kty");
    Object crv = jwk.get("crv");
    if ("OKP".equals(kty) && "Ed25519".equals(crv)) {
      return new PublicKeyMaterial(KeyAlgorithm.ED25519, base64url(jwk, "x"));
    }
    if ("EC".equals(kty) && "P-256".equals(crv)) {
      byte[] x = base64url(jwk, "x");
      byte[] y = base64url(jwk, "y");
      if (x.length != 32 || y.length != 32) {
        throw new IllegalArgumentException("P-256 JWK coordinates must have 32 bytes each");
      }
      byte[] uncompressed = new byte[65];
      uncompressed[0] = 0x04;
      System.arraycopy(x, 0, uncompressed, 1, 32);
      System.arraycopy(y, 0, uncompressed, 33, 32);
      ECPoint point = decodePoint(uncompressed);
      return new PublicKeyMaterial(KeyAlgorithm.P256, point.getEncoded(true));
    }
    throw new IllegalArgumentException("unsupported JWK: kty " + kty + ", crv " + crv);
  }

  /** The public JWK for this key, as a JSON object map. */
  public Map<String, Object> toJwk() {
    Map<String, Object> jwk = new LinkedHashMap<>();
    switch (algorithm) {
      case ED25519 -> {
        jwk.put("kty", "OKP");
        jwk.put("crv", "Ed25519");
        jwk.put("x", Base64URL.encode(encoded).toString());
      }
      case P256 -> {
        ECPoint point = decodePoint(encoded).normalize();
        jwk.put("kty", "EC");
        jwk.put("crv", "P-256");
        jwk.put(
            "x",
            Base64URL.encode(
                    BigIntegers.asUnsignedByteArray(32, point.getAffineXCoord().toBigInteger()))
                .toString());
        jwk.put(
            "y",
            Base64URL.encode(
                    BigIntegers.asUnsignedByteArray(32, point.getAffineYCoord().toBigInteger()))
                .toString());
      }
    }
    return jwk;
  }

  /** The key as a Bouncy Castle parameter for the signature primitives. */
  public AsymmetricKeyParameter toBouncyCastle() {
    return switch (algorithm) {
      case ED25519 -> new Ed25519PublicKeyParameters(encoded, 0);
      case P256 -> {
        ECNamedDomainParameters domain = P256Curve.domain();
        yield new ECPublicKeyParameters(domain.getCurve().decodePoint(encoded), domain);
      }
    };
  }

  @Override
  public byte[] encoded() {
    return encoded.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PublicKeyMaterial that
        && algorithm == that.algorithm
        && Arrays.equals(encoded, that.encoded);
  }

  @Override
  public int hashCode() {
    return 31 * algorithm.hashCode() + Arrays.hashCode(encoded);
  }

  @Override
  public String toString() {
    return "PublicKeyMaterial[" + algorithm + ", " + Base64URL.encode(encoded) + "]";
  }

  private static ECPoint decodePoint(byte[] encoded) {
    try {
      ECPoint point = P256Curve.domain().getCurve().decodePoint(encoded);
      if (point.isInfinity() || !point.isValid()) {
        throw new IllegalArgumentException("not a valid P-256 point");
      }
      return point;
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not a valid P-256 point: " + e.getMessage(), e);
    }
  }

  private static byte[] base64url(Map<String, ?> jwk, String member) {
    Object value = jwk.get(member);
    if (!(value instanceof String text)) {
      throw new IllegalArgumentException("JWK member '" + member + "' missing");
    }
    return new Base64URL(text).decode();
  }
}
