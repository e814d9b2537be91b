package network.baton.federation;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import network.baton.node.NodeSetup;
import network.baton.node.federation.Member;
import network.baton.node.importer.ImportFileReader;
import network.baton.node.importer.ImportFormat;
import network.baton.node.importer.ImportProgress;
import network.baton.node.importer.ImportSummary;
import network.baton.node.importer.OnlineImporter;
import network.baton.node.importer.ParsedFile;
import network.baton.node.launch.LocalMember;
import network.baton.node.launch.LocalNetwork;
import network.baton.node.launch.MemberPlan;
import network.baton.node.launch.NetworkOptions;
import network.baton.vocab.ContextLoader;
import network.baton.vocab.SampleContent;
import network.baton.vocab.SampleContent.Institution;

/**
 * Several real member nodes in one JVM whose configs list each other (no signed list), each on its
 * own loopback port with its own TDB2 store, publishing one institution's sample content through
 * the HTTP API as staff would. Started by the {@link LocalNetwork} launcher.
 */
final class ListedNetwork implements AutoCloseable {

  private final LocalNetwork network;
  private final Map<String, Long> published = new HashMap<>();

  private ListedNetwork(LocalNetwork network) {
    this.network = network;
  }

  /** Starts one node per institution; every node's config lists every node. */
  static ListedNetwork start(Path root, List<Institution> institutions) {
    return start(root, institutions, List.of());
  }

  /**
   * Starts one node per institution (its key naming it); every node's config lists every node
   * (itself included) and {@code alsoListed} as the members federated search calls.
   */
  static ListedNetwork start(Path root, List<Institution> institutions, List<Member> alsoListed) {
    ListedNetwork listed =
        new ListedNetwork(
            LocalNetwork.start(
                root.resolve("nodes"),
                NetworkOptions.builder()
                    .listingEachOther(alsoListed)
                    // The production setup over the members the config lists.
                    .setup(config -> NodeSetup.standard())
                    .build(),
                institutions.stream().map(i -> MemberPlan.named(i.key())).toList()));
    try {
      for (int i = 0; i < institutions.size(); i++) {
        LocalMember member = listed.members().get(i);
        listed.published.put(member.key(), publish(member, institutions.get(i)));
      }
      return listed;
    } catch (RuntimeException e) {
      listed.close();
      throw e;
    }
  }

  /** The members, in the order of their institutions. */
  List<LocalMember> members() {
    return network.members();
  }

  /** How many resources the member published. */
  long published(LocalMember member) {
    return published.get(member.key());
  }

  /** Publishes the institution's sample content through the node's own API, as staff would. */
  private static long publish(LocalMember member, Institution institution) {
    SampleContent sample = SampleContent.create();
    ImportFileReader reader = new ImportFileReader(ContextLoader.bundled(), member.url() + "/");
    String text = sample.text(institution);
    ImportFormat format = ImportFormat.of(Path.of(institution.resource()), text);
    ParsedFile file = reader.split(institution.resource(), reader.parse(text, format));
    OnlineImporter importer =
        new OnlineImporter(
            HttpClient.newHttpClient(), URI.create(member.url()), member.adminToken(), 4);
    StringWriter progress = new StringWriter();
    ImportSummary summary =
        importer.run(
            file.items(),
            file.rejected(),
            ImportProgress.on(new PrintWriter(progress), file.items().size()),
            iri -> {});
    if (summary.exitCode() != 0) {
      StringWriter out = new StringWriter();
      summary.print(new PrintWriter(out, true));
      throw new IllegalStateException("sample content was not published: " + out);
    }
    return summary.stored();
  }

  @Override
  public void close() {
    network.close();
  }
}
