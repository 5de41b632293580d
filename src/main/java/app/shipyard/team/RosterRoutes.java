package app.shipyard.team;

import app.shipyard.award.Award;
import app.shipyard.award.AwardRepository;
import app.shipyard.identity.Person;
import app.shipyard.identity.Role;
import app.shipyard.event.Event;
import app.shipyard.event.EventRepository;
import app.shipyard.web.Access;
import app.shipyard.web.Answer;
import app.shipyard.web.AppError;
import app.shipyard.web.Params;
import app.shipyard.web.Routes;
import app.shipyard.web.Viewer;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
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
  private final AwardRepository awards;

  /**
   * One team's page as one person sees it: their own pending request (or null), the requests and matches they see
   * if they manage the team (matches null otherwise), and what they may do.
   */
  record TeamView(Team team, Event event, String tab, JoinRequest myRequest, List<JoinRequest> requests,
                  boolean manages, MatchFinder.ForTeam matches, boolean canJoin, boolean byRequest,
                  boolean canLeave, List<Team.Member> handOverTo, List<Award> awards) {}

  /** An event's teams tab. */
  record TeamsView(Event event, String tab, List<Team> teams, boolean isOrganiser) {}

  public RosterRoutes(TeamRepository teams, JoinRequestRepository requests, MatchFinder matches,
                      EventRepository events, AwardRepository awards) {
    this.awards = awards;
    this.teams = teams;
    this.requests = requests;
    this.matches = matches;
    this.events = events;
  }

  @Override
  public void register(Routes routes) {
    routes.get("/pitches/:id/team", Access.signedIn(), this::teamPage)
        .get("/events/:id/teams", Access.signedIn(), this::teamsPage)
        .get("/events/:id/teams.csv", ORGANISERS, this::teamsCsv)
        .get("/api/pitches/:id/team", Access.signedIn(), this::teamApi)
        .get("/api/pitches/:id/matches", Access.signedIn(), this::teamMatchesApi)
        .get("/api/events/:id/teams", Access.signedIn(), this::teamsApi)
        .get("/api/events/:id/matches/me", Access.signedIn(), this::myMatchesApi);
  }

  private Future<Answer> teamPage(RoutingContext ctx) {
    long id = Params.id(ctx, "id", "That pitch");
    Person me = Viewer.person(ctx);
    return teams.team(id).compose(team -> {
      boolean manages = Membership.mayManage(me, team.captainId());
      return Future.all(List.of(events.get(team.eventId()), requests.pendingOf(id, me.id()),
          manages ? requests.pending(id) : Future.succeededFuture(List.of()),
          manages ? matches.forTeam(team).map(Optional::of) : Future.succeededFuture(Optional.empty()),
          awards.ofPitch(id)))
          .map(all -> teamView(me, team, all.resultAt(0), all.resultAt(1), all.resultAt(2), all.resultAt(3),
              all.resultAt(4)));
    }).map(view -> Answer.page("team/team", view.team().title() + " · team", view));
  }

  private static TeamView teamView(Person me, Team team, Event event, Optional<JoinRequest> mine,
                                   List<JoinRequest> pending, Optional<MatchFinder.ForTeam> found,
                                   List<Award> awards) {
    boolean open = event.phase().teamsOpen();
    boolean member = team.hasMember(me.id());
    boolean captain = me.id() == team.captainId();
    boolean canJoin = open && team.approved() && !member && mine.isEmpty() && team.openPlaces() > 0
        && me.has(Role.EMPLOYEE);
    List<Team.Member> handOverTo = open && captain
        ? team.members().stream().filter(m -> !m.captain()).toList() : List.of();
    return new TeamView(team, event, "teams", mine.orElse(null), pending, Membership.mayManage(me, team.captainId()),
        found.orElse(null), canJoin, event.rules().joinByRequest(), open && member && !captain, handOverTo, awards);
  }

  private Future<Answer> teamApi(RoutingContext ctx) {
    long id = Params.id(ctx, "id", "That pitch");
    return teams.team(id).compose(t -> awards.ofPitch(id)
        .map(list -> Answer.json(TeamJson.of(t).put("awards", Award.toJson(list)))));
  }

  private Future<Answer> teamMatchesApi(RoutingContext ctx) {
    Person me = Viewer.person(ctx);
    return teams.team(Params.id(ctx, "id", "That pitch")).compose(t -> Membership.mayManage(me, t.captainId())
            ? matches.forTeam(t)
            : Future.failedFuture(AppError.forbidden("Only this team's captain or an organiser sees its matches.")))
        .map(m -> Answer.json(m.json()));
  }

  private Future<Answer> myMatchesApi(RoutingContext ctx) {
    long id = Params.id(ctx, "id", "That event");
    return events.get(id).compose(e -> matches.forPerson(id, Viewer.person(ctx))).map(m -> Answer.json(m.json()));
  }

  private Future<Answer> teamsPage(RoutingContext ctx) {
    long id = Params.id(ctx, "id", "That event");
    boolean organiser = Membership.isOrganiser(Viewer.person(ctx));
    return Future.all(events.get(id), teams.teams(id)).map(all -> {
      Event event = all.resultAt(0);
      return Answer.page("team/teams", event.title() + " · teams",
          new TeamsView(event, "teams", all.resultAt(1), organiser));
    });
  }

  private Future<Answer> teamsApi(RoutingContext ctx) {
    long id = Params.id(ctx, "id", "That event");
    return events.get(id).compose(e -> teams.teams(id)).map(list -> Answer.json(TeamJson.teams(list)));
  }

  private Future<Answer> teamsCsv(RoutingContext ctx) {
    long id = Params.id(ctx, "id", "That event");
    return Future.all(events.get(id), teams.teams(id)).map(all -> {
      Event event = all.resultAt(0);
      return Answer.bytes("text/csv; charset=utf-8", Map.of(
          HttpHeaders.CONTENT_DISPOSITION.toString(), "attachment; filename=\"event-" + id + "-teams.csv\"",
          HttpHeaders.CACHE_CONTROL.toString(), "no-store"),
          Buffer.buffer(TeamsCsv.write(event.title(), all.resultAt(1))));
    });
  }
}
