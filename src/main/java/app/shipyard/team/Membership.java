package app.shipyard.team;

import app.shipyard.identity.Person;
import app.shipyard.identity.Role;
import app.shipyard.event.Phase;
import app.shipyard.web.AppError;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

/**
 * The rules of team membership, applied inside the caller's transaction. Locks are always taken in the same order
 * (pitch row, then the person's {@code event_participants} row), so concurrent joins, approvals, placements and
 * free-agent listings are settled by the database without deadlocks.
 */
public final class Membership {

  private static final String LOCK_PITCH = """
      SELECT p.id, p.event_id, p.captain_id, p.capacity, p.approved, e.phase, e.join_by_request
        FROM pitches p JOIN events e ON e.id = p.event_id
       WHERE p.id = $1 AND p.hidden_reason IS NULL FOR UPDATE OF p
      """;
  private static final String ENSURE_PARTICIPANT =
      "INSERT INTO event_participants (event_id, person_id) VALUES ($1, $2) ON CONFLICT DO NOTHING";
  private static final String LOCK_PARTICIPANT =
      "SELECT 1 FROM event_participants WHERE event_id = $1 AND person_id = $2 FOR UPDATE";
  private static final String TEAM_COUNT =
      "SELECT count(*) AS n FROM team_members WHERE event_id = $1 AND person_id = $2";
  private static final String TEAMS_PER_PERSON = "SELECT teams_per_person FROM events WHERE id = $1";
  private static final String COUNTS = """
      SELECT (SELECT count(*) FROM team_members WHERE pitch_id = $1) AS team_size,
             (SELECT count(*) FROM team_members WHERE event_id = $2 AND person_id = $3) AS my_teams,
             EXISTS (SELECT 1 FROM team_members WHERE pitch_id = $1 AND person_id = $3) AS already
      """;
  private static final String ADD_MEMBER =
      "INSERT INTO team_members (pitch_id, person_id, event_id, is_captain) VALUES ($1, $2, $3, $4)";
  private static final String END_FREE_AGENCY = "DELETE FROM free_agents WHERE event_id = $1 AND person_id = $2";

  /** Who is being added: the signed-in person themselves, or someone else (approval, placement). */
  public enum Joiner { SELF, OTHER }

  private Membership() {}

  /** A pitch row locked for this transaction, with what the membership rules need. */
  public record LockedPitch(long id, long eventId, long captainId, int capacity, boolean approved, Phase phase,
                            boolean joinByRequest) {

    /** Fails unless the event's phase still lets people change teams. */
    public Future<LockedPitch> teamsUnlocked() {
      return phase.teamsOpen() ? Future.succeededFuture(this)
          : Future.failedFuture(AppError.conflict("Teams are locked while the event is in " + phase.label() + "."));
    }

    /** Fails unless people may join: teams unlocked and the pitch approved. */
    public Future<LockedPitch> openForJoining() {
      if (!phase.teamsOpen()) {
        return teamsUnlocked();
      }
      if (!approved) {
        return Future.failedFuture(AppError.conflict("This pitch is waiting for an organiser's approval; "
            + "its team opens once it is approved."));
      }
      return Future.succeededFuture(this);
    }
  }

  /** Locks the pitch row (FOR UPDATE); a missing or hidden pitch is "not found". */
  public static Future<LockedPitch> lockPitch(SqlConnection tx, long pitchId) {
    return tx.preparedQuery(LOCK_PITCH).execute(Tuple.of(pitchId)).compose(rows -> {
      if (rows.size() == 0) {
        return Future.failedFuture(AppError.notFound("That pitch"));
      }
      Row r = rows.iterator().next();
      return Future.succeededFuture(new LockedPitch(r.getLong("id"), r.getLong("event_id"), r.getLong("captain_id"),
          r.getInteger("capacity"), r.getBoolean("approved"), Phase.parse(r.getString("phase")).orElseThrow(),
          r.getBoolean("join_by_request")));
    });
  }

