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
import app.shipyard.web.Responses;
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
    routes.legacyPost("/pitches/:id/join", EMPLOYEES, this::joinForm)
        .legacyPost("/pitches/:id/leave", EMPLOYEES, this::leaveForm)
        .legacyPost("/pitches/:id/captain", EMPLOYEES, this::handOverForm)
        .legacyPost("/join-requests/:id/approve", Access.signedIn(), ctx -> decideForm(ctx, true))
        .legacyPost("/join-requests/:id/decline", Access.signedIn(), ctx -> decideForm(ctx, false))
        .legacyPost("/join-requests/:id/withdraw", EMPLOYEES, this::withdrawForm)
        .post("/api/pitches/:id/join", EMPLOYEES, idempotency.wrap(this::joinApi))
        .legacyPost("/api/pitches/:id/leave", EMPLOYEES, this::leaveApi)
        .legacyPost("/api/pitches/:id/captain", EMPLOYEES, this::handOverApi)
        .legacyGet("/api/pitches/:id/requests", Access.signedIn(), this::pendingApi)
        .legacyPost("/api/join-requests/:id/approve", Access.signedIn(), ctx -> decideApi(ctx, true))
        .legacyPost("/api/join-requests/:id/decline", Access.signedIn(), ctx -> decideApi(ctx, false))
        .legacyPost("/api/join-requests/:id/withdraw", EMPLOYEES, this::withdrawApi);
  }

  /** Joins directly, or files a join request where the event wants captains to approve; the request id if so. */
  private Future<Optional<Long>> join(RoutingContext ctx, long pitchId) {
    Input input = Input.of(ctx);
    String message = input.optional("message", 1000);
    input.check();
    return teams.joinOrRequest(pitchId, Viewer.person(ctx).id(), message);
  }

  private void joinForm(RoutingContext ctx) {
    long id = Params.id(ctx, "id", "That pitch");
    join(ctx, id).onSuccess(request -> Responses.seeOther(ctx, "/pitches/" + id + (request.isPresent() ? "/team" : "")))
        .onFailure(ctx::fail);
  }

  /** 202 with the join request filed, or 200 with the pitch joined. */
  private Future<Answer> joinApi(RoutingContext ctx) {
    long id = Params.id(ctx, "id", "That pitch");
    return join(ctx, id).compose(request -> request.isPresent()
        ? requests.get(request.get()).map(r -> Answer.json(202, TeamJson.of(r)))
        : pitches.get(id).map(p -> Answer.json(PitchJson.of(p))));
  }

  private void leaveForm(RoutingContext ctx) {
    long id = Params.id(ctx, "id", "That pitch");
    teams.leave(id, Viewer.person(ctx).id()).onSuccess(d -> Responses.seeOther(ctx, "/pitches/" + id))
        .onFailure(ctx::fail);
  }

  private void leaveApi(RoutingContext ctx) {
    long id = Params.id(ctx, "id", "That pitch");
    teams.leave(id, Viewer.person(ctx).id()).compose(d -> pitches.get(id))
        .onSuccess(p -> Responses.json(ctx, PitchJson.of(p))).onFailure(ctx::fail);
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

  private void handOverForm(RoutingContext ctx) {
    long id = Params.id(ctx, "id", "That pitch");
    handOver(ctx, id).onSuccess(d -> Responses.seeOther(ctx, "/pitches/" + id + "/team")).onFailure(ctx::fail);
  }

  private void handOverApi(RoutingContext ctx) {
    long id = Params.id(ctx, "id", "That pitch");
    handOver(ctx, id).compose(d -> teams.team(id)).onSuccess(t -> Responses.json(ctx, TeamJson.of(t)))
        .onFailure(ctx::fail);
  }

  private void pendingApi(RoutingContext ctx) {
    long id = Params.id(ctx, "id", "That pitch");
    Person me = Viewer.person(ctx);
    teams.team(id).compose(t -> Membership.mayManage(me, t.captainId()) ? requests.pending(id)
            : Future.failedFuture(AppError.forbidden("Only this team's captain or an organiser sees its join requests.")))
        .onSuccess(list -> Responses.json(ctx, new JsonArray(list.stream().map(TeamJson::of).toList())))
        .onFailure(ctx::fail);
  }

  private Future<JoinRequest> decide(RoutingContext ctx, boolean approve) {
    long id = Params.id(ctx, "id", "That join request");
    return requests.decide(id, Viewer.person(ctx), approve).compose(d -> requests.get(id));
  }

  private void decideForm(RoutingContext ctx, boolean approve) {
    decide(ctx, approve).onSuccess(r -> Responses.seeOther(ctx, "/pitches/" + r.pitchId() + "/team"))
        .onFailure(ctx::fail);
  }

  private void decideApi(RoutingContext ctx, boolean approve) {
    decide(ctx, approve).onSuccess(r -> Responses.json(ctx, TeamJson.of(r))).onFailure(ctx::fail);
  }

  private Future<JoinRequest> withdraw(RoutingContext ctx) {
    long id = Params.id(ctx, "id", "That join request");
    return requests.withdraw(id, Viewer.person(ctx).id()).compose(d -> requests.get(id));
  }

  private void withdrawForm(RoutingContext ctx) {
    withdraw(ctx).onSuccess(r -> Responses.seeOther(ctx, "/pitches/" + r.pitchId() + "/team")).onFailure(ctx::fail);
  }

  private void withdrawApi(RoutingContext ctx) {
    withdraw(ctx).onSuccess(r -> Responses.json(ctx, TeamJson.of(r))).onFailure(ctx::fail);
  }
}
