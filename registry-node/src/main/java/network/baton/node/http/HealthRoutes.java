package network.baton.node.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.micrometer.PrometheusScrapingHandler;
import network.baton.node.resources.ResourceService;

/** GET /health (the store answers) and GET /metrics (Prometheus text). */
public final class HealthRoutes {

  private final ResourceService service;
  private final PrometheusMeterRegistry registry;

  /** Health over the store behind service, metrics from registry. */
  public HealthRoutes(ResourceService service, PrometheusMeterRegistry registry) {
    this.service = service;
    this.registry = registry;
  }

  /** Adds /health and /metrics. */
  public void mount(Router router) {
    router.get("/health").handler(this::health);
    router.get("/metrics").handler(PrometheusScrapingHandler.create(registry));
  }

  private void health(RoutingContext rc) {
    service
        .count()
        .onSuccess(
            count ->
                Json.reply(rc, 200, new JsonObject().put("status", "UP").put("resources", count)))
        .onFailure(
            e ->
                Json.reply(
                    rc,
                    503,
                    new JsonObject()
                        .put("status", "DOWN")
                        .put("detail", "the store does not answer")));
  }
}
