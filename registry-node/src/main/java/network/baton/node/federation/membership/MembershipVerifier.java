package network.baton.node.federation.membership;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.util.Base64URL;
import java.io.IOException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import network.baton.credential.jose.BcJose;
import network.baton.credential.keys.PublicKeyMaterial;

/**
 * Checks a signed membership list against the coordinator's public keys (the trust anchor; several
 * allowed while a key is rotated). Refuses, with a reason: malformed text, alg none or HMAC or any
 * alg but EdDSA/ES256, a {@code crit} header (no extension is understood), a wrong {@code typ}, a
 * key that is not a coordinator key, a bad signature, a malformed payload, an expired list.
 * Immutable and thread-safe.
 */
public final class MembershipVerifier {

  /** Largest signed list accepted, in characters. */
  public static final int MAX_LENGTH = 256 * 1024;

  private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
  private static final List<String> ALLOWED_ALGS = List.of("EdDSA", "ES256");

  private final List<PublicKeyMaterial> coordinatorKeys;
  private final Clock clock;
  private final DefaultJOSEObjectTypeVerifier<?> typVerifier =
      new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType(SignedMembershipList.TYPE));

  /** A verifier trusting these coordinator keys, judging expiry by this clock. */
  public MembershipVerifier(List<PublicKeyMaterial> coordinatorKeys, Clock clock) {
    this.coordinatorKeys = List.copyOf(coordinatorKeys);
    this.clock = requireNonNull(clock, "clock");
    if (this.coordinatorKeys.isEmpty()) {
      throw new IllegalArgumentException(
          "a membership verifier needs at least one coordinator key");
    }
  }

  /** The checked list, or an {@link InvalidMembershipList} saying why it is refused. */
  public SignedMembershipList verify(String jws) {
    if (jws == null || jws.isBlank()) {
      throw new InvalidMembershipList("malformed: empty membership list");
    }
    String text = jws.strip();
    if (text.length() > MAX_LENGTH) {
      throw new InvalidMembershipList("malformed: larger than " + MAX_LENGTH + " characters");
    }
    String[] parts = text.split("\\.", -1);
    if (parts.length != 3) {
      throw new InvalidMembershipList(
          "malformed: a compact JWS has 3 dot-separated parts, this has " + parts.length);
    }
    JsonNode header = header(parts[0]);
    PublicKeyMaterial key = checkHeader(header);
    if (parts[2].isEmpty()) {
      throw new InvalidMembershipList("unsigned: the JWS has no signature");
    }
    JWSObject object;
    try {
      object = JWSObject.parse(text);
    } catch (ParseException e) {
      throw new InvalidMembershipList("malformed: " + e.getMessage());
    }
    try {
      if (!object.verify(BcJose.verifier(key))) {
        throw new InvalidMembershipList(
            "bad signature: the list was not signed by coordinator key "
                + header.get("kid").asText()
                + " or was changed after signing");
      }
    } catch (JOSEException | IllegalStateException e) {
      throw new InvalidMembershipList("bad signature: " + e.getMessage());
    }
    MembershipList list;
    try {
      list = MembershipList.fromJson(object.getPayload().toString());
    } catch (IllegalArgumentException e) {
      throw new InvalidMembershipList("malformed payload: " + e.getMessage());
    }
    Instant now = clock.instant();
    if (list.expiredAt(now)) {
      throw new InvalidMembershipList(
          "expired: version " + list.version() + " expired at " + list.expiresAt());
    }
    if (list.issuedAt().isAfter(now.plus(CLOCK_SKEW))) {
      throw new InvalidMembershipList(
          "not yet valid: version " + list.version() + " is issued at " + list.issuedAt());
    }
    return new SignedMembershipList(text, list);
  }

  /** Whether the list is still valid at this verifier's clock (it expires while held). */
  public boolean current(MembershipList list) {
    return !list.expiredAt(clock.instant());
  }

  private static JsonNode header(String encoded) {
    try {
      JsonNode header =
          new ObjectMapper().readTree(new String(new Base64URL(encoded).decode(), UTF_8));
      if (header == null || !header.isObject()) {
        throw new InvalidMembershipList("malformed: the JWS header is not a JSON object");
      }
      return header;
    } catch (IOException | RuntimeException e) {
      if (e instanceof InvalidMembershipList refused) {
        throw refused;
      }
      throw new InvalidMembershipList("malformed: the JWS header is not base64url JSON");
    }
  }

  private PublicKeyMaterial checkHeader(JsonNode header) {
    JsonNode alg = header.get("alg");
    if (alg == null || !alg.isTextual()) {
      throw new InvalidMembershipList("malformed: the header has no alg");
    }
    String name = alg.asText();
    if (name.equalsIgnoreCase("none")) {
      throw new InvalidMembershipList("alg 'none' (an unsigned JWS) is refused");
    }
    if (name.toUpperCase(Locale.ROOT).startsWith("HS")) {
      throw new InvalidMembershipList(
          "alg '" + name + "' (a shared-secret MAC, not a signature) is refused");
    }
    if (!ALLOWED_ALGS.contains(name)) {
      throw new InvalidMembershipList(
          "alg '" + name + "' is not accepted; accepted: " + String.join(", ", ALLOWED_ALGS));
    }
    if (header.has("crit")) {
      throw new InvalidMembershipList(
          "critical header parameter(s) " + header.get("crit") + " are not understood");
    }
    JsonNode typ = header.get("typ");
    try {
      typVerifier.verify(
          typ == null || !typ.isTextual() ? null : new JOSEObjectType(typ.asText()), null);
    } catch (BadJOSEException e) {
      throw new InvalidMembershipList(
          "wrong typ: "
              + (typ == null ? "missing" : typ)
              + ", expected \""
              + SignedMembershipList.TYPE
              + "\"");
    }
    JsonNode kid = header.get("kid");
    if (kid == null || !kid.isTextual() || kid.asText().isBlank()) {
      throw new InvalidMembershipList(
          "malformed: the header has no kid naming the coordinator key");
    }
    PublicKeyMaterial key =
        coordinatorKeys.stream()
            .filter(k -> SignedMembershipList.keyId(k).equals(kid.asText()))
            .findFirst()
            .orElseThrow(
                () ->
                    new InvalidMembershipList(
                        "unknown key: " + kid.asText() + " is not a configured coordinator key"));
    if (!key.algorithm().jwsAlgorithm().getName().equals(name)) {
      throw new InvalidMembershipList(
          "alg "
              + name
              + " does not fit coordinator key "
              + kid.asText()
              + " ("
              + key.algorithm().jwsAlgorithm()
              + ")");
    }
    return key;
  }
}
