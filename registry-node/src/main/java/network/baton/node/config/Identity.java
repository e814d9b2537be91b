package network.baton.node.config;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Who the node is: its {@code name} (default "BATON node"), {@code institution}, {@code did} (null:
 * none) and the {@code languages} its content is described in (BCP 47 tags).
 */
public record Identity(String name, String institution, String did, List<String> languages) {

  private static final Pattern LANGUAGE_TAG = Pattern.compile("[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*");

  public Identity {
    name = name == null || name.isBlank() ? "BATON node" : name.strip();
    institution = institution == null ? "" : institution.strip();
    did = did == null || did.isBlank() ? null : did.strip();
    if (did != null && !did.startsWith("did:")) {
      throw new ConfigException("did must start with 'did:': " + did);
    }
    languages = List.copyOf(requireNonNull(languages, "languages"));
    for (String language : languages) {
      if (!LANGUAGE_TAG.matcher(language).matches()) {
        throw new ConfigException(
            "languages entries must be BCP 47 tags such as 'ja': " + language);
      }
    }
  }

  /** The default name, no institution, no DID, Japanese and English. */
  public static Identity defaults() {
    return new Identity(null, null, null, List.of("ja", "en"));
  }

  /** A copy with this DID. */
  public Identity withDid(String newDid) {
    return new Identity(name, institution, newDid, languages);
  }
}
