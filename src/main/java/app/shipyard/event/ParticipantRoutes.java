package app.shipyard.event;

import app.shipyard.identity.Location;
import app.shipyard.account.ReferenceRepository;
import app.shipyard.web.Access;
import app.shipyard.web.AppError;
import app.shipyard.web.Params;
import app.shipyard.web.Answer;
import app.shipyard.web.Choice;
import app.shipyard.web.Routes;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The people taking part in an event and what they do in it, filterable by location and "without a team". */
public final class ParticipantRoutes implements Routes.Feature {

  private final EventRepository events;
  private final ParticipantRepository participants;
  private final ReferenceRepository reference;

  public ParticipantRoutes(EventRepository events, ParticipantRepository participants, ReferenceRepository reference) {
    this.events = events;
    this.participants = participants;
    this.reference = reference;
  }

  @Override
  public void register(Routes routes) {
    routes.get("/events/:id/people", Access.signedIn(), this::page)
        .get("/api/events/:id/people", Access.signedIn(), this::api);
  }

  /** How many of the listed people there are per location or department, most first. */
  public record Count(String name, long people) {}

  private record Filter(Integer location, boolean withoutTeam) {

    static Filter of(RoutingContext ctx) {
      Integer location = Params.optionalInt(ctx, "location");
      String withoutTeam = Params.text(ctx, "withoutTeam", 5).toLowerCase();
      if (!List.of("", "true", "false", "on").contains(withoutTeam)) {
        throw AppError.invalid("withoutTeam", "must be true or false");
      }
      return new Filter(location, withoutTeam.equals("true") || withoutTeam.equals("on"));
    }
  }

  record PeopleView(Event event, String tab, List<Participant> people, List<Count> byLocation,
                    List<Count> byDepartment, boolean withoutTeam, List<Choice> locations) {}

  private Future<Answer> page(RoutingContext ctx) {
    long id = Params.id(ctx, "id", "That event");
    Filter filter = Filter.of(ctx);
    return Future.all(events.get(id), participants.list(id, filter.location(), filter.withoutTeam()),
        reference.locations()).map(all -> {
          Event e = all.resultAt(0);
          List<Participant> people = all.resultAt(1);
          List<Location> locations = all.resultAt(2);
          return Answer.page("event/people", "People taking part · " + e.title(), new PeopleView(e, "people",
              people, byLocation(people), byDepartment(people), filter.withoutTeam(),
              locations.stream().map(l -> new Choice(l.id(), l.name(),
                  Integer.valueOf(l.id()).equals(filter.location()))).toList()));
        });
  }

  private Future<Answer> api(RoutingContext ctx) {
    long id = Params.id(ctx, "id", "That event");
    Filter filter = Filter.of(ctx);
    return Future.all(events.get(id), participants.list(id, filter.location(), filter.withoutTeam())).map(all -> {
      List<Participant> people = all.resultAt(1);
      return Answer.json(new JsonObject()
          .put("counts", new JsonObject().put("byLocation", json(byLocation(people)))
              .put("byDepartment", json(byDepartment(people))))
          .put("people", new JsonArray(people.stream().map(Participant::toJson).toList())));
    });
  }

  static List<Count> byLocation(List<Participant> people) {
    return countBy(people, p -> p.location() == null ? "No location" : p.location());
  }

  static List<Count> byDepartment(List<Participant> people) {
    return countBy(people, p -> p.department().isBlank() ? "No department" : p.department());
  }

  private static List<Count> countBy(List<Participant> people, Function<Participant, String> key) {
    return people.stream().collect(Collectors.groupingBy(key, Collectors.counting())).entrySet().stream()
        .map(e -> new Count(e.getKey(), e.getValue()))
        .sorted(Comparator.comparingLong(Count::people).reversed().thenComparing(Count::name)).toList();
  }

  private static JsonArray json(List<Count> counts) {
    return new JsonArray(counts.stream().map(c -> new JsonObject().put("name", c.name()).put("people", c.people())).toList());
  }
}
