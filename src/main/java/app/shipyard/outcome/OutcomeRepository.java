package app.shipyard.outcome;

import app.shipyard.db.Retry;
import app.shipyard.event.EventLocks;
import app.shipyard.event.EventLocks.LockedPitch;
import app.shipyard.pitch.Audience;
import app.shipyard.web.AppError;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDate;
import java.time.ZoneId;

/** Records outcomes, each in a transaction that holds the project's event and pitch through {@link EventLocks}. */
public final class OutcomeRepository {

  /**
   * The history of the pitch {@code p.id} as a JSON array, newest first (the first is the current outcome), for
   * queries that read a whole project in one go; {@link Outcome#list} reads each entry.
   */
  public static final String HISTORY = """
      coalesce((SELECT json_agg(json_build_object('id', o.id, 'kind', o.kind, 'happenedOn', o.happened_on,
                          'link', o.link, 'note', o.note, 'impactKind', o.impact_kind,
                          'impactValue', o.impact_value::text, 'impactEstimated', o.impact_estimated,
                          'recordedById', o.recorded_by, 'recordedBy', r.display_name, 'recordedAt', o.recorded_at)
                          ORDER BY o.recorded_at DESC, o.id DESC)
                  FROM project_outcomes o JOIN people r ON r.id = o.recorded_by WHERE o.pitch_id = p.id),
               '[]'::json)""";
  private static final String INSERT = """
      INSERT INTO project_outcomes (pitch_id, kind, happened_on, link, note, impact_kind, impact_value,
                                    impact_estimated, recorded_by)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id
      """;
  private static final String ONE = "SELECT " + HISTORY.replace("WHERE o.pitch_id = p.id", "WHERE o.id = $1")
      + " AS outcome";

  private final Pool pool;

  public OutcomeRepository(Pool pool) {
    this.pool = pool;
  }

  /**
   * Records what became of a project: its captain or an organiser, once its event has its results (in results or
   * archived). The event and the pitch are held shared, so a hiding or phase move waits for it.
   */
  public Future<Outcome> record(long pitchId, Audience who, NewOutcome o) {
    return Retry.transaction(pool, tx -> ProjectGuard.forChange(tx, pitchId, who, "record its outcome")
        .compose(pitch -> insert(tx, pitch, who, o))
        .compose(id -> tx.preparedQuery(ONE).execute(Tuple.of(id)))
        .map(rows -> Outcome.list(rows.iterator().next().getValue("outcome")).get(0)));
  }

  private static Future<Long> insert(SqlConnection tx, LockedPitch pitch, Audience who, NewOutcome o) {
    LocalDate started = pitch.event().startsAt().atZoneSameInstant(ZoneId.of(pitch.event().timeZone())).toLocalDate();
    if (o.happenedOn().isBefore(started)) {
      return Future.failedFuture(AppError.invalid("happenedOn", "must not be before the event started (" + started + ")"));
    }
    Outcome.Impact impact = o.impact();
    return tx.preparedQuery(INSERT).execute(Tuple.tuple().addLong(pitch.id()).addString(o.kind().key())
            .addLocalDate(o.happenedOn()).addString(o.link()).addString(o.note())
            .addString(impact == null ? null : impact.kind().key())
            .addBigDecimal(impact == null ? null : impact.value())
            .addBoolean(impact == null ? null : impact.estimated()).addLong(who.personId()))
        .map(rows -> rows.iterator().next().getLong("id"));
  }
}
