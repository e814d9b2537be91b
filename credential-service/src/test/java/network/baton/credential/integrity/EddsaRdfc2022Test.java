package network.baton.credential.integrity;

import static network.baton.credential.integrity.TestContexts.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import network.baton.credential.did.DidKey;
import network.baton.credential.did.DidKeyResolver;
import network.baton.credential.did.Multikey;
import network.baton.credential.keys.PublicKeyMaterial;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(60)
class EddsaRdfc2022Test {

  private static final JsonObject VECTOR = json(fixture("integrity/test-vector.json"));
  private static final HexFormat HEX = HexFormat.of();

  private final EddsaRdfc2022 suite = new EddsaRdfc2022(TestContexts.loader());

  /** did:key verification methods, resolved as in production. */
  private static final VerificationKeyResolver DID_KEYS =
      DidVerificationKeys.assertion(new DidKeyResolver());

  /**
   * Test-only resolver for the 1EdTech fixtures: they name keys as {@code https://...#z6Mk...},
   * trusting the fragment. Never do this in production (anyone can write a key into a fragment);
   * did:key is the only self-certifying form.
   */
  private static final VerificationKeyResolver FRAGMENT_KEYS =
      method -> {
        if (method.startsWith("did:key:")) {
          return DID_KEYS.resolve(method);
        }
        String fragment = URI.create(method).getFragment();
        return fragment == null
            ? Optional.empty()
            : Optional.of((Ed25519PublicKeyParameters) Multikey.decode(fragment).toBouncyCastle());
      };

  /** A fresh Ed25519 key, its did:key and the verification method naming the key. */
  private record FreshKey(Ed25519PrivateKeyParameters key, String did, String vm) {
    static FreshKey generate() {
      var key = new Ed25519PrivateKeyParameters(new java.security.SecureRandom());
      String did = DidKey.of(PublicKeyMaterial.of(key.generatePublicKey()));
      return new FreshKey(key, did, did + "#" + did.substring("did:key:".length()));
    }
  }

  /** The signed document with one member of its proof set to value. */
  private static JsonObject withInProof(JsonObject signed, String member, String value) {
    JsonObject proof =
        Json.createObjectBuilder(signed.getJsonObject("proof")).add(member, value).build();
    return Json.createObjectBuilder(signed).add("proof", proof).build();
  }

  private String signUnsigned(String vm, Instant created, Ed25519PrivateKeyParameters key)
      throws CanonicalizationException {
    String unsigned = fixture("integrity/credential-unsigned.json");
    return suite.sign(unsigned, ProofOptions.assertion(vm, created), key);
  }

  @Test
  void reproducesTestVectorCanonicalFormsHashesAndSignatureByteForByte() throws Exception {
    JsonObject unsigned = json(fixture("integrity/credential-unsigned.json"));
    JsonObject proofConfig = proofOptionsOf(VECTOR);

    SigningInput input = suite.signingInput(unsigned, proofConfig);

    assertThat(input.canonicalDocument()).isEqualTo(fixture("integrity/document-canon.nq"));
    assertThat(input.canonicalProofConfig()).isEqualTo(fixture("integrity/proof-canon.nq"));
    assertThat(HEX.formatHex(input.documentHash())).isEqualTo(VECTOR.getString("documentHashHex"));
    assertThat(HEX.formatHex(input.proofConfigHash())).isEqualTo(VECTOR.getString("proofHashHex"));
    assertThat(HEX.formatHex(input.bytesToSign())).isEqualTo(VECTOR.getString("dataToSignHex"));

    JsonObject signed =
        suite.sign(
            unsigned,
            ProofOptions.assertion(
                proofConfig.getString("verificationMethod"),
                Instant.parse(proofConfig.getString("created"))),
            vectorKey());
    assertThat(signed.getJsonObject("proof").getString("proofValue"))
        .isEqualTo(VECTOR.getString("proofValue"));
    assertThat(signed).isEqualTo(json(fixture("integrity/credential-signed.json")));
  }

