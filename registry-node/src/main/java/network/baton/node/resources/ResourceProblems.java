package network.baton.node.resources;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import network.baton.credential.http.Problem;
import network.baton.credential.http.ProblemMapping;
import network.baton.node.store.StoreException;

/**
 * How the resource routes answer the failures of publishing and reading: unreadable input 400 with
 * line and column, a shape violation 422 listing the violations, and the store's refusals (404,
 * 410, 409, 412, 400).
 */
public final class ResourceProblems implements ProblemMapping {

  @Override
  public Problem toProblem(Throwable failure) {
    if (failure instanceof RdfSyntaxException e) {
      JsonObject extra = new JsonObject();
      if (e.line() >= 0) {
        extra.put("line", e.line());
      }
      if (e.column() >= 0) {
        extra.put("column", e.column());
      }
      return new Problem("malformed-input", 400, "Malformed input", e.describe(), extra);
    }
    if (failure instanceof ValidationFailedException e) {
      JsonArray violations = new JsonArray();
      e.violations()
          .forEach(
              v ->
                  violations.add(
                      new JsonObject()
                          .put("focusNode", v.focusNode())
                          .put("path", v.path())
                          .put("value", v.value())
                          .put("message", v.message())
                          .put("severity", v.severity())));
      return new Problem(
          "validation",
          422,
          "Resource does not conform to the BATON shapes",
          e.getMessage(),
          new JsonObject().put("violations", violations));
    }
    if (failure instanceof StoreException e) {
      return switch (e.kind()) {
        case NOT_FOUND -> Problem.notFound(e.getMessage());
        case GONE -> new Problem("gone", 410, "Gone", e.getMessage());
        case CONFLICT -> new Problem("conflict", 409, "Conflict", e.getMessage());
        case PRECONDITION_FAILED ->
            new Problem("precondition-failed", 412, "Precondition failed", e.getMessage());
        case INVALID ->
            new Problem("bad-resource", 400, "Not a publishable resource", e.getMessage());
      };
    }
    return null;
  }
}
