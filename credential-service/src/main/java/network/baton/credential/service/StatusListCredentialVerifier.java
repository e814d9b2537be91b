package network.baton.credential.service;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import java.text.ParseException;
import java.util.List;
import network.baton.credential.did.DidDocument;
import network.baton.credential.did.DidResolutionException;
import network.baton.credential.did.DidResolver;
import network.baton.credential.did.VerificationMethod;
import network.baton.credential.integrity.DidVerificationKeys;
import network.baton.credential.integrity.EddsaRdfc2022;
import network.baton.credential.integrity.ProofVerification;
import network.baton.credential.issue.VcContexts;
import network.baton.credential.jose.BcJose;
import network.baton.credential.status.StatusListException;
import network.baton.credential.status.StatusListVerifier;

/**
 * Verifies a fetched status list credential, as a {@code vc+jwt} (kid a key of the list's issuer,
 * listed for assertion, signature checked with Bouncy Castle) or as JSON-LD with an {@code
 * eddsa-rdfc-2022} proof by the issuer, and returns the verified credential JSON.
 */
public final class StatusListCredentialVerifier implements StatusListVerifier {
  private static final List<JWSAlgorithm> ALGORITHMS =
      List.of(JWSAlgorithm.EdDSA, JWSAlgorithm.ES256);

  private final DidResolver resolver;
  private final EddsaRdfc2022 dataIntegrity;
  private final ObjectMapper json = new ObjectMapper();

  /** A verifier finding issuer keys through this resolver. */
  public StatusListCredentialVerifier(DidResolver resolver, EddsaRdfc2022 dataIntegrity) {
    this.resolver = requireNonNull(resolver, "resolver");
    this.dataIntegrity = requireNonNull(dataIntegrity, "dataIntegrity");
  }

  @Override
  public JsonNode verify(String fetched) throws StatusListException {
    if (fetched == null || fetched.isBlank()) throw new StatusListException("the list is empty");
    String body = fetched.strip();
    return body.startsWith("{") ? verifyDataIntegrity(body) : verifyJwt(body);
  }

  private JsonNode verifyJwt(String body) throws StatusListException {
    JWSObject jws;
    try {
      jws = JWSObject.parse(body);
    } catch (ParseException e) {
      throw new StatusListException(
          "the list is neither JSON nor a compact JWS: " + e.getMessage());
    }
    if (!new JOSEObjectType(VcContexts.VC_JWT).equals(jws.getHeader().getType())) {
      throw new StatusListException("the list JWS is not typ vc+jwt");
    }
    JWSAlgorithm alg = jws.getHeader().getAlgorithm();
    if (!ALGORITHMS.contains(alg)) throw new StatusListException("alg " + alg + " is not accepted");
    if (jws.getHeader().getCriticalParams() != null) {
      throw new StatusListException("the list JWS has critical header parameters");
    }
    JsonNode vc = parse(jws.getPayload().toString());
    String issuer = issuer(vc);
    String kid = jws.getHeader().getKeyID();
    if (kid == null || !kid.startsWith(issuer + "#")) {
      throw new StatusListException(
          "the list's kid " + kid + " is not a key of its issuer " + issuer);
    }
    VerificationMethod method;
    try {
      DidDocument document = resolver.resolve(issuer);
      if (!document.canAssert(kid)) {
        throw new StatusListException("key " + kid + " is not an assertion method of " + issuer);
      }
      method =
          document
              .method(kid)
              .orElseThrow(() -> new StatusListException("no key " + kid + " in " + issuer));
    } catch (DidResolutionException e) {
      throw new StatusListException("cannot resolve the list's issuer: " + e.getMessage(), e);
    }
    if (!method.key().algorithm().jwsAlgorithm().equals(alg)) {
      throw new StatusListException("key " + kid + " does not match alg " + alg);
    }
    try {
      if (!jws.verify(BcJose.verifier(method.key()))) {
        throw new StatusListException("the list's signature does not match key " + kid);
      }
    } catch (JOSEException | IllegalStateException e) {
      throw new StatusListException("the list's signature cannot be checked: " + e.getMessage(), e);
    }
    return vc;
  }

  private JsonNode verifyDataIntegrity(String body) throws StatusListException {
    JsonNode vc = parse(body);
    String issuer = issuer(vc);
    ProofVerification proof =
        dataIntegrity.verify(body, DidVerificationKeys.assertion(resolver).controlledBy(issuer));
    if (!proof.valid())
      throw new StatusListException("the list's proof is not valid: " + proof.reason());
    return vc;
  }

  private JsonNode parse(String text) throws StatusListException {
    try {
      JsonNode node = json.readTree(text);
      if (node == null || !node.isObject())
        throw new StatusListException("the list is not a JSON object");
      return node;
    } catch (JsonProcessingException e) {
      throw new StatusListException("the list is not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static String issuer(JsonNode vc) throws StatusListException {
    JsonNode node = vc.path("issuer");
    String issuer = node.isObject() ? node.path("id").asText("") : node.asText("");
    if (!issuer.startsWith("did:")) throw new StatusListException("the list names no issuer DID");
    return issuer;
  }
}
