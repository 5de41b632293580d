package app.shipyard.showcase;

import app.shipyard.outcome.ProjectGuard;
import app.shipyard.web.Access;
import app.shipyard.web.Answer;
import app.shipyard.web.Params;
import app.shipyard.web.Routes;
import app.shipyard.web.Viewer;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/** The Atom feeds of newly published results and shipped outcomes: the whole showcase's and each event's. */
public final class FeedRoutes implements Routes.Feature {

  private final FeedRepository feed;
  private final ShowcaseRepository showcase;

  public FeedRoutes(FeedRepository feed, ShowcaseRepository showcase) {
    this.feed = feed;
    this.showcase = showcase;
  }

  @Override
  public void register(Routes routes) {
    routes.get("/showcase/feed.atom", Access.signedIn(), this::all)
        .get("/showcase/events/:id/feed.atom", Access.signedIn(), this::ofEvent);
  }

  private Future<Answer> all(RoutingContext ctx) {
    return showcase.version().compose(version -> Freshness.answer(ctx, Freshness.etag(ctx, "feed", version, false),
        () -> feed.entries(null).map(entries -> atom(AtomFeed.write(origin(ctx), "/showcase/feed.atom", "/showcase",
            "Shipyard showcase: results and shipped projects", entries)))));
  }

  private Future<Answer> ofEvent(RoutingContext ctx) {
    long id = Params.id(ctx, "id", "That event");
    String path = "/showcase/events/" + id;
    return showcase.event(id).map(found -> ShowcaseRoutes.seen(found, Viewer.person(ctx))).compose(event -> {
      if (!ProjectGuard.published(event.phase())) {
        return Future.succeededFuture(ShowcaseRoutes.notYet(event.phase()));
      }
      return showcase.version(id).compose(version -> Freshness.answer(ctx, Freshness.etag(ctx, "feed-" + id,
              version.orElse(0L).toString(), false),
          () -> feed.entries(id).map(entries -> atom(AtomFeed.write(origin(ctx), path + "/feed.atom", path,
              event.title() + ": results and shipped projects", entries)))));
    });
  }

  private static Answer atom(String xml) {
    return Answer.bytes(AtomFeed.CONTENT_TYPE, Map.of(), Buffer.buffer(xml));
  }

  /** Where the client reached us ({@code http://host:port}), for the feed's absolute links. */
  private static String origin(RoutingContext ctx) {
    return ctx.request().scheme() + "://" + ctx.request().authority();
  }
}
