package network.baton.credential.keys;

import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;

/** The NIST P-256 domain parameters, named by OID so PKCS#8 files carry the curve name. */
final class P256Curve {
  private P256Curve() {}

  static ECNamedDomainParameters domain() {
    X9ECParameters x9 = CustomNamedCurves.getByOID(SECObjectIdentifiers.secp256r1);
    return new ECNamedDomainParameters(SECObjectIdentifiers.secp256r1, x9);
  }
}
