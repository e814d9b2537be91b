package network.baton.credential.service;

import java.util.Locale;

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

  /**
   * The format a request names ({@code vc+jwt}, {@code jwt}, {@code eddsa-rdfc-2022}, {@code di},
   * {@code dc+sd-jwt}, {@code sd-jwt}).
   */
  public static CredentialFormat parse(String value) {
    String name = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
    return switch (name) {
      case "vc+jwt", "jwt", "vc-jwt" -> JWT;
      case "eddsa-rdfc-2022", "di", "data-integrity", "dataintegrityproof" -> DATA_INTEGRITY;
      case "dc+sd-jwt", "vc+sd-jwt", "sd-jwt", "sd-jwt-vc" -> SD_JWT_VC;
      default ->
          throw new IllegalArgumentException(
              "format must be 'vc+jwt', 'eddsa-rdfc-2022' or 'dc+sd-jwt', not '" + value + "'");
    };
  }
}
