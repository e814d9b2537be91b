package network.baton.credential.keys;

import com.nimbusds.jose.JWSAlgorithm;

/** The signature algorithms a node or holder key can use, with their JOSE names. */
public enum KeyAlgorithm {
  /** Ed25519, the default for node and holder keys. */
  ED25519(JWSAlgorithm.EdDSA),
  /** ECDSA on NIST P-256 with SHA-256. */
  P256(JWSAlgorithm.ES256);

  private final JWSAlgorithm jwsAlgorithm;

  KeyAlgorithm(JWSAlgorithm jwsAlgorithm) {
    this.jwsAlgorithm = jwsAlgorithm;
  }

  /** The JWS {@code alg} value for signatures made with this kind of key. */
  public JWSAlgorithm jwsAlgorithm() {
    return jwsAlgorithm;
  }
}
