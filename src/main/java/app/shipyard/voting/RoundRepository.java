package app.shipyard.voting;

import app.shipyard.event.Phase;
import app.shipyard.db.LiveNotice;
import app.shipyard.web.AppError;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;

/** Voting rounds: reading them with their categories and projects, creating them, and organisers' changes. */
public final class RoundRepository {

  private static final String SELECT_ROUND = """
      SELECT r.*,
             coalesce((SELECT array_agg(c.id ORDER BY c.position) FROM voting_categories c WHERE c.round_id = r.id),
                      '{}') AS category_ids,
             coalesce((SELECT array_agg(c.name ORDER BY c.position) FROM voting_categories c WHERE c.round_id = r.id),
                      '{}') AS category_names,
             coalesce((SELECT array_agg(c.visibility ORDER BY c.position) FROM voting_categories c
                        WHERE c.round_id = r.id), '{}') AS category_visibilities,
             coalesce((SELECT array_agg(p.id ORDER BY lower(p.title), p.id) FROM voting_round_projects rp
                         JOIN pitches p ON p.id = rp.pitch_id WHERE rp.round_id = r.id), '{}') AS project_ids,
             coalesce((SELECT array_agg(p.title ORDER BY lower(p.title), p.id) FROM voting_round_projects rp
                         JOIN pitches p ON p.id = rp.pitch_id WHERE rp.round_id = r.id), '{}') AS project_titles
        FROM voting_rounds r
      """;
  private static final String EVENT = """
      SELECT e.phase, $2::int IS NULL OR (EXISTS (SELECT 1 FROM locations l WHERE l.id = $2)
               AND (NOT EXISTS (SELECT 1 FROM event_locations el WHERE el.event_id = e.id)
                    OR EXISTS (SELECT 1 FROM event_locations el WHERE el.event_id = e.id AND el.location_id = $2)))
               AS location_ok
        FROM events e WHERE e.id = $1
      """;
  private static final String INSERT_ROUND = """
      INSERT INTO voting_rounds (event_id, title, ballot, budget_points, max_per_project, rank_size, electorate,
                                 own_team_allowed, changes_allowed, visibility, location_id, created_by, opens_at,
                                 closes_at)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id
      """;
  private static final String INSERT_CATEGORIES = """
      INSERT INTO voting_categories (round_id, name, position)
      SELECT $1, c.name, c.position FROM unnest($2::text[]) WITH ORDINALITY AS c(name, position)
      """;
  private static final String INSERT_PROJECTS = """
      INSERT INTO voting_round_projects (round_id, pitch_id, event_id)
      SELECT $1, p.id, p.event_id FROM pitches p
       WHERE p.event_id = $2 AND p.approved AND p.hidden_reason IS NULL
         AND (cardinality($3::bigint[]) = 0 OR p.id = ANY ($3::bigint[]))
      """;
  static final String AUDIT = "INSERT INTO voting_audit (actor_id, action, round_id) VALUES ($1, $2, $3)";

  private final Pool pool;

  public RoundRepository(Pool pool) {
    this.pool = pool;
  }

