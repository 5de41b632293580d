package app.shipyard.pitch;

import app.shipyard.db.Retry;
import app.shipyard.web.AppError;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.StreamSupport;

/** What people say around a pitch: interest marks and comments. Both close when the event is archived. */
public final class PitchTalkRepository {

  private static final String MARK =
      "INSERT INTO pitch_interest (pitch_id, person_id) VALUES ($1, $2) ON CONFLICT DO NOTHING";
  private static final String UNMARK = "DELETE FROM pitch_interest WHERE pitch_id = $1 AND person_id = $2";
  private static final String INTERESTED = """
      SELECT pe.id, pe.display_name, pe.department FROM pitch_interest i JOIN people pe ON pe.id = i.person_id
       WHERE i.pitch_id = $1 ORDER BY i.created_at, pe.id
      """;
  private static final String COMMENT = """
      INSERT INTO pitch_comments (pitch_id, author_id, body) VALUES ($1, $2, $3) RETURNING id
      """;
  private static final String COMMENTS = """
      SELECT c.id, c.author_id, pe.display_name, c.body, c.created_at FROM pitch_comments c
        JOIN people pe ON pe.id = c.author_id
       WHERE c.pitch_id = $1 AND ($2::bigint IS NULL OR c.id = $2) ORDER BY c.created_at, c.id
      """;
  private static final String COMMENT_AUTHOR = "SELECT author_id FROM pitch_comments WHERE id = $1 AND pitch_id = $2";
  private static final String DELETE_COMMENT = "DELETE FROM pitch_comments WHERE id = $1";

  private final Pool pool;

  public PitchTalkRepository(Pool pool) {
    this.pool = pool;
  }

  /** Everyone who marked interest, in the order they did. */
  public Future<List<Interested>> interested(long pitchId) {
    return pool.preparedQuery(INTERESTED).execute(Tuple.of(pitchId)).map(rows -> StreamSupport
        .stream(rows.spliterator(), false)
        .map(r -> new Interested(r.getLong("id"), r.getString("display_name"), r.getString("department"))).toList());
  }

  /** Marks or unmarks {@code who}'s interest; doing it twice changes nothing. */
  public Future<Void> markInterest(long pitchId, Audience who, boolean interested) {
    return Retry.transaction(pool, tx -> PitchGuard.forTalk(tx, pitchId, who).compose(pitch -> {
      PitchRules.talkRefusal(pitch.phase()).ifPresent(reason -> {
        throw AppError.conflict(reason);
      });
      return tx.preparedQuery(interested ? MARK : UNMARK).execute(Tuple.of(pitchId, who.personId())).mapEmpty();
    }));
  }

  /** The comments on a pitch, oldest first. */
  public Future<List<Comment>> comments(long pitchId) {
    return comments(pitchId, null);
  }

  public Future<Comment> comment(long pitchId, Audience who, String body) {
    return Retry.transaction(pool, tx -> PitchGuard.forTalk(tx, pitchId, who).compose(pitch -> {
      PitchRules.talkRefusal(pitch.phase()).ifPresent(reason -> {
        throw AppError.conflict(reason + " Comments are closed.");
      });
      return tx.preparedQuery(COMMENT).execute(Tuple.of(pitchId, who.personId(), body));
    })).compose(rows -> comments(pitchId, rows.iterator().next().getLong("id"))).map(list -> list.get(0));
  }

  /** Authors delete their own comments, organisers any; not in an archived event. */
  public Future<Void> deleteComment(long pitchId, long commentId, Audience who) {
    return Retry.transaction(pool, tx -> PitchGuard.forTalk(tx, pitchId, who).compose(pitch -> {
      PitchRules.talkRefusal(pitch.phase()).ifPresent(reason -> {
        throw AppError.conflict(reason + " Comments can no longer be deleted.");
      });
      return tx.preparedQuery(COMMENT_AUTHOR).execute(Tuple.of(commentId, pitchId));
    }).compose(rows -> {
      if (rows.size() == 0) {
        throw AppError.notFound("That comment");
      }
      if (!who.organiser() && rows.iterator().next().getLong("author_id") != who.personId()) {
        throw AppError.forbidden("You can only delete your own comments.");
      }
      return tx.preparedQuery(DELETE_COMMENT).execute(Tuple.of(commentId)).mapEmpty();
    }));
  }

  private Future<List<Comment>> comments(long pitchId, Long onlyId) {
    return pool.preparedQuery(COMMENTS).execute(Tuple.of(pitchId, onlyId)).map(rows -> StreamSupport
        .stream(rows.spliterator(), false)
        .map(r -> new Comment(r.getLong("id"), r.getLong("author_id"), r.getString("display_name"),
            r.getString("body"), r.getOffsetDateTime("created_at"))).toList());
  }

  public record Interested(long id, String displayName, String department) {}

  public record Comment(long id, long authorId, String authorName, String body, OffsetDateTime createdAt) {}
}
