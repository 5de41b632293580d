package app.shipyard.pitch;

import app.shipyard.award.AwardRepository;
import app.shipyard.event.EventRepository;
import app.shipyard.web.Idempotency;
import app.shipyard.web.Routes;
import app.shipyard.web.Views;
import io.vertx.sqlclient.Pool;
import java.util.List;

/** Wires pitches, once per process: the pitch repository other features read, and every pitch route. */
public final class PitchFeatures implements Routes.Feature {

  private final PitchRepository pitches;
  private final List<Routes.Feature> features;

  public PitchFeatures(Pool pool, Views views, EventRepository events, CaptainEnrolment enrolment,
                       Idempotency idempotency) {
    this.pitches = new PitchRepository(pool, enrolment);
    PitchChangeRepository changes = new PitchChangeRepository(pool);
    PitchTalkRepository talk = new PitchTalkRepository(pool);
    this.features = List.of(
        new PitchRoutes(pitches, changes, talk, events, idempotency, new AwardRepository(pool)),
        new PitchListRoutes(pitches, events),
        new PitchEditRoutes(pitches, changes, events),
        new PitchModerationRoutes(pitches, changes),
        new PitchTalkRoutes(pitches, talk, idempotency));
  }

  public PitchRepository pitches() {
    return pitches;
  }

  @Override
  public void register(Routes routes) {
    features.forEach(feature -> feature.register(routes));
  }
}
