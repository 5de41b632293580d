package app.shipyard.team;

import app.shipyard.identity.Person;
import app.shipyard.identity.Role;
import app.shipyard.event.Event;
import app.shipyard.event.EventRepository;
import app.shipyard.web.Access;
import app.shipyard.web.AppError;
import app.shipyard.web.Params;
import app.shipyard.web.Responses;
import app.shipyard.web.Routes;
import app.shipyard.web.Viewer;
import app.shipyard.web.Views;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who is on which team, as pages, API and CSV: the team page (members, requests, hand-over, matches), the event's
 * teams tab, the organisers' CSV export, and the pitches matching a person's skills.
 */
public final class RosterRoutes implements Routes.Feature {

  private static final Access ORGANISERS = Access.roles(Role.ORGANISER, Role.ADMIN);
  private final TeamRepository teams;
  private final JoinRequestRepository requests;
  private final MatchFinder matches;
  private final EventRepository events;
  private final Views views;

  public RosterRoutes(TeamRepository teams, JoinRequestRepository requests, MatchFinder matches, EventRepository events,
                      Views views) {
    this.teams = teams;
    this.requests = requests;
    this.matches = matches;
    this.events = events;
    this.views = views;
  }

  @Override
  public void register(Routes routes) {
    routes.legacyGet("/pitches/:id/team", Access.signedIn(), this::teamPage)
        .legacyGet("/events/:id/teams", Access.signedIn(), this::teamsPage)
        .legacyGet("/events/:id/teams.csv", ORGANISERS, this::teamsCsv)
        .legacyGet("/api/pitches/:id/team", Access.signedIn(), this::teamApi)
        .legacyGet("/api/pitches/:id/matches", Access.signedIn(), this::teamMatchesApi)
        .legacyGet("/api/events/:id/teams", Access.signedIn(), this::teamsApi)
        .legacyGet("/api/events/:id/matches/me", Access.signedIn(), this::myMatchesApi);
  }

  private void teamPage(RoutingContext ctx) {
    long id = Params.id(ctx, "id", "That pitch");
    Person me = Viewer.person(ctx);
    teams.team(id).compose(team -> {
      boolean manages = Membership.mayManage(me, team.captainId());
      return Future.all(events.get(team.eventId()), requests.pendingOf(id, me.id()),
          manages ? requests.pending(id) : Future.succeededFuture(List.of()),
          manages ? matches.forTeam(team).map(Optional::of) : Future.succeededFuture(Optional.empty()))
          .map(all -> teamModel(me, team, all.resultAt(0), all.resultAt(1), all.resultAt(2), all.resultAt(3)));
    }).onSuccess(model -> views.page(ctx, "team/team", ((Team) model.get("team")).title() + " · team", model))
        .onFailure(ctx::fail);
  }

  private static Map<String, Object> teamModel(Person me, Team team, Event event, Optional<JoinRequest> mine,
                                               List<JoinRequest> pending, Optional<MatchFinder.ForTeam> found) {
    boolean open = event.phase().teamsOpen();
    boolean member = team.hasMember(me.id());
    boolean captain = me.id() == team.captainId();
    Map<String, Object> model = new HashMap<>();
    model.put("team", team);
    model.put("event", event);
    model.put("tab", "teams");
    model.put("myRequest", mine.orElse(null));
    model.put("requests", pending);
    model.put("manages", Membership.mayManage(me, team.captainId()));
    found.ifPresent(m -> model.put("matches", m));
    model.put("canJoin", open && team.approved() && !member && mine.isEmpty() && team.openPlaces() > 0
        && me.has(Role.EMPLOYEE));
    model.put("byRequest", event.rules().joinByRequest());
    model.put("canLeave", open && member && !captain);
    model.put("handOverTo", open && captain
        ? team.members().stream().filter(m -> !m.captain()).toList() : List.of());
    return model;
  }

  private void teamApi(RoutingContext ctx) {
    teams.team(Params.id(ctx, "id", "That pitch")).onSuccess(t -> Responses.json(ctx, TeamJson.of(t)))
        .onFailure(ctx::fail);
  }

  private void teamMatchesApi(RoutingContext ctx) {
    Person me = Viewer.person(ctx);
    teams.team(Params.id(ctx, "id", "That pitch")).compose(t -> Membership.mayManage(me, t.captainId())
            ? matches.forTeam(t)
            : Future.failedFuture(AppError.forbidden("Only this team's captain or an organiser sees its matches.")))
        .onSuccess(m -> Responses.json(ctx, m.json())).onFailure(ctx::fail);
  }

  private void myMatchesApi(RoutingContext ctx) {
    long id = Params.id(ctx, "id", "That event");
    events.get(id).compose(e -> matches.forPerson(id, Viewer.person(ctx)))
        .onSuccess(m -> Responses.json(ctx, m.json())).onFailure(ctx::fail);
  }

  private void teamsPage(RoutingContext ctx) {
    long id = Params.id(ctx, "id", "That event");
    Future.all(events.get(id), teams.teams(id)).onSuccess(all -> {
      Event event = all.resultAt(0);
      views.page(ctx, "team/teams", event.title() + " · teams", Map.of("event", event, "tab", "teams",
          "teams", all.resultAt(1), "isOrganiser", Membership.isOrganiser(Viewer.person(ctx))));
    }).onFailure(ctx::fail);
  }

  private void teamsApi(RoutingContext ctx) {
    long id = Params.id(ctx, "id", "That event");
    events.get(id).compose(e -> teams.teams(id)).onSuccess(list -> Responses.json(ctx, TeamJson.teams(list)))
        .onFailure(ctx::fail);
  }

  private void teamsCsv(RoutingContext ctx) {
    long id = Params.id(ctx, "id", "That event");
    Future.all(events.get(id), teams.teams(id)).onSuccess(all -> {
      Event event = all.resultAt(0);
      ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/csv; charset=utf-8")
          .putHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"event-" + id + "-teams.csv\"")
          .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
          .end(TeamsCsv.write(event.title(), all.resultAt(1)));
    }).onFailure(ctx::fail);
  }
}
