package network.baton.credential.status;

import java.io.IOException;
import java.net.URI;

/**
 * Fetches a status list credential by its URL (over HTTP with time and size limits, or from a local
 * file when offline). Any exception means "could not be fetched".
 */
@FunctionalInterface
public interface StatusListFetcher {

  /** The body served at {@code url}: the list credential as JSON, or a vc+jwt. */
  String fetch(URI url) throws IOException;
}
