package network.baton.credential.service;

import java.util.Locale;
import network.baton.vocab.WireNames;

/**
 * How an issued credential is secured: a VC-JOSE-COSE compact JWS, a Data Integrity proof, or an
 * SD-JWT VC (the BATON skill credential with each skill its own disclosure).
 */
public enum CredentialFormat {
  /** Compact JWS with {@code typ: vc+jwt}, the credential itself as payload. */
  JWT("vc+jwt"),
  /** JSON-LD with an embedded {@code eddsa-rdfc-2022} Data Integrity proof. */
  DATA_INTEGRITY("eddsa-rdfc-2022"),
  /** SD-JWT VC with {@code typ: dc+sd-jwt}, bound to the holder's key ({@code cnf.jwk}). */
  SD_JWT_VC("dc+sd-jwt");

  private final String value;

  CredentialFormat(String value) {
    this.value = value;
  }

  /** The name used in requests ({@code options.format}). */
  public String value() {
    return value;
  }

  private static final WireNames<CredentialFormat> NAMES =
      WireNames.of("format", CredentialFormat.class, CredentialFormat::value)
          .alias("jwt", JWT)
          .alias("vc-jwt", JWT)
          .alias("di", DATA_INTEGRITY)
          .alias("data-integrity", DATA_INTEGRITY)
          .alias("dataintegrityproof", DATA_INTEGRITY)
          .alias("vc+sd-jwt", SD_JWT_VC)
          .alias("sd-jwt", SD_JWT_VC)
          .alias("sd-jwt-vc", SD_JWT_VC)
          .folding(value -> value.strip().toLowerCase(Locale.ROOT));

  /**
   * The format a request names ({@code vc+jwt}, {@code jwt}, {@code eddsa-rdfc-2022}, {@code di},
   * {@code dc+sd-jwt}, {@code sd-jwt}).
   */
  public static CredentialFormat parse(String value) {
    return NAMES.parse(value);
  }
}
