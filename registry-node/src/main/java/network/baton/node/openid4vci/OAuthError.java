package network.baton.node.openid4vci;

import static java.util.Objects.requireNonNull;

import io.vertx.core.json.JsonObject;

/**
 * A refusal of the OAuth 2.0 and OpenID4VCI endpoints, answered as their specifications have it: a
 * JSON body {@code {error, error_description}} (RFC 6749 section 5.2, RFC 6750 section 3,
 * OpenID4VCI 1.0 sections 6.3 and 8.3.1), {@code Cache-Control: no-store}, and on 401 a {@code
 * WWW-Authenticate: Bearer} challenge. The description is plain ASCII for the client's developer
 * and never carries a secret.
 */
public final class OAuthError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String error;
  private final int status;

  private OAuthError(String error, int status, String description) {
    super(ascii(requireNonNull(description, "description")));
    this.error = requireNonNull(error, "error");
    this.status = status;
  }

  /**
   * RFC 6749: a parameter missing, repeated or malformed; a transaction code missing or unasked.
   */
  public static OAuthError invalidRequest(String description) {
    return new OAuthError("invalid_request", 400, description);
  }

  /**
   * RFC 6749: the pre-authorized code is unknown, used or expired, or the transaction code wrong.
   */
  public static OAuthError invalidGrant(String description) {
    return new OAuthError("invalid_grant", 400, description);
  }

  /** RFC 6749: a grant type other than the pre-authorized code. */
  public static OAuthError unsupportedGrantType(String description) {
    return new OAuthError("unsupported_grant_type", 400, description);
  }

  /** RFC 6750: the access token is missing, unknown, used up or expired (401). */
  public static OAuthError invalidToken(String description) {
    return new OAuthError("invalid_token", 401, description);
  }

  /** OpenID4VCI: the credential request is malformed or names what this issuer does not take. */
  public static OAuthError invalidCredentialRequest(String description) {
    return new OAuthError("invalid_credential_request", 400, description);
  }

  /** OpenID4VCI: the credential configuration is unknown (to the node or to this token). */
  public static OAuthError unknownCredentialConfiguration(String description) {
    return new OAuthError("unknown_credential_configuration", 400, description);
  }

  /** OpenID4VCI: the key proof is missing or invalid. */
  public static OAuthError invalidProof(String description) {
    return new OAuthError("invalid_proof", 400, description);
  }

  /** OpenID4VCI: the key proof's nonce was not issued here, is used or has expired. */
  public static OAuthError invalidNonce(String description) {
    return new OAuthError("invalid_nonce", 400, description);
  }

  /** OpenID4VCI: the issuer will not issue this credential (e.g. the course is gone). */
  public static OAuthError credentialRequestDenied(String description) {
    return new OAuthError("credential_request_denied", 400, description);
  }

  /** The node is busy (RFC 6749's temporarily_unavailable); the answer carries Retry-After. */
  public static OAuthError temporarilyUnavailable(String description) {
    return new OAuthError("temporarily_unavailable", 503, description);
  }

  /** An error of ours (500); the description stays generic. */
  public static OAuthError serverError() {
    return new OAuthError("server_error", 500, "the issuer failed; try again later");
  }

  /** A refusal with this code and status, for failures of the node's shared handlers (413, 415). */
  static OAuthError of(String error, int status, String description) {
    return new OAuthError(error, status, description);
  }

  /** The error code ({@code invalid_grant}, {@code invalid_proof}...). */
  public String error() {
    return error;
  }

  /** The HTTP status of the answer. */
  public int status() {
    return status;
  }

  /** The JSON body of the answer. */
  public JsonObject toJson() {
    return new JsonObject().put("error", error).put("error_description", getMessage());
  }

  // RFC 6749: error_description is %x20-21 / %x23-5B / %x5D-7E (no quote, no backslash).
  private static String ascii(String text) {
    StringBuilder out = new StringBuilder(Math.min(text.length(), 300));
    for (int i = 0; i < text.length() && out.length() < 300; i++) {
      char c = text.charAt(i);
      out.append(c >= 0x20 && c <= 0x7e && c != '"' && c != '\\' ? c : c == '"' ? '\'' : '?');
    }
    return out.toString();
  }
}
