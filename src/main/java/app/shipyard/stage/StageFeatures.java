package app.shipyard.stage;

import app.shipyard.event.EventRepository;
import app.shipyard.voting.RoundRepository;
import app.shipyard.voting.TallyRepository;
import app.shipyard.voting.VoteRepository;
import app.shipyard.web.Access;
import app.shipyard.web.Routes;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.util.List;

/**
 * Wires the demo session, once per process: the running order's repository on the server clock, its live part, the
 * JSON routes and the three screens. Control room: organisers and admins. Projector and phone page: everyone
 * signed in who sees the event (the projector shows only what participants may see).
 */
public final class StageFeatures implements Routes.Feature {

  private final StageRoutes api;
  private final StagePart part;
  private final Projector projector;
  private final PhoneVoting phone;

  public StageFeatures(Pool pool, EventRepository events, VoteRepository votes, List<String> publicOrigins) {
    StageRepository stage = new StageRepository(pool, Clock.systemUTC());
    RoundRepository rounds = new RoundRepository(pool);
    this.part = new StagePart(stage);
    this.api = new StageRoutes(stage, events, new ControlRoom(stage, events, rounds));
    this.projector = new Projector(stage, events, rounds, new TallyRepository(pool), publicOrigins);
    this.phone = new PhoneVoting(stage, events, rounds, votes);
  }

  /** The running order and on-stage clock for the live channel (topic {@code stage}). */
  public StagePart part() {
    return part;
  }

  @Override
  public void register(Routes routes) {
    api.register(routes);
    routes.get("/events/:id/projector", Access.signedIn(), projector::answer)
        .get("/events/:id/projector/qr.svg", Access.signedIn(), projector::qr)
        .get("/events/:id/vote", Access.signedIn(), phone::answer);
  }
}
