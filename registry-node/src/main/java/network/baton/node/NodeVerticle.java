package network.baton.node;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import network.baton.credential.http.ProblemHandler;
import network.baton.node.auth.AdminAuthHandler;
import network.baton.node.auth.AdminTokens;
import network.baton.node.auth.FailedAttempts;
import network.baton.node.config.NodeConfig;
import network.baton.node.config.ServerTls;
import network.baton.node.http.AccessLog;
import network.baton.node.http.ClientAddresses;
import network.baton.node.http.ContextRoutes;
import network.baton.node.http.HealthRoutes;
import network.baton.node.http.InvalidRequests;
import network.baton.node.http.NodeDescriptorRoutes;
import network.baton.node.http.NodePrefixes;
import network.baton.node.http.OpenApiRoutes;
import network.baton.node.http.RequestTargetCheck;
import network.baton.node.http.RouteMethods;
import network.baton.node.http.SecurityHeaders;
import network.baton.node.http.Utf8RequestTarget;
import network.baton.node.resources.GraphRenderer;
import network.baton.node.resources.ResourceProblems;
import network.baton.node.resources.ResourceReader;
import network.baton.node.resources.ResourceRoutes;
import network.baton.node.resources.ResourceService;
import network.baton.node.search.LocalSearch;
import network.baton.node.search.SearchRoutes;
import network.baton.node.search.SearchService;
import network.baton.node.search.SkillHierarchy;
import network.baton.node.sparql.SparqlProblems;
import network.baton.node.sparql.SparqlRoutes;
import network.baton.node.sparql.SparqlService;
import network.baton.node.store.OpenDataset;
import network.baton.node.store.ResourceIds;
import network.baton.node.store.ResourceStore;
import network.baton.node.store.SkillCoverage;
import network.baton.node.work.WorkProblems;
import network.baton.node.work.WorkQueues;
import org.apache.jena.sys.JenaSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One registry node: opens the store, mounts every route area, listens; stop closes the store. */
public final class NodeVerticle extends VerticleBase {

