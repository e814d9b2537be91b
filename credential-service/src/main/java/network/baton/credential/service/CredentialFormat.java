package network.baton.credential.service;

import java.util.Locale;

/** How an issued credential is secured: a VC-JOSE-COSE compact JWS or a Data Integrity proof. */
public enum CredentialFormat {
  /** Compact JWS with {@code typ: vc+jwt}, the credential itself as payload. */
  JWT("vc+jwt"),
  /** JSON-LD with an embedded {@code eddsa-rdfc-2022} Data Integrity proof. */
  DATA_INTEGRITY("eddsa-rdfc-2022");

  private final String value;

  CredentialFormat(String value) {
    this.value = value;
  }

  /** The name used in requests ({@code options.format}). */
  public String value() {
    return value;
  }

  /**
   * The format a request names ({@code vc+jwt}, {@code jwt}, {@code eddsa-rdfc-2022}, {@code di}).
   */
  public static CredentialFormat parse(String value) {
    String name = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
    return switch (name) {
      case "vc+jwt", "jwt", "vc-jwt" -> JWT;
      case "eddsa-rdfc-2022", "di", "data-integrity", "dataintegrityproof" -> DATA_INTEGRITY;
      default ->
          throw new IllegalArgumentException(
              "format must be 'vc+jwt' or 'eddsa-rdfc-2022', not '" + value + "'");
    };
  }
}
