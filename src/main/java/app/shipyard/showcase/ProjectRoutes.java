package app.shipyard.showcase;

import app.shipyard.attachment.Galleries;
import app.shipyard.attachment.Gallery;
import app.shipyard.cache.Clock;
import app.shipyard.identity.Role;
import app.shipyard.outcome.ImpactKind;
import app.shipyard.outcome.Outcome;
import app.shipyard.outcome.OutcomeKind;
import app.shipyard.pitch.Audience;
import app.shipyard.web.Access;
import app.shipyard.web.Answer;
import app.shipyard.web.Input;
import app.shipyard.web.Markdown;
import app.shipyard.web.Params;
import app.shipyard.web.Routes;
import app.shipyard.web.Viewer;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A project's stable page, {@code /projects/{id}} (the pitch id, whatever the title becomes; {@code /projects/{id}-slug}
 * redirects there), and its demo links, kept by its captain and the organisers. Outcomes are recorded by
 * {@code outcome/OutcomeRoutes}.
 */
public final class ProjectRoutes implements Routes.Feature {

  private static final Access KEEPERS = Access.roles(Role.EMPLOYEE, Role.ORGANISER, Role.ADMIN);
  private static final Pattern WITH_SLUG = Pattern.compile("([1-9][0-9]{0,18})-[A-Za-z0-9-]*");
  private final ProjectRepository projects;
  private final Galleries galleries;
  private final KeptProjects kept;

  ProjectRoutes(ProjectRepository projects, Galleries galleries, KeptPages pages) {
    this.projects = projects;
    this.galleries = galleries;
    this.kept = new KeptProjects(projects, galleries, pages);
  }

  @Override
  public void register(Routes routes) {
    routes.get("/projects/:id", Access.signedIn(), ctx -> project(ctx, true))
        .post("/projects/:id/links", KEEPERS, ctx -> addLink(ctx).map(id -> back(ctx)))
        .post("/projects/:id/links/:linkId/delete", KEEPERS, ctx -> removeLink(ctx).map(d -> back(ctx)))
        .get("/api/projects/:id", Access.signedIn(), ctx -> project(ctx, false))
        .post("/api/projects/:id/links", KEEPERS, this::addLinkApi)
        .delete("/api/projects/:id/links/:linkId", KEEPERS, ctx -> removeLink(ctx).map(d -> Answer.noContent()));
  }

  /** The project's view for one viewer: what they may do on it, its Markdown rendered, its outcomes split. */
  record ProjectView(Project project, String problemHtml, String ideaHtml, Outcome outcome, List<Outcome> history,
                     boolean canManage, List<OutcomeKind> outcomeKinds, List<ImpactKind> impactKinds,
                     Gallery gallery) {}

  private Future<Answer> project(RoutingContext ctx, boolean page) {
    Matcher slugged = WITH_SLUG.matcher(ctx.pathParam("id"));
    if (page && slugged.matches()) {
      return Future.succeededFuture(new Answer.Bytes(301, "text/plain; charset=utf-8",
          Map.of("Location", "/projects/" + slugged.group(1)), Buffer.buffer()));
    }
    long id = Params.id(ctx, "id", "That pitch");
    Audience who = Audience.of(Viewer.person(ctx));
    Optional<String> version = Clock.version(ctx);
    return kept.find(id, version).compose(found -> found.isEmpty() ? stored(ctx, id, who, page)
        : Freshness.answer(ctx, Freshness.etag(ctx, "project-" + id, version.get(), page),
            () -> found.get().answerFor(who, page).map(Future::succeededFuture)
                .orElseGet(() -> build(ctx, id, who, page))));
  }

  /** Versioned by the database's counters: whatever is not kept (not published, hidden, no change clock). */
  private Future<Answer> stored(RoutingContext ctx, long id, Audience who, boolean page) {
    return projects.version(id, who).compose(version -> version.isEmpty() ? build(ctx, id, who, page)
        : Freshness.answer(ctx, Freshness.etag(ctx, "project-" + id, version.get().toString(), page),
            () -> build(ctx, id, who, page)));
  }

  private Future<Answer> build(RoutingContext ctx, long id, Audience who, boolean page) {
    return projects.get(id, who).compose(p -> {
      if (!p.published()) {
        return Future.succeededFuture(page ? Answer.seeOther("/pitches/" + id) : ShowcaseRoutes.notYet(p.phase()));
      }
      if (!page) {
        return Future.succeededFuture(Answer.json(ShowcaseJson.project(p)));
      }
      return galleries.of(id, Viewer.person(ctx)).map(gallery -> page(p, who, gallery));
    });
  }

  /** The page of a published project for {@code who}. */
  static Answer page(Project p, Audience who, Gallery gallery) {
    List<Outcome> outcomes = p.outcomes();
    return Answer.page("showcase/project", p.title(), new ProjectView(p, Markdown.toHtml(p.problem()),
        Markdown.toHtml(p.idea()), p.outcome(), outcomes.isEmpty() ? List.of() : outcomes.subList(1, outcomes.size()),
        who.manages(p.captainId()), List.of(OutcomeKind.values()), List.of(ImpactKind.values()), gallery));
  }

  private Future<Long> addLink(RoutingContext ctx) {
    long id = Params.id(ctx, "id", "That pitch");
    NewLink link = NewLink.read(Input.of(ctx));
    return projects.addLink(id, Audience.of(Viewer.person(ctx)), link);
  }

  private Future<Answer> addLinkApi(RoutingContext ctx) {
    Audience who = Audience.of(Viewer.person(ctx));
    return addLink(ctx).compose(linkId -> projects.get(Params.id(ctx, "id", "That pitch"), who)
        .map(p -> Answer.json(201, ShowcaseJson.link(p.links().stream().filter(k -> k.id() == linkId).findFirst()
            .orElseThrow()))));
  }

  private Future<Void> removeLink(RoutingContext ctx) {
    long id = Params.id(ctx, "id", "That pitch");
    long linkId = Params.id(ctx, "linkId", "That link");
    return projects.removeLink(id, linkId, Audience.of(Viewer.person(ctx)));
  }

  private static Answer back(RoutingContext ctx) {
    return Answer.seeOther("/projects/" + Params.id(ctx, "id", "That pitch") + "#links");
  }
}
