package app.shipyard.voting;

import app.shipyard.event.Event;
import app.shipyard.event.EventRepository;
import app.shipyard.event.Times;
import app.shipyard.identity.Role;
import app.shipyard.web.Access;
import app.shipyard.web.Answer;
import app.shipyard.web.Input;
import app.shipyard.web.Params;
import app.shipyard.web.Routes;
import app.shipyard.web.Viewer;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * An event's voting rounds, as JSON and pages: everyone signed in reads them; organisers create, open, close and
 * reveal them.
 */
public final class RoundRoutes implements Routes.Feature {

  static final Access ORGANISERS = Access.roles(Role.ORGANISER, Role.ADMIN);

  private final RoundRepository rounds;
  private final EventRepository events;

  public RoundRoutes(RoundRepository rounds, EventRepository events) {
    this.rounds = rounds;
    this.events = events;
  }

  @Override
  public void register(Routes routes) {
    routes.get("/api/events/:id/rounds", Access.signedIn(), this::listApi)
        .post("/api/events/:id/rounds", ORGANISERS, this::createApi)
        .get("/api/rounds/:id", Access.signedIn(), this::roundApi)
        .get("/events/:id/rounds", Access.signedIn(), this::listPage)
        .post("/events/:id/rounds", ORGANISERS, this::createForm);
    for (RoundChange change : RoundChange.values()) {
      routes.post("/api/rounds/:id/" + change.action(), ORGANISERS,
              ctx -> change(ctx, change).map(round -> Answer.json(RoundJson.of(round))))
          .post("/rounds/:id/" + change.action(), ORGANISERS,
              ctx -> change(ctx, change).map(round -> Answer.seeOther("/rounds/" + round.id())));
    }
  }

  /** A choice of a select on the new-round form. */
  record Option(String key, String label, boolean selected) {}

  record RoundsView(Event event, String tab, List<Round> rounds, List<Option> ballots, List<Option> electorates,
                    List<Option> visibilities, List<Option> locations) {}

  private Future<Answer> listApi(RoutingContext ctx) {
    long id = Params.id(ctx, "id", "That event");
    return events.get(id).compose(e -> rounds.list(id))
        .map(list -> Answer.json(new JsonArray(list.stream().map(RoundJson::of).toList())));
  }

  private Future<Answer> listPage(RoutingContext ctx) {
    long id = Params.id(ctx, "id", "That event");
    return Future.all(events.get(id), rounds.list(id)).map(all -> {
      Event e = all.resultAt(0);
      List<Option> locations = IntStream.range(0, e.locationIds().size())
          .mapToObj(i -> new Option(String.valueOf(e.locationIds().get(i)), e.locations().get(i), false)).toList();
      return Answer.page("voting/rounds", "Voting · " + e.title(), new RoundsView(e, "voting", all.resultAt(1),
          options(BallotType.values(), BallotType.SINGLE, BallotType::label),
          options(Electorate.values(), Electorate.PARTICIPANTS,
              v -> v == Electorate.PARTICIPANTS ? "People taking part in this event" : "Every employee"),
          options(Visibility.values(), Visibility.AFTER_CLOSE, Visibility::label), locations));
    });
  }

  private static <E extends Enum<E> & Keyed> List<Option> options(E[] values, E chosen,
                                                                   java.util.function.Function<E, String> label) {
    return Arrays.stream(values).map(v -> new Option(v.key(), label.apply(v), v == chosen)).toList();
  }

  private Future<Long> create(RoutingContext ctx) {
    long eventId = Params.id(ctx, "id", "That event");
    return events.get(eventId).compose(event -> rounds.create(eventId,
        RoundDraft.read(Input.of(ctx), Times.zone(event.timeZone())), Viewer.person(ctx).id()));
  }

  private Future<Answer> createApi(RoutingContext ctx) {
    return create(ctx).compose(rounds::get).map(round -> Answer.json(201, RoundJson.of(round)));
  }

  private Future<Answer> createForm(RoutingContext ctx) {
    return create(ctx).map(id -> Answer.seeOther("/rounds/" + id));
  }

  private Future<Answer> roundApi(RoutingContext ctx) {
    return rounds.get(Params.id(ctx, "id", "That voting round")).map(round -> Answer.json(RoundJson.of(round)));
  }

  private Future<Round> change(RoutingContext ctx, RoundChange change) {
    long id = Params.id(ctx, "id", "That voting round");
    return rounds.change(id, change, Viewer.person(ctx).id()).compose(done -> rounds.get(id));
  }
}
