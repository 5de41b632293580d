package app.shipyard.voting;

import app.shipyard.identity.Role;
import app.shipyard.web.Access;
import app.shipyard.web.Answer;
import app.shipyard.web.AppError;
import app.shipyard.web.Params;
import app.shipyard.web.Routes;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Admins read a round's audit trail, a page of entries at a time. */
public final class AuditRoutes implements Routes.Feature {

  private static final int PAGE = 500;
  private final AuditRepository audit;
  private final RoundRepository rounds;

  public AuditRoutes(AuditRepository audit, RoundRepository rounds) {
    this.audit = audit;
    this.rounds = rounds;
  }

  @Override
  public void register(Routes routes) {
    routes.get("/api/rounds/:id/audit", Access.roles(Role.ADMIN), this::entries);
  }

  private Future<Answer> entries(RoutingContext ctx) {
    long id = Params.id(ctx, "id", "That voting round");
    Integer after = Params.optionalInt(ctx, "after");
    if (after != null && after < 0) {
      throw AppError.invalid("after", "must be 0 or more");
    }
    return rounds.get(id).compose(round -> audit.entries(id, after == null ? 0 : after, PAGE)).map(entries -> {
      JsonArray list = new JsonArray(entries.stream().map(AuditRepository.Entry::toJson).toList());
      Long next = entries.size() < PAGE ? null : entries.get(entries.size() - 1).id();
      return Answer.json(new JsonObject().put("entries", list).put("next", next));
    });
  }
}
