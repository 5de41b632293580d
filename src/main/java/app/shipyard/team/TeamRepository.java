package app.shipyard.team;

import app.shipyard.db.Retry;
import app.shipyard.db.SqlErrors;
import app.shipyard.event.EventLocks;
import app.shipyard.team.Membership.Joiner;
import app.shipyard.web.AppError;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Teams: who is on which, joining (directly or by request), leaving, handing over captaincy and placing free
 * agents. Every change runs in one transaction under the locks of {@link EventLocks}, taken through
 * {@link Membership}: the event shared, then the pitch, then the person's participation row.
 */
public final class TeamRepository {

  private static final String TEAMS = """
      SELECT p.id, p.event_id, p.title, p.stage, p.capacity, p.approved, p.captain_id, p.created_at,
             coalesce((SELECT array_agg(s.name ORDER BY lower(s.name)) FROM pitch_skills ps
                         JOIN skills s ON s.id = ps.skill_id WHERE ps.pitch_id = p.id), '{}') AS wanted
        FROM pitches p WHERE p.hidden_reason IS NULL
      """;
  private static final String MEMBERS = """
      SELECT m.pitch_id, m.person_id, pe.display_name, pe.email, pe.department, coalesce(l.name, '') AS location,
             m.is_captain, m.joined_at,
             coalesce((SELECT array_agg(s.name ORDER BY lower(s.name)) FROM person_skills ps
                         JOIN skills s ON s.id = ps.skill_id WHERE ps.person_id = m.person_id), '{}') AS skills
        FROM team_members m JOIN people pe ON pe.id = m.person_id LEFT JOIN locations l ON l.id = pe.location_id
       WHERE m.pitch_id = ANY ($1::bigint[]) ORDER BY m.joined_at, m.person_id
      """;
  private static final String TEAM_COUNT =
      "SELECT count(*) AS n FROM team_members WHERE event_id = $1 AND person_id = $2";
  private static final String INSERT_REQUEST =
      "INSERT INTO join_requests (pitch_id, person_id, event_id, message) VALUES ($1, $2, $3, $4) RETURNING id";
  private static final String REMOVE_MEMBER =
      "DELETE FROM team_members WHERE pitch_id = $1 AND person_id = $2 AND NOT is_captain";
  private static final String IS_MEMBER = "SELECT 1 FROM team_members WHERE pitch_id = $1 AND person_id = $2";
  private static final String UNSET_CAPTAIN = "UPDATE team_members SET is_captain = false WHERE pitch_id = $1 AND is_captain";
  private static final String SET_CAPTAIN =
      "UPDATE team_members SET is_captain = true WHERE pitch_id = $1 AND person_id = $2";
  private static final String MOVE_CAPTAINCY = "UPDATE pitches SET captain_id = $2, updated_at = now() WHERE id = $1";
  private static final String IS_FREE_AGENT = "SELECT 1 FROM free_agents WHERE event_id = $1 AND person_id = $2";
  private static final String PEOPLE_NAMES = "SELECT id, display_name AS label FROM people WHERE id = ANY ($1::bigint[])";
  private static final String PITCH_TITLES = "SELECT id, title AS label FROM pitches WHERE id = ANY ($1::bigint[])";
  static final String ONE_PENDING_REQUEST = "join_requests_one_pending";

  private final Pool pool;

  public TeamRepository(Pool pool) {
    this.pool = pool;
  }

  /** The approved, visible teams of an event, newest pitch first. */
  public Future<List<Team>> teams(long eventId) {
    return pool.preparedQuery(TEAMS + " AND p.event_id = $1 AND p.approved ORDER BY p.created_at DESC, p.id DESC")
        .execute(Tuple.of(eventId)).compose(this::withMembers);
  }

  /** The team of one visible pitch (approved or not). */
  public Future<Team> team(long pitchId) {
    return pool.preparedQuery(TEAMS + " AND p.id = $1").execute(Tuple.of(pitchId)).compose(this::withMembers)
        .map(list -> list.stream().findFirst().orElseThrow(() -> AppError.notFound("That pitch")));
  }

  public Future<Long> teamCount(long eventId, long personId) {
    return pool.preparedQuery(TEAM_COUNT).execute(Tuple.of(eventId, personId))
        .map(rows -> rows.iterator().next().getLong("n"));
  }

  /**
   * Joins the team, or, where the event has captains approve joiners, files a pending join request (checked
   * against the same rules, so a request that could never be approved is refused at once).
   *
   * @return the new request's id, or empty when the person joined directly
   */
  public Future<Optional<Long>> joinOrRequest(long pitchId, long personId, String message) {
    return Retry.transaction(pool, tx -> Membership.lockPitch(tx, pitchId).compose(Membership::openForJoining)
        .compose(p -> {
          if (!p.event().rules().joinByRequest()) {
            return Membership.add(tx, p, personId, false, Joiner.SELF).map(Optional.<Long>empty());
          }
          return Membership.mayJoin(tx, p, personId, Joiner.SELF)
              .compose(ok -> tx.preparedQuery(INSERT_REQUEST).execute(Tuple.of(p.id(), personId, p.eventId(), message)))
              .map(rows -> Optional.of(rows.iterator().next().getLong("id")));
        })).recover(failure -> Future.failedFuture(SqlErrors.isConstraint(failure, ONE_PENDING_REQUEST)
            ? AppError.conflict("You already asked to join this team; the captain has not decided yet.") : failure));
  }

