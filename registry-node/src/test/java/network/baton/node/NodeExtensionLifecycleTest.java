package network.baton.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.junit5.VertxExtension;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import network.baton.node.config.NodeConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
@Timeout(60)
class NodeExtensionLifecycleTest {

  @TempDir Path dataDir;

  /** Records its calls; its mount asks for the service of the other extension. */
  private record Recording(String name, String other, List<String> events)
      implements NodeExtension {
    @Override
    public void start(NodeContext context) {
      events.add(name + " start");
      context.services().register(ServiceKey.of(name, String.class), name + " service");
    }

    @Override
    public void mount(Router router, NodeContext context) {
      String found = context.services().get(ServiceKey.of(other, String.class));
      events.add(name + " mount, found " + found);
    }

    @Override
    public void close() {
      events.add(name + " close");
    }
  }

  @Test
  void everyExtensionStartsBeforeAnyMountsAndTheyCloseLastStartedFirst(Vertx vertx) {
    List<String> events = new CopyOnWriteArrayList<>();
    NodeSetup setup =
        NodeSetup.bare()
            .withExtensions(
                List.of(new Recording("a", "b", events), new Recording("b", "a", events)));
    NodeConfig config = NodeConfig.defaults(dataDir, URI.create("http://node.test")).withPort(0);

    RunningNode node = RunningNode.start(vertx, config, setup);
    assertThat(node.get("/health", null).statusCode()).isEqualTo(200);
    node.close();

    assertThat(events)
        .containsExactly(
            "a start",
            "b start",
            "a mount, found b service",
            "b mount, found a service",
            "b close",
            "a close");
  }

  @Test
  void theNodeRegistersItsOwnServicesBeforeExtensionsStart(Vertx vertx) {
    List<String> found = new CopyOnWriteArrayList<>();
    NodeExtension probe =
        new NodeExtension() {
          @Override
          public void start(NodeContext context) {
            context.services().find(NodeServices.RESOURCES).ifPresent(s -> found.add("resources"));
            context.services().find(NodeServices.SEARCH).ifPresent(s -> found.add("search"));
          }

          @Override
          public void mount(Router router, NodeContext context) {}
        };
    NodeConfig config = NodeConfig.defaults(dataDir, URI.create("http://node.test")).withPort(0);

    RunningNode node =
        RunningNode.start(vertx, config, NodeSetup.bare().withExtensions(List.of(probe)));
    node.close();

    assertThat(found).containsExactly("resources", "search");
  }
}
