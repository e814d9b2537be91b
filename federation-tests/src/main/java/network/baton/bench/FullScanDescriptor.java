package network.baton.bench;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import network.baton.node.NodeContext;
import network.baton.node.NodeExtension;
import network.baton.node.http.Json;
import network.baton.node.http.NodeDescriptorRoutes;
import network.baton.node.store.ResourceStore;
import network.baton.node.store.SkillCoverage;

/**
 * The old descriptor route, the descriptor benchmark's baseline, as the node had it before the
 * coverage was kept in memory: the live count and every resource's skills read on the Jena pool per
 * request, the coverage folded and the document encoded. Counts the scans still running.
 */
final class FullScanDescriptor implements NodeExtension {
  private final String path;
  private final Function<String, Set<String>> broaderSkills;
  private final AtomicInteger running = new AtomicInteger();

  FullScanDescriptor(String path, Function<String, Set<String>> broaderSkills) {
    this.path = path;
    this.broaderSkills = broaderSkills;
  }

  /** Scans started and not finished (a request given up on goes on in the node). */
  int running() {
    return running.get();
  }

  @Override
  public void mount(Router router, NodeContext context) {
    router.get(path).handler(rc -> scan(rc, context));
  }

  private void scan(RoutingContext rc, NodeContext context) {
    ResourceStore store = context.store();
    WorkerExecutor pool = context.work().read();
    running.incrementAndGet();
    Future.all(
            pool.executeBlocking(store::count, false),
            pool.executeBlocking(store::skillsByResource, false))
        .onSuccess(
            all -> {
              long count = all.resultAt(0);
              Map<String, Set<String>> skills = all.resultAt(1);
              Json.reply(
                  rc,
                  200,
                  "application/ld+json",
                  NodeDescriptorRoutes.document(
                      context.config(), SkillCoverage.of(count, skills, broaderSkills)));
            })
        .onFailure(rc::fail)
        .onComplete(done -> running.decrementAndGet());
  }
}
