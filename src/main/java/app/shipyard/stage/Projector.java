package app.shipyard.stage;

import app.shipyard.event.Event;
import app.shipyard.event.EventRepository;
import app.shipyard.voting.Round;
import app.shipyard.voting.RoundRepository;
import app.shipyard.voting.RoundState;
import app.shipyard.voting.Standing;
import app.shipyard.voting.Tally;
import app.shipyard.voting.TallyRepository;
import app.shipyard.web.Answer;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongPredicate;

/**
 * The big screen: the team on stage, its countdown, a QR code to the phone voting page and the results a participant
 * may see (public, whoever's browser shows it). Without JavaScript it reloads itself every few seconds.
 */
final class Projector {

  static final int REFRESH_SECONDS = 5;

  private final StageRepository stage;
  private final EventRepository events;
  private final RoundRepository rounds;
  private final TallyRepository tallies;
  private final List<String> publicOrigins;

  Projector(StageRepository stage, EventRepository events, RoundRepository rounds, TallyRepository tallies,
            List<String> publicOrigins) {
    this.stage = stage;
    this.events = events;
    this.rounds = rounds;
    this.tallies = tallies;
    this.publicOrigins = publicOrigins;
  }

  record ProjectorView(Event event, OnStage onStage, String nextUp, String voteUrl, List<Results> results,
                       int refreshSeconds) {}

  /** One category's visible results: bars best first. */
  record Results(long roundId, long categoryId, String round, String category, List<Bar> bars) {}

  record Bar(long pitchId, String title, long points, int percent, int place, boolean tied) {}

  Future<Answer> answer(RoutingContext ctx) {
    long id = StageRoutes.eventId(ctx);
    return Future.all(events.get(id), stage.order(id), results(id)).map(all -> {
      Event event = all.resultAt(0);
      RunningOrder order = all.resultAt(1);
      return Answer.page("stage/projector", "Projector · " + event.title(), new ProjectorView(event,
          order.onStage().map(s -> OnStage.of(s, stage.now())).orElse(null),
          order.nextUp().map(Slot::title).orElse(null), voteUrl(ctx, id), all.resultAt(2), REFRESH_SECONDS));
    });
  }

  /** The QR code of the phone voting page's address. */
  Future<Answer> qr(RoutingContext ctx) {
    long id = StageRoutes.eventId(ctx);
    return events.get(id).map(e -> Answer.bytes("image/svg+xml", Map.of("Cache-Control", "private, max-age=300"),
        Buffer.buffer(QrCode.svg(voteUrl(ctx, id)))));
  }

  /** The phone page's address: at the configured public origin if there is one, else where this request came. */
  private String voteUrl(RoutingContext ctx, long eventId) {
    String origin = publicOrigins.isEmpty() ? ctx.request().scheme() + "://" + ctx.request().authority()
        : publicOrigins.get(0).replaceAll("/+$", "");
    return origin + "/events/" + eventId + "/vote";
  }

  private Future<List<Results>> results(long eventId) {
    return rounds.list(eventId).compose(list -> Future.all(list.stream().filter(r -> r.state() != RoundState.DRAFT)
            .map(r -> tallies.tally(r.id()).map(t -> results(r, t))).toList())
        .map(all -> all.<List<Results>>list().stream().flatMap(List::stream).toList()));
  }

  /** What a participant sees of the round: no organiser's view, no "you voted" (audience=public). */
  private static List<Results> results(Round round, Tally tally) {
    LongPredicate visible = round.resultsVisibleTo(false, Set.of());
    return tally.categories().stream().filter(c -> visible.test(c.categoryId())).map(c -> {
      long most = Math.max(1, c.standings().stream().mapToLong(Standing::points).max().orElse(0));
      return new Results(round.id(), c.categoryId(), round.title(), c.name(), c.standings().stream()
          .map(s -> new Bar(s.pitchId(), s.title(), s.points(), (int) (s.points() * 100 / most), s.place(),
              s.tied())).toList());
    }).toList();
  }
}
