package network.baton.credential.sdjwt;

import java.io.IOException;
import java.net.URI;
import network.baton.credential.status.StatusListException;

/**
 * Where a verifier gets the Token Status List a credential's {@code status.status_list.uri} names,
 * already trusted: fetched and its token verified ({@link FetchedTokenStatusLists}), or derived
 * from the issuing node's own credential states. Thread-safe.
 */
@FunctionalInterface
public interface TokenStatusSource {
  /**
   * The list at {@code uri}, which must be {@code issuerDid}'s; an {@link IOException} means it
   * could not be had, a {@link StatusListException} that what was had is not a valid list.
   */
  TokenStatusList list(URI uri, String issuerDid) throws IOException, StatusListException;
}
