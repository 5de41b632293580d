package app.shipyard.live;

import app.shipyard.event.EventRepository;
import app.shipyard.voting.RoundRepository;
import app.shipyard.voting.TallyRepository;
import app.shipyard.voting.VoteRepository;
import app.shipyard.web.Access;
import app.shipyard.web.Origins;
import app.shipyard.web.Routes;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.util.List;

/**
 * Wires the live channel. Once per process: the readers, the vote listener that feeds the tally ticks (every vote
 * committed here, over HTTP or the websocket) and the {@link LiveFeed} it is given; once per HTTP verticle instance,
 * in {@link #register}: a {@link LiveHub} that owns that instance's sockets.
 */
public final class LiveFeatures implements Routes.Feature {

  private final Vertx vertx;
  private final LiveFeed feed;
  private final LiveReader reader;
  private final EventRepository events;
  private final Origins origins;
  private final LiveMessages messages;
  private final LiveMeters meters;

  public LiveFeatures(Vertx vertx, Pool pool, LiveFeed feed, EventRepository events, VoteRepository votes,
                      List<String> publicOrigins, List<LivePart> parts, LiveMeters meters) {
    this.vertx = vertx;
    this.feed = feed;
    this.events = events;
    this.reader = new LiveReader(events, new RoundRepository(pool), new TallyRepository(pool), votes, parts);
    this.origins = new Origins(publicOrigins);
    this.messages = new LiveMessages(votes);
    this.meters = meters;
    votes.whenCast(ack -> feed.roundVoted(ack.roundId()));
  }

  @Override
  public void register(Routes routes) {
    LiveHub hub = new LiveHub(vertx, feed, reader, events, origins, messages, meters);
    routes.webSocket("/api/events/:id/live", Access.signedIn(), hub::upgrade);
  }
}
