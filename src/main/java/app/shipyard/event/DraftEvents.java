package app.shipyard.event;

import app.shipyard.identity.Person;
import app.shipyard.identity.Role;
import app.shipyard.web.AppError;
import app.shipyard.web.Params;
import app.shipyard.web.Routes;
import app.shipyard.web.Viewer;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/**
 * A draft is the organisers' work in progress. Organisers and admins see and change it; leadership reads it; to
 * everyone else every route below {@code /events/:id} and {@code /api/events/:id} answers 404, as if it did not
 * exist, and event lists leave it out. Register before the routes it covers.
 */
public final class DraftEvents implements Routes.Feature {

  private final EventRepository events;

  public DraftEvents(EventRepository events) {
    this.events = events;
  }

  /** Whether the person sees draft events (in lists and on their pages): organisers, admins and leadership. */
  public static boolean seesDrafts(Person person) {
    return changesDrafts(person) || person.has(Role.LEADERSHIP);
  }

  private static boolean changesDrafts(Person person) {
    return person.has(Role.ORGANISER) || person.has(Role.ADMIN);
  }

  @Override
  public void register(Routes routes) {
    routes.guard("/events/:id", this::visible).guard("/api/events/:id", this::visible);
  }

  private Future<Void> visible(RoutingContext ctx) {
    Optional<Person> viewer = Viewer.of(ctx).map(Viewer::person);
    if (viewer.isPresent() && changesDrafts(viewer.get())) {
      return Future.succeededFuture();
    }
    long id = Params.id(ctx, "id", "That event");
    return events.phase(id).compose(phase -> {
      if (phase.isEmpty() || phase.get() == Phase.DRAFT && !viewer.map(DraftEvents::seesDrafts).orElse(false)) {
        return Future.failedFuture(AppError.notFound("That event"));
      }
      if (phase.get() == Phase.DRAFT && !readOnly(ctx.request().method())) {
        return Future.failedFuture(AppError.conflict("This event is a draft: leadership reads it, and only "
            + "organisers or admins change anything in it until it opens."));
      }
      return Future.succeededFuture();
    });
  }

  private static boolean readOnly(HttpMethod method) {
    return method == HttpMethod.GET || method == HttpMethod.HEAD;
  }
}