  /** Makes the person a participant of the event, if not yet. */
  public static Future<Void> ensureParticipant(SqlConnection tx, long eventId, long personId) {
    return tx.preparedQuery(ENSURE_PARTICIPANT).execute(Tuple.of(eventId, personId)).mapEmpty();
  }

  /** Makes the person a participant of the event (if not yet) and locks their participation row. */
  public static Future<Void> lockParticipant(SqlConnection tx, long eventId, long personId) {
    return ensureParticipant(tx, eventId, personId)
        .compose(d -> tx.preparedQuery(LOCK_PARTICIPANT).execute(Tuple.of(eventId, personId))).mapEmpty();
  }

  /**
   * Locks the person's participation row, then fails with the refusal (a conflict) when they are on a team in the
   * event; holding the lock joining takes, nobody joins a team meanwhile.
   */
  public static Future<Void> lockWithoutTeam(SqlConnection tx, long eventId, long personId, String refusal) {
    return lockParticipant(tx, eventId, personId)
        .compose(d -> tx.preparedQuery(TEAM_COUNT).execute(Tuple.of(eventId, personId)))
        .compose(count -> count.iterator().next().getLong("n") > 0
            ? Future.failedFuture(AppError.conflict(refusal)) : Future.succeededFuture());
  }

  /** Adds the signed-in person to a team (the caller holds the pitch row lock). */
  public static Future<Void> add(SqlConnection tx, long pitchId, long eventId, long personId, int capacity,
                                 boolean captain) {
    return add(tx, pitchId, eventId, personId, capacity, captain, Joiner.SELF);
  }

  /**
   * Adds a person to a team, refusing as {@link #mayJoin} does. Joining a team ends the person's free-agent listing
   * in the same transaction.
   */
  public static Future<Void> add(SqlConnection tx, long pitchId, long eventId, long personId, int capacity,
                                 boolean captain, Joiner joiner) {
    return mayJoin(tx, pitchId, eventId, personId, capacity, joiner)
        .compose(ok -> tx.preparedQuery(ADD_MEMBER).execute(Tuple.of(pitchId, personId, eventId, captain)))
        .compose(added -> tx.preparedQuery(END_FREE_AGENCY).execute(Tuple.of(eventId, personId)))
        .mapEmpty();
  }

  /**
   * Locks the person's participation row, then fails when they are already on the team, already on as many teams
   * as the event allows, or the team is full (the caller holds the pitch row lock).
   */
  public static Future<Void> mayJoin(SqlConnection tx, long pitchId, long eventId, long personId, int capacity,
                                     Joiner joiner) {
    boolean self = joiner == Joiner.SELF;
    return lockParticipant(tx, eventId, personId)
        .compose(d -> tx.preparedQuery(TEAMS_PER_PERSON).execute(Tuple.of(eventId)))
        .compose(limitRows -> {
          int teamsPerPerson = limitRows.iterator().next().getInteger("teams_per_person");
          return tx.preparedQuery(COUNTS).execute(Tuple.of(pitchId, eventId, personId)).compose(counts -> {
            Row c = counts.iterator().next();
            if (c.getBoolean("already")) {
              return Future.failedFuture(AppError.conflict(self ? "You are already on this team."
                  : "That person is already on this team."));
            }
            if (c.getLong("my_teams") >= teamsPerPerson) {
              return Future.failedFuture(AppError.conflict(teamsPerPerson == 1
                  ? (self ? "You are already on a team in this event; leave it first."
                      : "That person is already on a team in this event.")
                  : (self ? "You are" : "That person is") + " already on " + teamsPerPerson
                      + " teams, the most this event allows."));
            }
            if (c.getLong("team_size") >= capacity) {
              return Future.failedFuture(AppError.conflict("This team is full."));
            }
            return Future.succeededFuture();
          });
        });
  }

  /** The captain of a pitch and organisers decide on its join requests and see its matches. */
  public static boolean mayManage(Person person, long captainId) {
    return person.id() == captainId || isOrganiser(person);
  }

  public static boolean isOrganiser(Person person) {
    return person.has(Role.ORGANISER) || person.has(Role.ADMIN);
  }
}
