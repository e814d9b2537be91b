package network.baton.node.demo;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.nio.file.Path;
import network.baton.vocab.SampleContent.Institution;

/**
 * One running member of the demo network: its sample institution, display name, base URL, did:web,
 * admin token (demo only: kept in a plain file), the file holding that token, and its data folder.
 */
public record DemoMember(
    Institution institution,
    String name,
    URI baseUrl,
    String did,
    String adminToken,
    Path tokenFile,
    Path dataDir) {
  public DemoMember {
    requireNonNull(institution, "institution");
    requireNonNull(name, "name");
    requireNonNull(baseUrl, "baseUrl");
    if (did == null || !did.startsWith("did:web:")) {
      throw new IllegalArgumentException("a demo member has a did:web: " + did);
    }
    requireNonNull(adminToken, "adminToken");
    requireNonNull(tokenFile, "tokenFile");
    requireNonNull(dataDir, "dataDir");
  }

  /** The member's short key: kosen, university or highschool. */
  public String key() {
    return institution.key();
  }

  /** An absolute URL on this member for a path such as {@code /federation/search}. */
  public String url(String path) {
    return baseUrl + path;
  }
}
