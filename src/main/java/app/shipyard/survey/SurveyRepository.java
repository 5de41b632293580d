package app.shipyard.survey;

import app.shipyard.db.Retry;
import app.shipyard.event.EventLocks;
import app.shipyard.event.EventLocks.Hold;
import app.shipyard.event.Phase;
import app.shipyard.web.AppError;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import io.vertx.sqlclient.data.Numeric;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;

/**
 * Surveys and their answers. Every write locks the event row shared through {@link EventLocks} (step 1), then the
 * survey row: an answer holds it {@code FOR SHARE} while it checks that the survey is open, a close takes it
 * {@code FOR UPDATE}, so no answer commits after a close. One answer per person per survey is the primary key; a
 * second answer (or a second request sent at the same time) updates the first.
 */
public final class SurveyRepository {

  private static final String SURVEY =
      "SELECT id, event_id, state, opened_at, closed_at FROM surveys WHERE event_id = $1";
  private static final String OPEN = """
      INSERT INTO surveys (event_id, opened_by) VALUES ($1, $2) ON CONFLICT (event_id) DO NOTHING
      RETURNING id, event_id, state, opened_at, closed_at
      """;
  private static final String CLOSE = """
      UPDATE surveys SET state = 'closed', closed_at = now() WHERE id = $1
      RETURNING id, event_id, state, opened_at, closed_at
      """;
  private static final String TAKES_PART = "SELECT 1 FROM event_participants WHERE event_id = $1 AND person_id = $2";
  private static final String ANSWER = """
      INSERT INTO survey_answers (survey_id, event_id, person_id, rating, again, went_well, better)
      VALUES ($1, $2, $3, $4, $5, $6, $7)
      ON CONFLICT (survey_id, person_id) DO UPDATE
         SET rating = EXCLUDED.rating, again = EXCLUDED.again, went_well = EXCLUDED.went_well,
             better = EXCLUDED.better, changed_at = now()
      RETURNING (xmax = 0) AS created
      """;
  private static final String MINE = """
      SELECT rating, again, went_well, better FROM survey_answers WHERE survey_id = $1 AND person_id = $2
      """;
  private static final String RESULTS = """
      SELECT e.id AS event_id, e.title, s.state,
             (SELECT count(*) FROM event_participants ep WHERE ep.event_id = e.id) AS taking_part,
             count(a.person_id) AS responses, round(avg(a.rating), 2) AS rating,
             count(*) FILTER (WHERE a.again >= 9) AS promoters,
             count(*) FILTER (WHERE a.again BETWEEN 7 AND 8) AS passives,
             count(*) FILTER (WHERE a.again <= 6) AS detractors,
             round(100.0 * (count(*) FILTER (WHERE a.again >= 9) - count(*) FILTER (WHERE a.again <= 6))
                   / nullif(count(a.person_id), 0))::bigint AS nps
        FROM surveys s JOIN events e ON e.id = s.event_id LEFT JOIN survey_answers a ON a.survey_id = s.id
       WHERE s.event_id = $1
       GROUP BY e.id, s.id
      """;
  private static final String COMMENTS = """
      SELECT question, text FROM (
        SELECT 'wentWell' AS question, went_well AS text, answered_at FROM survey_answers
         WHERE event_id = $1 AND went_well <> ''
        UNION ALL
        SELECT 'better', better, answered_at FROM survey_answers WHERE event_id = $1 AND better <> '') c
       ORDER BY question DESC, answered_at LIMIT 400
      """;
  /** The latest event that started before this one and has a survey. */
  private static final String PREVIOUS = """
      SELECT e.id FROM events e JOIN surveys s ON s.event_id = e.id
       WHERE e.starts_at < (SELECT starts_at FROM events WHERE id = $1)
       ORDER BY e.starts_at DESC, e.id DESC LIMIT 1
      """;

  private final Pool pool;

  public SurveyRepository(Pool pool) {
    this.pool = pool;
  }

