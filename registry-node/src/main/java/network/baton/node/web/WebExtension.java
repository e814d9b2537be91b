package network.baton.node.web;

import static java.util.Objects.requireNonNull;

import io.vertx.ext.web.Router;
import java.util.function.Function;
import network.baton.node.NodeContext;
import network.baton.node.NodeExtension;
import network.baton.node.federation.MemberDirectory;
import network.baton.vocab.EducationalLevels;
import network.baton.vocab.SkillFramework;

/**
 * Mounts the web pages (home, catalogue, network, resource, verify, skills, credential offers) on a
 * node; they call the services the node and the other extensions registered on its context.
 */
public final class WebExtension implements NodeExtension {

  private final SkillFramework skills;
  private final Function<NodeContext, MemberDirectory> directories;
  private final Messages messages = new Messages();
  private final EducationalLevels levels = EducationalLevels.load();

  /** Pages labelling skills from this framework, listing the members directories gives. */
  public WebExtension(SkillFramework skills, Function<NodeContext, MemberDirectory> directories) {
    this.skills = requireNonNull(skills, "skills");
    this.directories = requireNonNull(directories, "directories");
  }

  /** Pages whose network is the members the node config lists. */
  public static WebExtension fromConfig(SkillFramework skills) {
    return new WebExtension(
        skills, context -> MemberDirectory.of(context.config().federation().members()));
  }

  @Override
  public void mount(Router router, NodeContext context) {
    PageShell shell = new PageShell(context, messages);
    Labels labels = new Labels(skills, levels, messages);
    new WebRoutes(context, directories.apply(context), shell, labels, messages).mount(router);
    new VerifyPages(context, shell, labels, messages).mount(router);
    new OfferPages(context, shell, messages).mount(router);
  }
}
