package network.baton.credential.integrity;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * What eddsa-rdfc-2022 signs: the canonical N-Quads of the proof configuration and of the document;
 * the signature covers SHA-256(proof configuration) followed by SHA-256(document).
 */
public record SigningInput(String canonicalDocument, String canonicalProofConfig) {

  public SigningInput {
    requireNonNull(canonicalDocument, "canonicalDocument");
    requireNonNull(canonicalProofConfig, "canonicalProofConfig");
  }

  /** SHA-256 of the canonical document. */
  public byte[] documentHash() {
    return sha256(canonicalDocument);
  }

  /** SHA-256 of the canonical proof configuration. */
  public byte[] proofConfigHash() {
    return sha256(canonicalProofConfig);
  }

  /** The bytes the Ed25519 signature covers: proof configuration hash then document hash. */
  public byte[] bytesToSign() {
    byte[] proof = proofConfigHash();
    byte[] doc = documentHash();
    byte[] out = new byte[proof.length + doc.length];
    System.arraycopy(proof, 0, out, 0, proof.length);
    System.arraycopy(doc, 0, out, proof.length, doc.length);
    return out;
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
