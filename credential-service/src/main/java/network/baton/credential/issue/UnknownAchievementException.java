package network.baton.credential.issue;

import network.baton.vocab.UntrustedText;

/** An issue request names a course or curriculum that the issuing node does not publish. */
public class UnknownAchievementException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** The request names this unknown achievement IRI. */
  public UnknownAchievementException(String iri) {
    super("no course or curriculum " + UntrustedText.oneLine(iri) + " on this node");
  }
}
