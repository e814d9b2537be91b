package network.baton.credential.status;

import java.io.IOException;
import java.net.URI;

/**
 * Where a {@link BitstringStatusChecker} gets the status list credential a {@code credentialStatus}
 * entry names, already trusted: fetched and its proof verified ({@link FetchedStatusLists}), or
 * read from the issuer's own store. Thread-safe.
 */
@FunctionalInterface
public interface StatusListSource {
  /**
   * The list at {@code url}; an {@link IOException} (or any other exception) means it could not be
   * had, a {@link StatusListException} that what was had is not a valid list.
   */
  StatusListCredential list(URI url) throws IOException, StatusListException;
}
