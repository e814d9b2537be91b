package network.baton.node.web;

import static java.util.Objects.requireNonNull;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.templ.thymeleaf.ThymeleafTemplateEngine;
import java.util.Locale;
import java.util.Map;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders a page template (Thymeleaf through Vert.x Web's template support, from the class path)
 * with a model; the engine escapes every text it writes, so no page builds HTML by hand. Rendering
 * runs on the worker pool: the first use of a template parses it and reads it from the class path.
 */
public final class PageRenderer {

  static final String TEMPLATES = "network/baton/node/web/templates/";

  private final TemplateEngine engine;
  private final WorkerExecutor workers;

  /** A renderer on vertx, rendering on workers. */
  public PageRenderer(Vertx vertx, WorkerExecutor workers) {
    this.engine = ThymeleafTemplateEngine.create(requireNonNull(vertx, "vertx")).unwrap();
    this.workers = requireNonNull(workers, "workers");
  }

  /** The page named (templates/{name}.html) filled from model. */
  public Future<String> render(Map<String, Object> model, String name) {
    return workers.executeBlocking(() -> renderNow(model, name), false);
  }

  /** Renders on the calling thread (start-up warm-up, or a caller already on a worker). */
  public String renderNow(Map<String, Object> model, String name) {
    Object lang = model.getOrDefault("lang", "en");
    return engine.process(
        TEMPLATES + name + ".html", new Context(Locale.forLanguageTag(lang.toString()), model));
  }
}
