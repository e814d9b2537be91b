package network.baton.node.sparql;

import static network.baton.node.RunningNode.fixture;

import network.baton.node.RunningNode;

/** The SPARQL tests' data: the fixture course kosen-ec101 (EC101) and its copy kosen-ec102. */
final class TwoCourses {
  private TwoCourses() {}

  /** Publishes both courses on the node. */
  static void publish(RunningNode node) {
    node.post("/resources", "text/turtle", fixture("course.ttl"));
    node.post(
        "/resources",
        "text/turtle",
        fixture("course.ttl").replace("kosen-ec101", "kosen-ec102").replace("EC101", "EC102"));
  }
}
