package app.shipyard.team;

import app.shipyard.db.Retry;
import app.shipyard.identity.Person;
import app.shipyard.team.Membership.Joiner;
import app.shipyard.web.AppError;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;

/**
 * Join requests: the captain (or an organiser) approves or declines, the requester may withdraw. Approval adds
 * the person under the same locks and rules as a direct join, so it is refused when the team filled up meanwhile; the
 * request row is locked after the pitch and before the person's participation row (see
 * {@code event/EventLocks}).
 */
public final class JoinRequestRepository {

  private static final String SELECT_REQUEST = """
      SELECT r.id, r.pitch_id, r.event_id, r.person_id, r.message, r.status, r.created_at, r.decided_at,
             pe.display_name, pe.department, coalesce(l.name, '') AS location
        FROM join_requests r JOIN people pe ON pe.id = r.person_id LEFT JOIN locations l ON l.id = pe.location_id
      """;
  private static final String PITCH_OF = "SELECT pitch_id FROM join_requests WHERE id = $1";
  private static final String LOCK_REQUEST = "SELECT person_id, status FROM join_requests WHERE id = $1 FOR NO KEY UPDATE";
  private static final String DECIDE = """
      UPDATE join_requests SET status = $2, decided_by = $3, decided_at = now() WHERE id = $1 AND status = 'pending'
      """;

  private final Pool pool;

  public JoinRequestRepository(Pool pool) {
    this.pool = pool;
  }

  public Future<JoinRequest> get(long id) {
    return pool.preparedQuery(SELECT_REQUEST + " WHERE r.id = $1").execute(Tuple.of(id))
        .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(JoinRequestRepository::toRequest)
            .findFirst().orElseThrow(() -> AppError.notFound("That join request")));
  }

  /** The pending requests to join a pitch's team, oldest first. */
  public Future<List<JoinRequest>> pending(long pitchId) {
    return pool.preparedQuery(SELECT_REQUEST + " WHERE r.pitch_id = $1 AND r.status = 'pending' ORDER BY r.created_at, r.id")
        .execute(Tuple.of(pitchId))
        .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(JoinRequestRepository::toRequest).toList());
  }

  /** The person's own pending request to join this pitch, if any. */
  public Future<Optional<JoinRequest>> pendingOf(long pitchId, long personId) {
    return pool.preparedQuery(SELECT_REQUEST + " WHERE r.pitch_id = $1 AND r.person_id = $2 AND r.status = 'pending'")
        .execute(Tuple.of(pitchId, personId))
        .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(JoinRequestRepository::toRequest).findFirst());
  }

  /** The pitch's captain or an organiser approves (adding the person to the team) or declines a pending request. */
  public Future<Void> decide(long requestId, Person by, boolean approve) {
    return Retry.transaction(pool, tx -> tx.preparedQuery(PITCH_OF).execute(Tuple.of(requestId)).compose(rows -> {
      if (rows.size() == 0) {
        return Future.failedFuture(AppError.notFound("That join request"));
      }
      return Membership.lockPitch(tx, rows.iterator().next().getLong("pitch_id"));
    }).compose(pitch -> {
      if (!Membership.mayManage(by, pitch.captainId())) {
        return Future.failedFuture(AppError.forbidden("Only this team's captain or an organiser decides on its join requests."));
      }
      return tx.preparedQuery(LOCK_REQUEST).execute(Tuple.of(requestId)).compose(rows -> {
        Row request = rows.iterator().next();
        String status = request.getString("status");
        if (!"pending".equals(status)) {
          return Future.failedFuture(AppError.conflict("This request was already " + status + "."));
        }
        Future<Void> admitted = approve
            ? Membership.openForJoining(pitch)
                .compose(p -> Membership.add(tx, p, request.getLong("person_id"), false, Joiner.OTHER))
            : Future.succeededFuture();
        return admitted.compose(d -> tx.preparedQuery(DECIDE)
            .execute(Tuple.of(requestId, approve ? "approved" : "declined", by.id())).mapEmpty());
      });
    }));
  }

  /** The requester takes back their own pending request. */
  public Future<Void> withdraw(long requestId, long personId) {
    return Retry.transaction(pool, tx -> tx.preparedQuery(LOCK_REQUEST).execute(Tuple.of(requestId)).compose(rows -> {
      if (rows.size() == 0) {
        return Future.failedFuture(AppError.notFound("That join request"));
      }
      Row request = rows.iterator().next();
      if (request.getLong("person_id") != personId) {
        return Future.failedFuture(AppError.forbidden("Only the person who asked can withdraw a join request."));
      }
      if (!"pending".equals(request.getString("status"))) {
        return Future.failedFuture(AppError.conflict("This request was already " + request.getString("status") + "."));
      }
      return tx.preparedQuery(DECIDE).execute(Tuple.of(requestId, "withdrawn", personId)).mapEmpty();
    }));
  }

  private static JoinRequest toRequest(Row r) {
    OffsetDateTime decided = r.getOffsetDateTime("decided_at");
    return new JoinRequest(r.getLong("id"), r.getLong("pitch_id"), r.getLong("event_id"),
        new Someone(r.getLong("person_id"), r.getString("display_name"), r.getString("department"),
            r.getString("location")),
        r.getString("message"), r.getString("status"), r.getOffsetDateTime("created_at").toInstant(),
        decided == null ? null : decided.toInstant());
  }
}