  public Future<Void> leave(long pitchId, long personId) {
    return Retry.transaction(pool, tx -> Membership.lockPitch(tx, pitchId).compose(Membership::teamsUnlocked)
        .compose(p -> tx.preparedQuery(REMOVE_MEMBER).execute(Tuple.of(pitchId, personId)))
        .compose(removed -> removed.rowCount() == 1 ? Future.<Void>succeededFuture()
            : Future.failedFuture(AppError.conflict(
                "You are not a member of this team (a captain hands over captaincy before leaving)."))));
  }

  /** The captain hands captaincy to a current member; pitch and team change together under the pitch lock. */
  public Future<Void> handOver(long pitchId, long captainId, long newCaptainId) {
    return Retry.transaction(pool, tx -> Membership.lockPitch(tx, pitchId).compose(p -> {
      if (p.captainId() != captainId) {
        return Future.failedFuture(AppError.forbidden("Only the team's captain can hand over captaincy."));
      }
      return Membership.teamsUnlocked(p);
    }).compose(p -> {
      if (newCaptainId == captainId) {
        return Future.failedFuture(AppError.conflict("You are already the captain."));
      }
      return tx.preparedQuery(IS_MEMBER).execute(Tuple.of(pitchId, newCaptainId));
    }).compose(member -> member.size() == 0
        ? Future.<Void>failedFuture(AppError.conflict("Captaincy can only go to a current member of this team."))
        : tx.preparedQuery(UNSET_CAPTAIN).execute(Tuple.of(pitchId))
            .compose(d -> tx.preparedQuery(SET_CAPTAIN).execute(Tuple.of(pitchId, newCaptainId)))
            .compose(d -> tx.preparedQuery(MOVE_CAPTAINCY).execute(Tuple.of(pitchId, newCaptainId)))
            .mapEmpty()));
  }

  /**
   * An organiser places a free agent on a team: the normal join rules hold, and the person must still be listed
   * as a free agent, so a suggestion that went stale is refused rather than forced.
   */
  public Future<Void> place(long eventId, long pitchId, long personId) {
    return Retry.transaction(pool, tx -> Membership.lockPitch(tx, pitchId).compose(p -> p.eventId() != eventId
            ? Future.failedFuture(AppError.conflict("That team is not part of this event."))
            : Membership.openForJoining(p))
        .compose(p -> EventLocks.lockParticipant(tx, eventId, personId)
            .compose(d -> tx.preparedQuery(IS_FREE_AGENT).execute(Tuple.of(eventId, personId)))
            .compose(listed -> listed.size() == 0
                ? Future.<Void>failedFuture(AppError.conflict("That person is no longer listed as a free agent."))
                : Membership.add(tx, p, personId, false, Joiner.OTHER))));
  }

  /** Display names of people and titles of pitches, by id, for reports that mention them. */
  public record Labels(Map<Long, String> people, Map<Long, String> pitches) {}

  public Future<Labels> labels(List<Long> personIds, List<Long> pitchIds) {
    return Future.all(labels(PEOPLE_NAMES, personIds), labels(PITCH_TITLES, pitchIds))
        .map(all -> new Labels(all.resultAt(0), all.resultAt(1)));
  }

  private Future<Map<Long, String>> labels(String sql, List<Long> ids) {
    return pool.preparedQuery(sql).execute(Tuple.tuple().addArrayOfLong(ids.toArray(Long[]::new))).map(rows -> {
      Map<Long, String> labels = new LinkedHashMap<>();
      rows.forEach(r -> labels.put(r.getLong("id"), r.getString("label")));
      return labels;
    });
  }

  private Future<List<Team>> withMembers(RowSet<Row> pitchRows) {
    Map<Long, Row> pitches = new LinkedHashMap<>();
    pitchRows.forEach(r -> pitches.put(r.getLong("id"), r));
    if (pitches.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    return pool.preparedQuery(MEMBERS).execute(Tuple.tuple().addArrayOfLong(pitches.keySet().toArray(Long[]::new)))
        .map(memberRows -> {
          Map<Long, List<Team.Member>> members = new LinkedHashMap<>();
          memberRows.forEach(m -> members.computeIfAbsent(m.getLong("pitch_id"), k -> new ArrayList<>())
              .add(new Team.Member(m.getLong("person_id"), m.getString("display_name"), m.getString("email"),
                  m.getString("department"), m.getString("location"), m.getBoolean("is_captain"),
                  m.getOffsetDateTime("joined_at").toInstant(), List.of(m.getArrayOfStrings("skills")))));
          return pitches.values().stream().map(r -> new Team(r.getLong("id"), r.getLong("event_id"),
              r.getString("title"), r.getString("stage"), r.getInteger("capacity"), r.getBoolean("approved"),
              r.getLong("captain_id"), r.getOffsetDateTime("created_at").toInstant(),
              List.of(r.getArrayOfStrings("wanted")), List.copyOf(members.getOrDefault(r.getLong("id"), List.of()))))
              .toList();
        });
  }
}
