package app.shipyard.pitch;

import app.shipyard.identity.Role;
import app.shipyard.web.Access;
import app.shipyard.web.Answer;
import app.shipyard.web.Idempotency;
import app.shipyard.web.Input;
import app.shipyard.web.Params;
import app.shipyard.web.Routes;
import app.shipyard.web.Viewer;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

/**
 * Interest marks and comments on a pitch. Employees mark interest (idempotent PUT/DELETE) and comment (plain
 * text); authors delete their own comments and organisers any. Whoever cannot see the pitch gets "not found".
 */
public final class PitchTalkRoutes implements Routes.Feature {

  private static final Access EMPLOYEES = Access.roles(Role.EMPLOYEE);
  private static final Access PEOPLE = Access.roles(Role.EMPLOYEE, Role.ORGANISER, Role.ADMIN);
  private final PitchRepository pitches;
  private final PitchTalkRepository talk;
  private final Idempotency idempotency;

  public PitchTalkRoutes(PitchRepository pitches, PitchTalkRepository talk, Idempotency idempotency) {
    this.pitches = pitches;
    this.talk = talk;
    this.idempotency = idempotency;
  }

  @Override
  public void register(Routes routes) {
    routes.post("/pitches/:id/interest", EMPLOYEES, this::interestForm)
        .post("/pitches/:id/comments", EMPLOYEES, ctx -> comment(ctx).map(c -> toComments(ctx)))
        .post("/pitches/:id/comments/:commentId/delete", PEOPLE, ctx -> deleteComment(ctx).map(d -> toComments(ctx)))
        .get("/api/pitches/:id/interest", Access.signedIn(), ctx -> interestApi(ctx, Future.succeededFuture()))
        .put("/api/pitches/:id/interest", EMPLOYEES, ctx -> interestApi(ctx, mark(ctx, true)))
        .delete("/api/pitches/:id/interest", EMPLOYEES, ctx -> interestApi(ctx, mark(ctx, false)))
        .get("/api/pitches/:id/comments", Access.signedIn(), this::commentsApi)
        .post("/api/pitches/:id/comments", EMPLOYEES,
            idempotency.wrap(ctx -> comment(ctx).map(c -> Answer.json(201, PitchJson.of(c)))))
        .delete("/api/pitches/:id/comments/:commentId", PEOPLE, ctx -> deleteComment(ctx).map(d -> Answer.noContent()));
  }

  private Future<Void> mark(RoutingContext ctx, boolean interested) {
    return talk.markInterest(Params.id(ctx, "id", "That pitch"), Audience.of(Viewer.person(ctx)), interested);
  }

  private Future<Answer> interestForm(RoutingContext ctx) {
    Input input = Input.of(ctx);
    boolean interested = input.bool("interested");
    input.check();
    return mark(ctx, interested).map(d -> Answer.seeOther("/pitches/" + ctx.pathParam("id")));
  }

  /** After {@code change}, the interest in the pitch; who is interested only for its captain and organisers. */
  private Future<Answer> interestApi(RoutingContext ctx, Future<Void> change) {
    long id = Params.id(ctx, "id", "That pitch");
    Audience me = Audience.of(Viewer.person(ctx));
    return change.compose(done -> pitches.get(id, me)).compose(p -> talk.interested(id)
        .map(all -> Answer.json(PitchJson.interest(all, me.personId(), me.manages(p.captainId())))));
  }

  private Future<PitchTalkRepository.Comment> comment(RoutingContext ctx) {
    long id = Params.id(ctx, "id", "That pitch");
    Input input = Input.of(ctx);
    String body = input.required("body", 4000);
    input.check();
    return talk.comment(id, Audience.of(Viewer.person(ctx)), body);
  }

  private Future<Void> deleteComment(RoutingContext ctx) {
    long id = Params.id(ctx, "id", "That pitch");
    long commentId = Params.id(ctx, "commentId", "That comment");
    return talk.deleteComment(id, commentId, Audience.of(Viewer.person(ctx)));
  }

  private Future<Answer> commentsApi(RoutingContext ctx) {
    return pitches.get(Params.id(ctx, "id", "That pitch"), Audience.of(Viewer.person(ctx)))
        .compose(p -> talk.comments(p.id())).map(list -> Answer.json(PitchJson.array(list, PitchJson::of)));
  }

  private static Answer toComments(RoutingContext ctx) {
    return Answer.seeOther("/pitches/" + ctx.pathParam("id") + "#comments");
  }
}
