package network.baton.node.federation.membership;

import static java.util.Objects.requireNonNull;

import io.vertx.core.Handler;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import network.baton.credential.http.Problem;
import network.baton.node.http.Json;
import network.baton.vocab.StrictUtf8;

/**
 * The membership list over HTTP: GET the current signed list; POST a list (public: it is verified,
 * so anyone may offer one); POST /sync (admin) to pull from the members now.
 */
public final class MembershipRoutes {
  private final MembershipState state;
  private final MembershipSync sync;
  private final WorkerExecutor pool;
  private final Handler<RoutingContext> body;
  private final Handler<RoutingContext> admin;

  /** Routes over this state and sync, verifying offers on the pool. */
  public MembershipRoutes(
      MembershipState state,
      MembershipSync sync,
      WorkerExecutor pool,
      Handler<RoutingContext> body,
      Handler<RoutingContext> admin) {
    this.state = requireNonNull(state, "state");
    this.sync = requireNonNull(sync, "sync");
    this.pool = requireNonNull(pool, "pool");
    this.body = requireNonNull(body, "body");
    this.admin = requireNonNull(admin, "admin");
  }

  /** Mounts the three routes. */
  public void mount(Router router) {
    router.get(MembershipSync.PATH).handler(this::current);
    router.post(MembershipSync.PATH).handler(body).handler(this::offer);
    router.post(MembershipSync.PATH + "/sync").handler(admin).handler(this::syncNow);
  }

  private void current(RoutingContext rc) {
    state
        .current()
        .ifPresentOrElse(
            signed ->
                rc.response()
                    .putHeader("Content-Type", SignedMembershipList.MEDIA_TYPE)
                    .putHeader("Cache-Control", "no-cache")
                    .end(signed.jws()),
            () -> rc.fail(Problem.notFound("this node holds no valid membership list yet")));
  }

  private void offer(RoutingContext rc) {
    String text =
        rc.body().buffer() == null ? "" : StrictUtf8.decode(rc.body().buffer().getBytes());
    if (text != null && text.length() > MembershipVerifier.MAX_LENGTH) {
      rc.fail(
          new Problem(
              "too-large",
              413,
              "Content too large",
              "a membership list has at most " + MembershipVerifier.MAX_LENGTH + " characters"));
      return;
    }
    String source = "POST from " + rc.request().remoteAddress();
    pool.executeBlocking(() -> state.offer(text, source), false)
        .onSuccess(offer -> answer(rc, offer))
        .onFailure(rc::fail);
  }

  private void answer(RoutingContext rc, MembershipOffer offer) {
    switch (offer.outcome()) {
      case ACCEPTED ->
          Json.reply(
              rc, 200, new JsonObject().put("accepted", true).put("version", offer.version()));
      case NOT_NEWER ->
          rc.fail(
              new Problem(
                  "membership-not-newer", 409, "Membership list not newer", offer.reason()));
      case INVALID ->
          rc.fail(
              new Problem("membership-invalid", 422, "Membership list refused", offer.reason()));
    }
  }

  private void syncNow(RoutingContext rc) {
    sync.syncNow()
        .onSuccess(
            results ->
                Json.reply(
                    rc,
                    200,
                    new JsonObject()
                        .put(
                            "version",
                            state.current().map(SignedMembershipList::version).orElse(0L))
                        .put(
                            "members",
                            new JsonArray(results.stream().map(SyncResult::toJson).toList()))))
        .onFailure(rc::fail);
  }
}
