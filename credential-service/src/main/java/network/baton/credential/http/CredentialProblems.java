package network.baton.credential.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import network.baton.credential.issue.UnknownAchievementException;
import network.baton.credential.issue.UnknownSkillException;
import network.baton.credential.service.CredentialServiceException;

/**
 * How the credential routes answer the credential service's domain exceptions: an unknown course or
 * skill and an otherwise unusable request 422, an unknown credential or list 404, a status change
 * on a revoked credential 409.
 */
public final class CredentialProblems implements ProblemMapping {

  @Override
  public Problem toProblem(Throwable failure) {
    if (failure instanceof UnknownAchievementException e) {
      return Problem.unprocessable("unknown-course", e.getMessage());
    }
    if (failure instanceof UnknownSkillException e) {
      return new Problem(
          "unknown-skill",
          422,
          "Unprocessable request",
          e.getMessage(),
          new JsonObject().put("unknownSkills", new JsonArray(e.unknown())));
    }
    if (failure instanceof CredentialServiceException e) {
      return switch (e.kind()) {
        case BAD_REQUEST -> Problem.badRequest(e.getMessage());
        case NOT_FOUND -> Problem.notFound(e.getMessage());
        case CONFLICT -> new Problem("conflict", 409, "Conflict", e.getMessage());
        case UNPROCESSABLE -> Problem.unprocessable("unprocessable", e.getMessage());
      };
    }
    if (failure instanceof IllegalArgumentException e) {
      return Problem.unprocessable("invalid-request", e.getMessage());
    }
    return null;
  }
}