  public Future<List<Round>> list(long eventId) {
    return pool.preparedQuery(SELECT_ROUND + " WHERE r.event_id = $1 ORDER BY r.id").execute(Tuple.of(eventId))
        .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(RoundRepository::toRound).toList());
  }

  public Future<Round> get(long roundId) {
    return get(pool, roundId);
  }

  /** The round as {@code client} sees it (inside a transaction: as of that transaction). */
  static Future<Round> get(SqlClient client, long roundId) {
    return client.preparedQuery(SELECT_ROUND + " WHERE r.id = $1").execute(Tuple.of(roundId)).map(rows -> {
      if (rows.size() == 0) {
        throw AppError.notFound("That voting round");
      }
      return toRound(rows.iterator().next());
    });
  }

  /** Creates a draft round with its categories and projects; returns its id. */
  public Future<Long> create(long eventId, RoundDraft draft, long by) {
    return pool.withTransaction(tx -> tx.preparedQuery(EVENT).execute(Tuple.of(eventId, draft.locationId()))
        .compose(rows -> {
          if (rows.size() == 0) {
            return Future.failedFuture(AppError.notFound("That event"));
          }
          Row event = rows.iterator().next();
          if (Phase.parse(event.getString("phase")).orElseThrow() == Phase.ARCHIVED) {
            return Future.failedFuture(AppError.conflict("An archived event is read-only; it gets no new rounds."));
          }
          if (!event.getBoolean("location_ok")) {
            return Future.failedFuture(AppError.invalid("locationId", "is not a location of this event"));
          }
          return insert(tx, eventId, draft, by);
        }));
  }

  private Future<Long> insert(SqlConnection tx, long eventId, RoundDraft draft, long by) {
    RoundRules rules = draft.rules();
    Tuple round = Tuple.of(eventId, draft.title(), rules.ballot().key(), rules.budget(), rules.maxPerProject(),
        rules.rankSize(), rules.electorate().key(), rules.ownTeamAllowed(), rules.changesAllowed(),
        rules.visibility().key()).addValue(draft.locationId()).addLong(by)
        .addOffsetDateTime(draft.schedule().opensAt()).addOffsetDateTime(draft.schedule().closesAt());
    return tx.preparedQuery(INSERT_ROUND).execute(round).map(rows -> rows.iterator().next().getLong("id"))
        .compose(id -> tx.preparedQuery(INSERT_CATEGORIES)
            .execute(Tuple.of(id).addArrayOfString(draft.categories().toArray(String[]::new)))
            .compose(done -> tx.preparedQuery(INSERT_PROJECTS).execute(Tuple.of(id, eventId)
                .addArrayOfLong(draft.pitchIds().stream().map(Integer::longValue).toArray(Long[]::new))))
            .compose(projects -> {
              if (!draft.pitchIds().isEmpty() && projects.rowCount() != draft.pitchIds().size()) {
                return Future.failedFuture(AppError.invalid("pitchIds",
                    "must be approved, visible pitches of this event"));
              }
              if (projects.rowCount() == 0) {
                return Future.failedFuture(AppError.conflict(
                    "This event has no approved, visible pitches to vote on yet."));
              }
              return tx.preparedQuery(AUDIT).execute(Tuple.of(by, "round.created", id))
                  .compose(done -> LiveNotice.send(tx, eventId, "rounds")).map(id);
            }));
  }

  /** Opens, closes or reveals a round under its row lock, and records who did it. */
  public Future<Void> change(long roundId, RoundChange change, long by) {
    return pool.withTransaction(tx -> VotingLocks.roundForChange(tx, roundId).compose(round -> {
      var refusal = change.refusal(round.state(), round.visibility(), round.revealed(), round.phase());
      if (refusal.isPresent()) {
        return Future.failedFuture(AppError.conflict(refusal.get()));
      }
      return tx.preparedQuery(change.update()).execute(Tuple.of(roundId))
          .compose(done -> tx.preparedQuery(AUDIT).execute(Tuple.of(by, change.auditAction(), roundId)))
          .compose(done -> LiveNotice.send(tx, round.eventId(), "rounds"));
    }));
  }

  /** The rules of a round from a row of {@code voting_rounds}. */
  static RoundRules rules(Row r) {
    return new RoundRules(Keyed.parse(BallotType.values(), r.getString("ballot")).orElseThrow(),
        r.getInteger("budget_points"), r.getInteger("max_per_project"), r.getInteger("rank_size"),
        Keyed.parse(Electorate.values(), r.getString("electorate")).orElseThrow(), r.getBoolean("own_team_allowed"),
        r.getBoolean("changes_allowed"), Keyed.parse(Visibility.values(), r.getString("visibility")).orElseThrow());
  }

  static RoundState state(Row r) {
    return Keyed.parse(RoundState.values(), r.getString("state")).orElseThrow();
  }

  private static Round toRound(Row r) {
    RoundRules rules = rules(r);
    Long[] categoryIds = r.getArrayOfLongs("category_ids");
    String[] categoryNames = r.getArrayOfStrings("category_names");
    String[] categoryVisibilities = r.getArrayOfStrings("category_visibilities");
    Long[] projectIds = r.getArrayOfLongs("project_ids");
    String[] projectTitles = r.getArrayOfStrings("project_titles");
    List<Round.Category> categories = IntStream.range(0, categoryIds.length)
        .mapToObj(i -> new Round.Category(categoryIds[i], categoryNames[i], categoryVisibilities[i] == null ? null
            : Keyed.parse(Visibility.values(), categoryVisibilities[i]).orElseThrow())).toList();
    List<Round.Project> projects = IntStream.range(0, projectIds.length)
        .mapToObj(i -> new Round.Project(projectIds[i], projectTitles[i])).toList();
    return new Round(r.getLong("id"), r.getLong("event_id"), r.getString("title"), rules, r.getInteger("location_id"),
        state(r), r.getOffsetDateTime("opened_at"),
        r.getOffsetDateTime("closed_at"), r.getOffsetDateTime("revealed_at"), r.getOffsetDateTime("opens_at"),
        r.getOffsetDateTime("closes_at"), categories, projects);
  }
}
