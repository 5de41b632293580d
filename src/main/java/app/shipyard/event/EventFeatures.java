package app.shipyard.event;

import app.shipyard.account.ReferenceRepository;
import app.shipyard.web.Routes;
import app.shipyard.web.Views;
import io.vertx.sqlclient.Pool;
import java.util.List;

/** Wires events, once per process: the event repository other features read, and every event route. */
public final class EventFeatures implements Routes.Feature {

  private final EventRepository events;
  private final List<Routes.Feature> features;

  public EventFeatures(Pool pool, Views views, ReferenceRepository reference) {
    this.events = new EventRepository(pool);
    ScheduleRepository schedule = new ScheduleRepository(pool);
    ParticipantRepository participants = new ParticipantRepository(pool);
    this.features = List.of(
        new EventRoutes(events, new EventEdits(pool), schedule, reference),
        new EventPhaseRoutes(events),
        new ScheduleRoutes(events, schedule),
        new ParticipantRoutes(events, participants, reference),
        new DashboardRoutes(new DashboardRepository(pool, events, participants)));
  }

  public EventRepository events() {
    return events;
  }

  @Override
  public void register(Routes routes) {
    features.forEach(feature -> feature.register(routes));
  }
}
