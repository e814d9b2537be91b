package network.baton.node.demo;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * The credential the demo issues to its sample graduate, and the files it wrote: the node's issue
 * answer holding the vc+jwt, the same achievement as JSON-LD with an eddsa-rdfc-2022 proof, a
 * vp+jwt presentation for {@code nonce} and {@code audience}, and what offline verification needs
 * (the issuer's saved DID document, a saved status list, the trusted issuer list).
 */
public record SampleCredential(
    String credentialId,
    String issuerDid,
    String holderDid,
    String achievement,
    Path jwtFile,
    Path dataIntegrityFile,
    Path presentationFile,
    String nonce,
    String audience,
    Path didDocsDir,
    Path statusListsDir,
    Path trustFile) {
  public SampleCredential {
    requireNonNull(credentialId, "credentialId");
    requireNonNull(issuerDid, "issuerDid");
    requireNonNull(holderDid, "holderDid");
    requireNonNull(achievement, "achievement");
    requireNonNull(jwtFile, "jwtFile");
    requireNonNull(dataIntegrityFile, "dataIntegrityFile");
    requireNonNull(presentationFile, "presentationFile");
    requireNonNull(nonce, "nonce");
    requireNonNull(audience, "audience");
    requireNonNull(didDocsDir, "didDocsDir");
    requireNonNull(statusListsDir, "statusListsDir");
    requireNonNull(trustFile, "trustFile");
  }
}
