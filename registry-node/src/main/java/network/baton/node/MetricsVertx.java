package network.baton.node;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;

/**
 * A Vert.x instance whose metrics (HTTP server requests among them) go to a Prometheus registry:
 * the one a node serves on /metrics when its setup is given the same registry ({@link
 * NodeSetup#withMetrics}).
 */
public final class MetricsVertx {
  private MetricsVertx() {}

  /** A new Vert.x reporting to this registry. */
  public static Vertx create(PrometheusMeterRegistry registry) {
    return Vertx.builder()
        .with(
            new VertxOptions()
                .setMetricsOptions(
                    new MicrometerMetricsOptions()
                        .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true))
                        .setEnabled(true)))
        .withMetrics(new MicrometerMetricsFactory(registry))
        .build();
  }
}