  @Test
  void testVectorKeyEncodesToItsPublishedMultikey() {
    Ed25519PublicKeyParameters pub = vectorKey().generatePublicKey();
    String multikey = VECTOR.getJsonObject("keyPair").getString("publicKeyMultibase");

    assertThat(Multikey.encode(PublicKeyMaterial.of(pub))).isEqualTo(multikey);
    assertThat(Multikey.decode(multikey).encoded()).isEqualTo(pub.getEncoded());
    assertThat(DID_KEYS.resolve("did:key:" + multikey + "#" + multikey)).isPresent();
    assertThatThrownBy(() -> DID_KEYS.resolve("did:key:" + multikey + "#z6MkOther"))
        .hasMessageContaining("not listed under assertionMethod");
  }

  @Test
  void signedTestVectorVerifies() {
    ProofVerification result =
        suite.verify(fixture("integrity/credential-signed.json"), FRAGMENT_KEYS);

    assertThat(result.valid()).as(result.reason()).isTrue();
    assertThat(result.verificationMethod())
        .isEqualTo(VECTOR.getJsonObject("keyPair").getString("verificationMethod"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "integrity/simple.json",
        "integrity/simple-did-key-method.json",
        "integrity/complete.json",
        "integrity/simple-err-expired.json",
        "integrity/clr-simple.json",
        "status/status-list-credential-index23-revoked.json",
        "status/ob30-credential-status-revoked.json"
      })
  void oneEdTechFixturesVerifyCryptographically(String path) {
    ProofVerification result = suite.verify(fixture(path), FRAGMENT_KEYS);

    assertThat(result.valid()).as(result.reason()).isTrue();
  }

  @Test
  void fixtureWithWrongProofValueFails() {
    ProofVerification result =
        suite.verify(fixture("integrity/simple-err-proof-value.json"), FRAGMENT_KEYS);

    assertThat(result.valid()).isFalse();
    assertThat(result.reason()).contains("signature does not match");
  }

  @Test
  void proofOverChangedDocumentFails() {
    JsonObject signed = json(fixture("integrity/credential-signed.json"));
    JsonObject changed = Json.createObjectBuilder(signed).add("name", "Leadership Badge").build();

    ProofVerification result = suite.verify(changed.toString(), FRAGMENT_KEYS);

    assertThat(result.valid()).isFalse();
    assertThat(result.reason()).contains("signature does not match");
  }

  @Test
  void credentialSignedWithFreshKeyVerifiesAsDidKey() throws Exception {
    FreshKey fresh = FreshKey.generate();

    String signed =
        signUnsigned(fresh.vm(), Instant.parse("2026-01-02T03:04:05.678Z"), fresh.key());

    assertThat(json(signed).getJsonObject("proof").getString("created"))
        .isEqualTo("2026-01-02T03:04:05Z");
    assertThat(suite.verify(signed, DID_KEYS).valid()).isTrue();
    assertThat(suite.verify(signed, DID_KEYS, ProofOptions.AUTHENTICATION).reason())
        .contains("expected 'authentication'");
  }

  @Test
  void didKeyHolderProofVerifiesThroughTheDidResolverOnlyForItsOwnDid() throws Exception {
    FreshKey fresh = FreshKey.generate();
    String did = fresh.did();
    String signed = signUnsigned(fresh.vm(), Instant.now(), fresh.key());
    var dids =
        new network.baton.credential.did.DidMethodResolver(
            d -> {
              throw new network.baton.credential.did.DidResolutionException(
                  "no did:web in this test");
            });

    assertThat(suite.verify(signed, DidVerificationKeys.assertion(dids).controlledBy(did)).valid())
        .isTrue();
    ProofVerification wrongIssuer =
        suite.verify(
            signed, DidVerificationKeys.assertion(dids).controlledBy("did:web:issuer.example"));
    assertThat(wrongIssuer.valid()).isFalse();
    assertThat(wrongIssuer.reason()).contains("does not belong to did:web:issuer.example");
  }

  @Test
  void proofByAnotherKeyThanTheNamedOneFails() throws Exception {
    Ed25519PrivateKeyParameters other = FreshKey.generate().key();
    String vm = VECTOR.getJsonObject("keyPair").getString("verificationMethod");
    String signed = signUnsigned(vm, Instant.parse("2026-01-02T03:04:05Z"), other);

    assertThat(suite.verify(signed, FRAGMENT_KEYS).valid()).isFalse();
  }

  @Test
  void undefinedTermIsRefusedBeforeSigning() {
    JsonObject unsigned = json(fixture("integrity/credential-unsigned.json"));
    JsonObject withUndefined =
        Json.createObjectBuilder(unsigned).add("favouriteColour", "blue").build();

    assertThatThrownBy(
            () ->
                suite.sign(
                    withUndefined,
                    ProofOptions.assertion("did:key:z6Mk#x", Instant.EPOCH),
                    vectorKey()))
        .isInstanceOf(CanonicalizationException.class)
        .hasMessageContaining("favouriteColour")
        .hasMessageContaining("not defined by any @context");
  }

  @Test
  void termWithoutAnyMappingIsRefusedInsteadOfDropped() {
    String doc =
        "{\"@context\":{\"name\":\"http://schema.org/name\"},\"@id\":\"urn:x:1\",\"name\":\"n\",\"colour\":\"blue\"}";

    assertThatThrownBy(
            () ->
                suite.sign(
                    doc, ProofOptions.assertion("did:key:z6Mk#x", Instant.EPOCH), vectorKey()))
        .isInstanceOf(CanonicalizationException.class)
        .hasMessageContaining("not defined by any @context")
        .hasMessageContaining("colour");
  }

  @Test
  void relativeIdentifierIsRefusedInsteadOfDropped() {
    JsonObject unsigned = json(fixture("integrity/credential-unsigned.json"));
    JsonObject relative = Json.createObjectBuilder(unsigned).add("id", "credentials/3527").build();

    assertThatThrownBy(
            () ->
                suite.sign(
                    relative, ProofOptions.assertion("did:key:z6Mk#x", Instant.EPOCH), vectorKey()))
        .isInstanceOf(CanonicalizationException.class)
        .hasMessageContaining("not an absolute IRI");
  }

  @Test
  void contextThatIsNotBundledIsRefusedWithoutFetching() {
    String doc =
        "{\"@context\":[\"https://www.w3.org/ns/credentials/v2\",\"https://evil.example/ctx\"],"
            + "\"type\":\"VerifiableCredential\"}";

    assertThatThrownBy(
            () ->
                suite.sign(
                    doc, ProofOptions.assertion("did:key:z6Mk#x", Instant.EPOCH), vectorKey()))
        .isInstanceOf(CanonicalizationException.class)
        .hasMessageContaining("not one of the bundled contexts");
  }

  @Test
  void malformedInputsAreReportedNotThrown() {
    assertThat(suite.verify("{not json", FRAGMENT_KEYS).reason()).contains("not valid JSON");
    assertThat(suite.verify("[]", FRAGMENT_KEYS).reason()).contains("JSON object");
    assertThat(suite.verify(fixture("integrity/credential-unsigned.json"), FRAGMENT_KEYS).reason())
        .contains("no proof");
    JsonObject signed = json(fixture("integrity/credential-signed.json"));
    JsonObject badValue = withInProof(signed, "proofValue", "zzzz0OIl");
    assertThat(suite.verify(badValue.toString(), FRAGMENT_KEYS).valid()).isFalse();
    JsonObject otherSuite = withInProof(signed, "cryptosuite", "ecdsa-rdfc-2019");
    assertThat(suite.verify(otherSuite.toString(), FRAGMENT_KEYS).reason())
        .contains("unsupported cryptosuite");
    assertThat(suite.verify(signed.toString(), method -> Optional.empty()).reason())
        .contains("not a known Ed25519 key");
  }

  private static Ed25519PrivateKeyParameters vectorKey() {
    String seedThenPublic =
        VECTOR.getJsonObject("keyPair").getString("privateKeyHex_seedThenPublic");
    return new Ed25519PrivateKeyParameters(HEX.parseHex(seedThenPublic.substring(0, 64)), 0);
  }

  private static JsonObject proofOptionsOf(JsonObject vector) {
    return vector.getJsonObject("proofOptions");
  }

  private static JsonObject json(String text) {
    return Json.createReader(new StringReader(text)).readObject();
  }
}
