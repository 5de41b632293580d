package app.shipyard.team;

import app.shipyard.identity.Person;
import app.shipyard.identity.Role;
import app.shipyard.pitch.PitchJson;
import app.shipyard.pitch.PitchRepository;
import app.shipyard.web.Access;
import app.shipyard.web.Answer;
import app.shipyard.web.AppError;
import app.shipyard.web.Idempotency;
import app.shipyard.web.Input;
import app.shipyard.web.Params;
import app.shipyard.web.Routes;
import app.shipyard.web.Viewer;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/**
 * Changing teams, as forms and API: join (or ask to join), leave, decide on join requests, withdraw one, and hand
 * over captaincy. Every form answers with a redirect to the page that shows the result.
 */
public final class TeamRoutes implements Routes.Feature {

  private static final Access EMPLOYEES = Access.roles(Role.EMPLOYEE);
  private final TeamRepository teams;
  private final JoinRequestRepository requests;
  private final PitchRepository pitches;
  private final Idempotency idempotency;

  public TeamRoutes(TeamRepository teams, JoinRequestRepository requests, PitchRepository pitches,
                    Idempotency idempotency) {
    this.teams = teams;
    this.requests = requests;
    this.pitches = pitches;
    this.idempotency = idempotency;
  }

  @Override
  public void register(Routes routes) {
    routes.post("/pitches/:id/join", EMPLOYEES, this::joinForm)
        .post("/pitches/:id/leave", EMPLOYEES, this::leaveForm)
        .post("/pitches/:id/captain", EMPLOYEES, this::handOverForm)
        .post("/join-requests/:id/approve", Access.signedIn(), ctx -> decide(ctx, true).map(TeamRoutes::toTeam))
        .post("/join-requests/:id/decline", Access.signedIn(), ctx -> decide(ctx, false).map(TeamRoutes::toTeam))
        .post("/join-requests/:id/withdraw", EMPLOYEES, ctx -> withdraw(ctx).map(TeamRoutes::toTeam))
        .post("/api/pitches/:id/join", EMPLOYEES, idempotency.wrap(this::joinApi))
        .post("/api/pitches/:id/leave", EMPLOYEES, this::leaveApi)
        .post("/api/pitches/:id/captain", EMPLOYEES, this::handOverApi)
        .get("/api/pitches/:id/requests", Access.signedIn(), this::pendingApi)
        .post("/api/join-requests/:id/approve", Access.signedIn(), ctx -> decide(ctx, true).map(TeamRoutes::json))
        .post("/api/join-requests/:id/decline", Access.signedIn(), ctx -> decide(ctx, false).map(TeamRoutes::json))
        .post("/api/join-requests/:id/withdraw", EMPLOYEES, ctx -> withdraw(ctx).map(TeamRoutes::json));
  }

  /** Joins directly, or files a join request where the event wants captains to approve; the request id if so. */
  private Future<Optional<Long>> join(RoutingContext ctx, long pitchId) {
    Input input = Input.of(ctx);
    String message = input.optional("message", 1000);
    input.check();
    return teams.joinOrRequest(pitchId, Viewer.person(ctx).id(), message);
  }

  private Future<Answer> joinForm(RoutingContext ctx) {
    long id = Params.id(ctx, "id", "That pitch");
    return join(ctx, id).map(request -> Answer.seeOther("/pitches/" + id + (request.isPresent() ? "/team" : "")));
  }

  /** 202 with the join request filed, or 200 with the pitch joined. */
  private Future<Answer> joinApi(RoutingContext ctx) {
    long id = Params.id(ctx, "id", "That pitch");
    return join(ctx, id).compose(request -> request.isPresent()
        ? requests.get(request.get()).map(r -> Answer.json(202, TeamJson.of(r)))
        : pitches.get(id).map(p -> Answer.json(PitchJson.of(p))));
  }

  private Future<Answer> leaveForm(RoutingContext ctx) {
    long id = Params.id(ctx, "id", "That pitch");
    return teams.leave(id, Viewer.person(ctx).id()).map(d -> Answer.seeOther("/pitches/" + id));
  }

  private Future<Answer> leaveApi(RoutingContext ctx) {
    long id = Params.id(ctx, "id", "That pitch");
    return teams.leave(id, Viewer.person(ctx).id()).compose(d -> pitches.get(id))
        .map(p -> Answer.json(PitchJson.of(p)));
  }

  private Future<Void> handOver(RoutingContext ctx, long pitchId) {
    Input input = Input.of(ctx);
    Optional<Integer> to = input.optionalId("personId");
    if (to.isEmpty()) {
      input.problem("personId", "is required");
    }
    input.check();
    return teams.handOver(pitchId, Viewer.person(ctx).id(), to.get());
  }

  private Future<Answer> handOverForm(RoutingContext ctx) {
    long id = Params.id(ctx, "id", "That pitch");
    return handOver(ctx, id).map(d -> Answer.seeOther("/pitches/" + id + "/team"));
  }

  private Future<Answer> handOverApi(RoutingContext ctx) {
    long id = Params.id(ctx, "id", "That pitch");
    return handOver(ctx, id).compose(d -> teams.team(id)).map(t -> Answer.json(TeamJson.of(t)));
  }

  private Future<Answer> pendingApi(RoutingContext ctx) {
    long id = Params.id(ctx, "id", "That pitch");
    Person me = Viewer.person(ctx);
    return teams.team(id).compose(t -> Membership.mayManage(me, t.captainId()) ? requests.pending(id)
            : Future.failedFuture(AppError.forbidden("Only this team's captain or an organiser sees its join requests.")))
        .map(list -> Answer.json(new JsonArray(list.stream().map(TeamJson::of).toList())));
  }

  private Future<JoinRequest> decide(RoutingContext ctx, boolean approve) {
    long id = Params.id(ctx, "id", "That join request");
    return requests.decide(id, Viewer.person(ctx), approve).compose(d -> requests.get(id));
  }

  private Future<JoinRequest> withdraw(RoutingContext ctx) {
    long id = Params.id(ctx, "id", "That join request");
    return requests.withdraw(id, Viewer.person(ctx).id()).compose(d -> requests.get(id));
  }

  /** After a form changed a join request: the team page of its pitch. */
  private static Answer toTeam(JoinRequest r) {
    return Answer.seeOther("/pitches/" + r.pitchId() + "/team");
  }

  private static Answer json(JoinRequest r) {
    return Answer.json(TeamJson.of(r));
  }
}
