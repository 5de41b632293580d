package app.shipyard.showcase;

import app.shipyard.cache.Clock;
import app.shipyard.event.DraftEvents;
import app.shipyard.event.Phase;
import app.shipyard.identity.Person;
import app.shipyard.outcome.ProjectGuard;
import app.shipyard.showcase.ShowcaseViews.ArchiveView;
import app.shipyard.showcase.ShowcaseViews.EventView;
import app.shipyard.showcase.ShowcaseViews.ShippedView;
import app.shipyard.web.Access;
import app.shipyard.web.Answer;
import app.shipyard.web.AppError;
import app.shipyard.web.Params;
import app.shipyard.web.Routes;
import app.shipyard.web.Viewer;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Optional;

/**
 * The archive, an event's gallery and everything that shipped, as pages and API, for everyone signed in. Only
 * published events (in results or archived) are in it; an event still under way is answered with where to find it.
 */
public final class ShowcaseRoutes implements Routes.Feature {

  static final int EVENTS_PER_PAGE = 20;
  static final int PROJECTS_PER_PAGE = 24;
  private final ShowcaseRepository showcase;
  private final KeptPages pages;

  ShowcaseRoutes(ShowcaseRepository showcase, KeptPages pages) {
    this.showcase = showcase;
    this.pages = pages;
  }

  @Override
  public void register(Routes routes) {
    routes.get("/showcase", Access.signedIn(), ctx -> archive(ctx, true))
        .get("/showcase/shipped", Access.signedIn(), ctx -> shipped(ctx, true))
        .get("/showcase/events/:id", Access.signedIn(), ctx -> event(ctx, true))
        .get("/api/showcase", Access.signedIn(), ctx -> archive(ctx, false))
        .get("/api/showcase/shipped", Access.signedIn(), ctx -> shipped(ctx, false))
        .get("/api/showcase/events/:id", Access.signedIn(), ctx -> event(ctx, false));
  }

  /** Kept in memory per page or API, year, page number and audience while the change clock stays (see {@link KeptPages}). */
  private Future<Answer> archive(RoutingContext ctx, boolean page) {
    Integer year = year(ctx);
    int number = Params.page(ctx);
    boolean sees = ShowcaseViews.seesUnshown(Viewer.person(ctx));
    Optional<String> kept = Clock.version(ctx);
    String key = "archive|" + page + "|" + year + "|" + number + "|" + sees;
    return kept.map(Future::succeededFuture).orElseGet(showcase::version).compose(version -> Freshness.answer(ctx,
        Freshness.etag(ctx, "showcase", version, page),
        () -> pages.answer(key, kept, () -> archivePage(year, number, sees, page))));
  }

  private Future<Answer> archivePage(Integer year, int number, boolean sees, boolean page) {
    String base = year == null ? "/showcase" : "/showcase?year=" + year;
    return Future.all(showcase.archive(year, EVENTS_PER_PAGE, Paging.offset(number, EVENTS_PER_PAGE)), showcase.years())
        .map(all -> {
          List<ArchiveEvent> events = all.<List<ArchiveEvent>>resultAt(0).stream()
              .map(e -> sees ? e : e.withoutUnshown()).toList();
          ArchiveView view = ArchiveView.of(year, all.resultAt(1), Paging.of(events, EVENTS_PER_PAGE, number, base), sees);
          return page ? Answer.page("showcase/archive", "Showcase", view) : Answer.json(ShowcaseJson.archive(view));
        });
  }

  private Future<Answer> event(RoutingContext ctx, boolean page) {
    long id = Params.id(ctx, "id", "That event");
    int number = Params.page(ctx);
    return showcase.version(id).compose(version -> version.isEmpty() ? gallery(ctx, id, number, page)
        : Freshness.answer(ctx, Freshness.etag(ctx, "event-" + id, version.get().toString(), page),
            () -> gallery(ctx, id, number, page)));
  }

  private Future<Answer> gallery(RoutingContext ctx, long id, int number, boolean page) {
    Person me = Viewer.person(ctx);
    boolean sees = ShowcaseViews.seesUnshown(me);
    return showcase.event(id).compose(found -> {
      ArchiveEvent event = seen(found, me);
      if (!ProjectGuard.published(event.phase())) {
        return Future.succeededFuture(page ? Answer.seeOther("/events/" + id) : notYet(event.phase()));
      }
      return showcase.gallery(id, PROJECTS_PER_PAGE, Paging.offset(number, PROJECTS_PER_PAGE)).map(projects -> {
        EventView view = new EventView(sees ? event : event.withoutUnshown(),
            Paging.of(projects, PROJECTS_PER_PAGE, number, "/showcase/events/" + id), sees);
        return page ? Answer.page("showcase/event", event.title(), view) : Answer.json(ShowcaseJson.event(view));
      });
    });
  }

  private Future<Answer> shipped(RoutingContext ctx, boolean page) {
    int number = Params.page(ctx);
    return showcase.version().compose(version -> Freshness.answer(ctx, Freshness.etag(ctx, "shipped", version, page),
        () -> showcase.shipped(PROJECTS_PER_PAGE, Paging.offset(number, PROJECTS_PER_PAGE)).map(projects -> {
          Paging<GalleryProject> paging = Paging.of(projects, PROJECTS_PER_PAGE, number, "/showcase/shipped");
          return page ? Answer.page("showcase/shipped", "Everything that shipped", new ShippedView(paging))
              : Answer.json(ShowcaseJson.shipped(paging));
        })));
  }

  /** A draft is "not found" to whoever may not see drafts, as everywhere else (see {@link DraftEvents}). */
  static ArchiveEvent seen(Optional<ArchiveEvent> found, Person me) {
    return found.filter(e -> e.phase() != Phase.DRAFT || DraftEvents.seesDrafts(me))
        .orElseThrow(() -> AppError.notFound("That event"));
  }

  /** Refuses (throws) a read of an event or project whose event is not published yet; typed to fit in answers. */
  static Answer notYet(Phase phase) {
    throw AppError.conflict("This is not in the showcase yet: its event is in " + phase.label()
        + ". Events join the showcase once they have their results.");
  }

  private static Integer year(RoutingContext ctx) {
    Integer year = Params.optionalInt(ctx, "year");
    if (year != null && (year < 1000 || year > 9999)) {
      throw AppError.invalid("year", "must be a year like 2026");
    }
    return year;
  }
}
