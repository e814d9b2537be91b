package network.baton.node.credential;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import network.baton.credential.did.DidResolutionException;
import network.baton.credential.did.DidResolver;
import network.baton.credential.issue.VcContexts;
import network.baton.credential.status.StatusListFetcher;
import network.baton.node.config.ConfigException;

/**
 * Saves what verifying a credential or presentation offline needs: its issuers' DID documents
 * (under {@code DIR/dids}) and its status lists (under {@code DIR/status-lists}), the folders
 * {@code baton verify --offline --did-docs --status-lists} reads. Saving again replaces the copies,
 * which is how an offline verifier refreshes its status lists. Used by {@code baton verify --save}
 * and by the demo network for its offline employer.
 */
public final class OfflineCopies {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final DidResolver dids;
  private final StatusListFetcher lists;

  /** Copies fetched through this resolver and fetcher (both limited to what the user allowed). */
  public OfflineCopies(DidResolver dids, StatusListFetcher lists) {
    this.dids = dids;
    this.lists = lists;
  }

  /** The folder of saved DID documents under dir. */
  public static Path didDocs(Path dir) {
    return dir.resolve("dids");
  }

  /** The folder of saved status lists under dir. */
  public static Path statusLists(Path dir) {
    return dir.resolve("status-lists");
  }

  /** Saves the copies for the file's content; returns one line per file written. */
  public List<String> save(JsonNode content, Path dir) {
    List<JsonNode> credentials = new ArrayList<>();
    collect(content, credentials);
    if (credentials.isEmpty()) {
      throw new ConfigException("found no credential to save the issuer and status lists of");
    }
    Set<String> issuers = new LinkedHashSet<>();
    Set<URI> statusUrls = new LinkedHashSet<>();
    for (JsonNode credential : credentials) {
      JsonNode issuer = credential.path("issuer");
      String did = issuer.isObject() ? issuer.path("id").asText("") : issuer.asText("");
      if (!did.startsWith("did:")) {
        throw new ConfigException("a credential has no issuer DID: '" + did + "'");
      }
      issuers.add(did);
      JsonNode status = credential.path("credentialStatus");
      for (JsonNode entry : status.isArray() ? status : JSON.createArrayNode().add(status)) {
        String url = entry.path("statusListCredential").asText("");
        if (!url.isEmpty()) statusUrls.add(URI.create(url));
      }
    }
    List<String> written = new ArrayList<>();
    for (String did : issuers) {
      String document;
      try {
        document = dids.resolve(did).toJson().toPrettyString();
      } catch (DidResolutionException e) {
        throw new ConfigException(
            "cannot fetch the DID document of " + did + ": " + e.getMessage());
      }
      written.add(write(didDocs(dir).resolve(fileName(did) + ".json"), document));
    }
    for (URI url : statusUrls) {
      String list;
      try {
        list = lists.fetch(url);
      } catch (IOException e) {
        throw new ConfigException("cannot fetch the status list " + url + ": " + e.getMessage());
      }
      if (list == null || list.isBlank()) {
        throw new ConfigException("the status list " + url + " came back empty");
      }
      String suffix = list.strip().startsWith("{") ? ".json" : ".jwt";
      written.add(write(statusLists(dir).resolve(fileName(url.toString()) + suffix), list));
    }
    return written;
  }

  // A vp+jwt or vc+jwt (text), an enveloped credential, a presentation with credentials inside,
  // or a JSON-LD credential.
  private static void collect(JsonNode content, List<JsonNode> into) {
    if (content.isTextual()) {
      JsonNode payload = payload(content.asText());
      if (payload.has("verifiableCredential") && !payload.has("credentialSubject")) {
        payload.path("verifiableCredential").forEach(vc -> collect(vc, into));
      } else {
        into.add(payload);
      }
      return;
    }
    String id = content.path("id").asText("");
    if (id.startsWith(VcContexts.ENVELOPED_VC_PREFIX)) {
      into.add(payload(id.substring(VcContexts.ENVELOPED_VC_PREFIX.length())));
    } else if (content.has("credentialSubject")) {
      into.add(content);
    } else if (content.path("verifiableCredential").isArray()) {
      content.path("verifiableCredential").forEach(vc -> collect(vc, into));
    }
  }

  private static JsonNode payload(String jws) {
    try {
      return JSON.readTree(JWSObject.parse(jws.strip()).getPayload().toString());
    } catch (ParseException | IOException e) {
      throw new ConfigException("not a readable JWS credential or presentation: " + e.getMessage());
    }
  }

  // did:web:localhost%3A8080 -> did_web_localhost_3A8080: one flat, portable file name per source.
  private static String fileName(String source) {
    return source.replaceAll("[^A-Za-z0-9.-]+", "_");
  }

  private static String write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text.strip() + "\n", StandardCharsets.UTF_8);
      return file.toString();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
