package network.baton.credential.keys;

/** The passphrase does not decrypt a key file. */
public class WrongPassphraseException extends KeyFileException {
  private static final long serialVersionUID = 1L;

  /** The passphrase does not open the named key file. */
  public WrongPassphraseException(String keyFile) {
    super("wrong passphrase: cannot decrypt " + keyFile);
  }
}
