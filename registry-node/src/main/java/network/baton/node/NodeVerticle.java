package network.baton.node;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import java.time.Duration;
import network.baton.node.auth.AdminAuthHandler;
import network.baton.node.auth.AdminTokens;
import network.baton.node.config.NodeConfig;
import network.baton.node.http.AccessLog;
import network.baton.node.http.GraphRenderer;
import network.baton.node.http.HealthRoutes;
import network.baton.node.http.HtmlView;
import network.baton.node.http.NodeDescriptorRoutes;
import network.baton.node.http.NodePrefixes;
import network.baton.node.http.OpenApiRoutes;
import network.baton.node.http.ProblemHandler;
import network.baton.node.http.ResourceRoutes;
import network.baton.node.search.LocalSearch;
import network.baton.node.search.SearchRoutes;
import network.baton.node.search.SearchService;
import network.baton.node.search.SkillHierarchy;
import network.baton.node.sparql.SparqlRoutes;
import network.baton.node.sparql.SparqlService;
import network.baton.node.store.ResourceIds;
import network.baton.node.store.ResourceReader;
import network.baton.node.store.ResourceService;
import network.baton.node.store.ResourceStore;
import network.baton.node.work.WorkQueues;
import org.apache.jena.sys.JenaSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One registry node: opens the store, mounts every route area, listens; stop closes the store. */
public final class NodeVerticle extends VerticleBase {

  private static final Logger log = LoggerFactory.getLogger(NodeVerticle.class);
  private final NodeConfig config;
  private final NodeSetup setup;
  private WorkQueues work;
  private volatile ResourceStore store;
  private volatile LocalSearch search;
  private volatile HttpServer server;

  /** A node with this config and setup. */
  public NodeVerticle(NodeConfig config, NodeSetup setup) {
    this.config = config;
    this.setup = setup;
  }

  @Override
  public Future<?> start() {
    work =
        WorkQueues.create(
            vertx,
            config.work(),
            config.sparqlTimeout().multipliedBy(3).plus(Duration.ofMinutes(1)));
    ResourceIds ids = new ResourceIds(config.baseUrl().toString());
    return vertx
        .executeBlocking(
            () -> {
              // Jena's one-time initialisation and the first loading of the web and metrics
              // classes are slow: open and wire everything here, not on the event loop.
              JenaSystem.init();
              store =
                  new ResourceStore(
                      setup.datasetOpener().open(config),
                      ids,
                      config.attribution(),
                      Clock.systemUTC());
              // Search needs the text index; it loads its catalog before the node takes writes.
              search =
                  store
                      .opened()
                      .text()
                      .map(text -> new LocalSearch(text, SkillHierarchy.of(setup.skills())))
                      .orElse(null);
              return router(ids);
            },
            false)
        .compose(
            router -> {
              // No HTTP/1.1 -> h2c upgrade on plain HTTP: with the JDK's HttpClient (which asks for
              // it by default, as the CLI's does) about one answer in six of a 56 KB document came
              // back garbled as HTTP/2 frames. HTTP/2 belongs behind TLS, at the proxy.
              server =
                  vertx.createHttpServer(
                      new HttpServerOptions()
                          .setPort(config.port())
                          .setHost(config.host())
                          .setHttp2ClearTextEnabled(false));
              return server.requestHandler(router).listen();
            })
        .recover(
            failure -> closeStore().transform(closed -> Future.<HttpServer>failedFuture(failure)))
        .onSuccess(
            s ->
                log.info(
                    "node listening [name: {}, port: {}, base: {}, data: {}]",
                    config.name(),
                    s.actualPort(),
                    config.baseUrl(),
                    config.dataDir()));
  }

  @Override
  public Future<?> stop() {
    Future<Void> closed = server == null ? Future.succeededFuture() : server.close();
    return closed.eventually(this::closeStore).eventually(() -> work.close());
  }

  private Future<Void> closeStore() {
    if (store == null) {
      return Future.succeededFuture();
    }
    return vertx.executeBlocking(
        () -> {
          // Extensions that hold resources (credential records, workers) close before the store.
          for (NodeExtension extension : setup.extensions()) {
            if (extension instanceof AutoCloseable closeable) {
              try {
                closeable.close();
              } catch (Exception e) {
                log.warn("extension did not close cleanly [extension: {}]", extension, e);
              }
            }
          }
          if (search != null) {
            search.close();
            search = null;
          }
          if (store != null) {
            store.close();
            store = null;
          }
          return null;
        },
        false);
  }

  /** The port the node listens on (useful after asking for port 0). */
  public int actualPort() {
    return server.actualPort();
  }

  /** The running node's work queues (null before start), e.g. to see how deep one is. */
  public WorkQueues work() {
    return work;
  }

  /** The running node's store (null before start). */
  public ResourceStore store() {
    return store;
  }

  private Router router(ResourceIds ids) {
    AdminTokens tokens = new AdminTokens(config.adminTokenHashes());
    if (tokens.isEmpty()) {
      log.warn("no admin token configured: every write will be refused (see `baton token new`)");
    }
    AdminAuthHandler admin = AdminAuthHandler.create(tokens);
    BodyHandler body =
        BodyHandler.create(false).setBodyLimit(config.bodyLimitBytes()).setHandleFileUploads(false);
    ResourceService resources =
        new ResourceService(
            store,
            new ResourceReader(ids, setup.jsonLd()),
            setup.validator(),
            work.read(),
            work.write());
    PrometheusMeterRegistry metrics =
        setup.metrics() != null
            ? setup.metrics()
            : new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    GraphRenderer renderer =
        new GraphRenderer(
            setup.compactor(), new HtmlView(setup::skillLabel), NodePrefixes.standard());

    Router router = Router.router(vertx);
    router.route().handler(AccessLog.create());
    new ResourceRoutes(resources, admin, body, renderer).mount(router);
    new NodeDescriptorRoutes(config, resources, setup::broaderSkills).mount(router);
    new HealthRoutes(resources, metrics).mount(router);
    new OpenApiRoutes(config.baseUrl()).mount(router);
    new SparqlRoutes(
            new SparqlService(
                store.dataset(),
                work.sparql(),
                config.sparqlTimeout(),
                config.resultCap(),
                config.queryLimits()),
            body,
            WorkQueues.share(work.sparql()))
        .mount(router);
    if (search != null) {
      new SearchRoutes(new SearchService(search, work.search()), WorkQueues.share(work.search()))
          .mount(router);
    }
    NodeContext context = new NodeContext(vertx, config, store, work, body, admin);
    setup.extensions().forEach(extension -> extension.mount(router, context));
    ProblemHandler problems = ProblemHandler.create();
    router.route().failureHandler(problems);
    for (int status : new int[] {400, 404, 405, 406, 413, 415, 429, 500, 503}) {
      router.errorHandler(status, problems);
    }
    return router;
  }
}
