package app.shipyard.team;

import app.shipyard.event.EventLocks;
import app.shipyard.event.EventLocks.Hold;
import app.shipyard.event.EventLocks.LockedPitch;
import app.shipyard.identity.Person;
import app.shipyard.identity.Role;
import app.shipyard.web.AppError;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

/**
 * The rules of team membership, applied inside the caller's transaction. Locks are taken through {@link EventLocks}
 * in its one order (the event shared, the pitch, the person's participation row), so concurrent joins, approvals,
 * placements, free-agent listings, event edits and phase moves are settled by the database without deadlocks, and no
 * team changes in a phase that forbids it.
 */
public final class Membership {

  private static final String TEAM_COUNT =
      "SELECT count(*) AS n FROM team_members WHERE event_id = $1 AND person_id = $2";
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

  /** Locks the pitch for a change of its team (its event shared first); a missing or hidden pitch is "not found". */
  public static Future<LockedPitch> lockPitch(SqlConnection tx, long pitchId) {
    return EventLocks.lockPitch(tx, pitchId, Hold.EXCLUSIVE).compose(p -> p.hidden()
        ? Future.failedFuture(AppError.notFound("That pitch")) : Future.succeededFuture(p));
  }

  /** Fails unless the event's phase still lets people change teams. */
  public static Future<LockedPitch> teamsUnlocked(LockedPitch pitch) {
    return pitch.phase().teamsOpen() ? Future.succeededFuture(pitch) : Future.failedFuture(
        AppError.conflict("Teams are locked while the event is in " + pitch.phase().label() + "."));
  }

  /** Fails unless people may join: teams unlocked and the pitch approved. */
  public static Future<LockedPitch> openForJoining(LockedPitch pitch) {
    if (!pitch.phase().teamsOpen()) {
      return teamsUnlocked(pitch);
    }
    if (!pitch.approved()) {
      return Future.failedFuture(AppError.conflict("This pitch is waiting for an organiser's approval; "
          + "its team opens once it is approved."));
    }
    return Future.succeededFuture(pitch);
  }

  /**
   * Locks the person's participation row, then fails with the refusal (a conflict) when they are on a team in the
   * event; holding the lock joining takes, nobody joins a team meanwhile. The caller holds the event lock.
   */
  public static Future<Void> lockWithoutTeam(SqlConnection tx, long eventId, long personId, String refusal) {
    return EventLocks.lockParticipant(tx, eventId, personId)
        .compose(d -> tx.preparedQuery(TEAM_COUNT).execute(Tuple.of(eventId, personId)))
        .compose(count -> count.iterator().next().getLong("n") > 0
            ? Future.failedFuture(AppError.conflict(refusal)) : Future.succeededFuture());
  }

  /**
   * Makes a new pitch's author its captain and first member, under the same rules as any join (the pitch feature's
   * {@code CaptainEnrolment}).
   */
  public static Future<Void> enrolCaptain(SqlConnection tx, LockedPitch pitch) {
    return add(tx, pitch, pitch.captainId(), true, Joiner.SELF);
  }

  /**
   * Adds a person to the locked pitch's team, refusing as {@link #mayJoin} does. Joining a team ends the person's
   * free-agent listing in the same transaction.
   */
  public static Future<Void> add(SqlConnection tx, LockedPitch pitch, long personId, boolean captain, Joiner joiner) {
    return mayJoin(tx, pitch, personId, joiner)
        .compose(ok -> tx.preparedQuery(ADD_MEMBER).execute(Tuple.of(pitch.id(), personId, pitch.eventId(), captain)))
        .compose(added -> tx.preparedQuery(END_FREE_AGENCY).execute(Tuple.of(pitch.eventId(), personId)))
        .mapEmpty();
  }

  /**
   * Locks the person's participation row, then fails when they are already on the team, already on as many teams
   * as the event allows, or the team is full (the caller holds the pitch row lock).
   */
  public static Future<Void> mayJoin(SqlConnection tx, LockedPitch pitch, long personId, Joiner joiner) {
    boolean self = joiner == Joiner.SELF;
    int teamsPerPerson = pitch.event().rules().teamsPerPerson();
    return EventLocks.lockParticipant(tx, pitch.eventId(), personId)
        .compose(d -> tx.preparedQuery(COUNTS).execute(Tuple.of(pitch.id(), pitch.eventId(), personId)))
        .compose(counts -> {
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
          if (c.getLong("team_size") >= pitch.capacity()) {
            return Future.failedFuture(AppError.conflict("This team is full."));
          }
          return Future.succeededFuture();
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