  public Future<Optional<Survey>> find(long eventId) {
    return pool.preparedQuery(SURVEY).execute(Tuple.of(eventId))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(toSurvey(rows.iterator().next())));
  }

  /** Opens the event's survey, once its results are out (results or archived). */
  Future<Survey> open(long eventId, long by) {
    return Retry.transaction(pool, tx -> EventLocks.lockEvent(tx, eventId, Hold.SHARED).compose(event -> {
      if (event.phase().ordinal() < Phase.RESULTS.ordinal()) {
        return Future.failedFuture(AppError.conflict("A survey opens after the event: move it to Results first."));
      }
      return tx.preparedQuery(OPEN).execute(Tuple.of(eventId, by)).compose(rows -> rows.size() == 0
          ? Future.failedFuture(AppError.conflict("This event already has a survey."))
          : Future.succeededFuture(toSurvey(rows.iterator().next())));
    }));
  }

  Future<Survey> close(long eventId) {
    return Retry.transaction(pool, tx -> locked(tx, eventId, " FOR UPDATE").compose(survey -> survey.open()
        ? tx.preparedQuery(CLOSE).execute(Tuple.of(survey.id())).map(rows -> toSurvey(rows.iterator().next()))
        : Future.failedFuture(AppError.conflict("This survey is already closed."))));
  }

  /** Records or replaces the person's answer; true when it is their first. */
  Future<Boolean> answer(long eventId, long personId, SurveyAnswer a) {
    return Retry.transaction(pool, tx -> locked(tx, eventId, " FOR SHARE").compose(survey -> {
      if (!survey.open()) {
        return Future.failedFuture(AppError.conflict("This survey is closed: answers can no longer change."));
      }
      return tx.preparedQuery(TAKES_PART).execute(Tuple.of(eventId, personId)).compose(part -> part.size() == 0
          ? Future.failedFuture(AppError.forbidden("Only people who took part in this event answer its survey."))
          : tx.preparedQuery(ANSWER).execute(Tuple.of(survey.id(), eventId, personId, a.rating(), a.again(),
              a.wentWell(), a.better())).map(rows -> rows.iterator().next().getBoolean("created")));
    }));
  }

  private Future<Survey> locked(SqlConnection tx, long eventId, String lock) {
    return EventLocks.lockEvent(tx, eventId, Hold.SHARED)
        .compose(event -> tx.preparedQuery(SURVEY + lock).execute(Tuple.of(eventId)))
        .compose(rows -> rows.size() == 0 ? Future.failedFuture(AppError.notFound("That event's survey"))
            : Future.succeededFuture(toSurvey(rows.iterator().next())));
  }

  public Future<Boolean> takesPart(long eventId, long personId) {
    return pool.preparedQuery(TAKES_PART).execute(Tuple.of(eventId, personId)).map(rows -> rows.size() > 0);
  }

  Future<Optional<SurveyAnswer>> mine(long surveyId, long personId) {
    return pool.preparedQuery(MINE).execute(Tuple.of(surveyId, personId)).map(rows -> {
      if (rows.size() == 0) {
        return Optional.empty();
      }
      Row r = rows.iterator().next();
      return Optional.of(new SurveyAnswer(r.getInteger("rating"), r.getInteger("again"), r.getString("went_well"),
          r.getString("better")));
    });
  }

  /** The event's survey results, or empty when it has no survey. */
  public Future<Optional<Feedback>> feedback(long eventId) {
    return Future.all(pool.preparedQuery(RESULTS).execute(Tuple.of(eventId)),
            pool.preparedQuery(COMMENTS).execute(Tuple.of(eventId)))
        .map(both -> {
          RowSet<Row> rows = both.resultAt(0);
          if (rows.size() == 0) {
            return Optional.empty();
          }
          List<Feedback.Comment> comments = StreamSupport.stream(both.<RowSet<Row>>resultAt(1).spliterator(), false)
              .map(c -> new Feedback.Comment(c.getString("question"), c.getString("text"))).toList();
          Row r = rows.iterator().next();
          Numeric rating = (Numeric) r.getValue("rating");
          return Optional.of(new Feedback(r.getLong("event_id"), r.getString("title"), r.getString("state"),
              r.getLong("taking_part"), r.getLong("responses"), rating == null ? null : rating.bigDecimalValue(),
              r.getLong("promoters"), r.getLong("passives"), r.getLong("detractors"), r.getLong("nps"), comments));
        });
  }

  /** The results of the survey of the latest earlier event that had one. */
  public Future<Optional<Feedback>> previousFeedback(long eventId) {
    return pool.preparedQuery(PREVIOUS).execute(Tuple.of(eventId)).compose(rows -> rows.size() == 0
        ? Future.succeededFuture(Optional.empty()) : feedback(rows.iterator().next().getLong("id")));
  }

  private static Survey toSurvey(Row r) {
    return new Survey(r.getLong("id"), r.getLong("event_id"), "open".equals(r.getString("state")),
        r.getOffsetDateTime("opened_at"), r.getOffsetDateTime("closed_at"));
  }
}