  private static final Logger log = LoggerFactory.getLogger(NodeVerticle.class);
  private final NodeConfig config;
  private final NodeSetup setup;
  private final List<NodeExtension> started = new CopyOnWriteArrayList<>();
  private WorkQueues work;
  private volatile OpenDataset dataset;
  private volatile ResourceStore store;
  private volatile LocalSearch search;
  private volatile SkillCoverage coverage;
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
            config.sparql().timeout().multipliedBy(3).plus(Duration.ofMinutes(1)),
            config.server().trustedProxies().isEmpty()
                ? ClientAddresses.direct()
                : ClientAddresses.behind(config.server().trustedProxies()));
    ResourceIds ids = new ResourceIds(config.server().baseUrl().toString());
    return vertx
        .executeBlocking(
            () -> {
              // Jena's one-time initialisation and the first loading of the web and metrics
              // classes are slow: open and wire everything here, not on the event loop.
              JenaSystem.init();
              // The node keeps the opened dataset (SPARQL and search query it); the store gets it
              // for its writes and reads and hands it out to no one.
              dataset = setup.datasetOpener().open(config);
              store = new ResourceStore(dataset, ids, config.attribution(), setup.clock());
              // Search needs the text index; it loads its catalog before the node takes writes.
              search =
                  dataset
                      .text()
                      .map(text -> new LocalSearch(text, SkillHierarchy.of(setup.skills())))
                      .orElse(null);
              // The descriptor's coverage follows commits from here on, as search's catalog does.
              coverage =
                  dataset
                      .text()
                      .map(text -> SkillCoverage.follow(text, setup::broaderSkills))
                      .orElse(null);
              return router(ids);
            },
            false)
        .compose(
            router -> {
              // No HTTP/1.1 -> h2c upgrade on plain HTTP: with the JDK's HttpClient (which asks for
              // it by default, as the CLI's does) about one answer in six of a 56 KB document came
              // back garbled as HTTP/2 frames. HTTP/2 belongs behind TLS, at the proxy.
              // A form field may be as long as a body may be (a pasted Data Integrity presentation
              // is over Vert.x's 8 KiB default), and a body that is not a form but arrives as one
              // (curl --data sends every body as a form) is buffered, not refused after 1 KiB.
              int formLimit = (int) Math.min(Integer.MAX_VALUE, config.server().bodyLimitBytes());
              HttpServerOptions options =
                  new HttpServerOptions()
                      .setPort(config.server().port())
                      .setHost(config.server().host())
                      .setHttp2ClearTextEnabled(false)
                      .setMaxFormAttributeSize(formLimit)
                      .setMaxFormBufferedBytes(formLimit)
                      // A client that stops half-way (a body shorter than its Content-Length, a
                      // header line never ended) holds its connection no longer than this.
                      .setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
                      .setIdleTimeout(
                          (int)
                              Math.min(
                                  Integer.MAX_VALUE, config.server().idleTimeout().toMillis()));
              ServerTls tls = config.server().tls();
              if (tls != null) {
                options
                    .setSsl(true)
                    .setKeyCertOptions(
                        new PemKeyCertOptions()
                            .setCertPath(tls.certificate().toString())
                            .setKeyPath(tls.privateKey().toString()));
              }
              server = vertx.createHttpServer(options);
              return server
                  .requestHandler(router)
                  .invalidRequestHandler(
                      InvalidRequests.create(
                          options.getMaxInitialLineLength(), options.getMaxHeaderSize()))
                  .listen();
            })
        .recover(
            failure -> closeStore().transform(closed -> Future.<HttpServer>failedFuture(failure)))
        .onSuccess(
            s ->
                log.info(
                    "node listening [name: {}, port: {}, tls: {}, base: {}, data: {}]",
                    config.identity().name(),
                    s.actualPort(),
                    config.server().tls() != null,
                    config.server().baseUrl(),
                    config.server().dataDir()));
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
          // Extensions close before the store (they hold credential records, syncs, workers), the
          // last started first.
          for (int i = started.size() - 1; i >= 0; i--) {
            NodeExtension extension = started.get(i);
            try {
              extension.close();
            } catch (Exception e) {
              log.warn("extension did not close cleanly [extension: {}]", extension, e);
            }
          }
          started.clear();
          if (search != null) {
            search.close();
            search = null;
          }
          if (coverage != null) {
            coverage.close();
            coverage = null;
          }
          if (store != null) {
            store.close();
            store = null;
            dataset = null;
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

  /**
   * The running node's opened dataset (null before start), for benchmarks that compare in-process
   * queries with the HTTP answer; the node's own parts reach the data through its services.
   */
  public OpenDataset dataset() {
    return dataset;
  }

  private Router router(ResourceIds ids) {
    AdminTokens tokens = new AdminTokens(config.admin().tokenHashes());
    if (tokens.isEmpty()) {
      log.warn("no admin token configured: every write will be refused (see `baton token new`)");
    }
    AdminAuthHandler admin =
        AdminAuthHandler.create(
            tokens,
            config.admin().lockout(),
            work.clients(),
            FailedAttempts.on(config.admin().lockout(), setup.clock()));
    BodyHandler body =
        BodyHandler.create(false)
            .setBodyLimit(config.server().bodyLimitBytes())
            .setHandleFileUploads(false);
    ResourceService resources =
        new ResourceService(
            store,
            new ResourceReader(ids, setup.jsonLd(), config.input().json()),
            setup.validator(),
            work.read(),
            work.write());
    PrometheusMeterRegistry metrics =
        setup.metrics() != null
            ? setup.metrics()
            : new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    GraphRenderer renderer = new GraphRenderer(setup.compactor(), NodePrefixes.standard());
    NodeServices services = new NodeServices();
    services.register(NodeServices.RESOURCES, resources);
    SearchService searchService = search == null ? null : new SearchService(search, work.search());
    if (searchService != null) {
      services.register(NodeServices.SEARCH, searchService);
    }
    SparqlService sparql =
        new SparqlService(
            dataset.dataset(),
            work.sparql(),
            config.sparql().timeout(),
            config.sparql().resultCap(),
            config.sparql().limits());
    services.register(NodeServices.SPARQL, sparql);
    NodeDescriptorRoutes descriptor =
        coverage != null
            ? new NodeDescriptorRoutes(config, coverage)
            : NodeDescriptorRoutes.scanning(config, store, setup::broaderSkills, work.read());
    services.register(NodeServices.DESCRIPTOR, descriptor);
    ProblemHandler problems =
        ProblemHandler.create(
            List.of(new WorkProblems(), new ResourceProblems(), new SparqlProblems()));
    NodeContext context =
        new NodeContext(vertx, config, store, work, body, admin, services, problems, setup.clock());
    // Every extension registers its services before any mounts routes: pages find them all.
    for (NodeExtension extension : setup.extensions()) {
      started.add(extension);
      extension.start(context);
    }

    Router router = Router.router(vertx);
    // Before every other route, whatever order those ask for (the resource page asks for 0).
    router.route().order(-4).handler(Utf8RequestTarget.create());
    router.route().order(-3).handler(SecurityHeaders.create(config.server().tls() != null));
    router.route().order(-2).handler(RequestTargetCheck.create());
    router.route().order(-1).handler(AccessLog.create());
    new ResourceRoutes(resources, admin, body, renderer).mount(router);
    descriptor.mount(router);
    new HealthRoutes(resources, metrics).mount(router);
    new OpenApiRoutes(config.server().baseUrl()).mount(router);
    new ContextRoutes().mount(router);
    new SparqlRoutes(sparql, body, work.share(work.sparql())).mount(router);
    if (searchService != null) {
      new SearchRoutes(searchService, work.share(work.search())).mount(router);
    }
    setup.extensions().forEach(extension -> extension.mount(router, context));
    router.route().failureHandler(problems);
    RouteMethods methods = RouteMethods.of(router);
    for (int status : new int[] {400, 404, 406, 413, 415, 417, 429, 500, 503}) {
      router.errorHandler(status, problems.forStatus(status));
    }
    router.errorHandler(405, methods.allowing(problems.forStatus(405)));
    return router;
  }
}
