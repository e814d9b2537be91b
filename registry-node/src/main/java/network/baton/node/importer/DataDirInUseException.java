package network.baton.node.importer;

/** The data folder's store is open in a running node (this or another process). */
public class DataDirInUseException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The folder is held; message says by whom, as far as known. */
  public DataDirInUseException(String message) {
    super(message);
  }
}
