package app.shipyard.attachment;

import app.shipyard.db.Retry;
import app.shipyard.event.EventLocks;
import app.shipyard.event.EventLocks.Hold;
import app.shipyard.event.EventLocks.LockedPitch;
import app.shipyard.pitch.Audience;
import app.shipyard.web.AppError;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;

/**
 * Attachments in PostgreSQL: the file and its preview as {@code bytea} beside their metadata, written in the same
 * transaction, so a file is either stored whole with its row or not at all. Changes lock the project's pitch
 * exclusively through {@link EventLocks} (its event shared first), so uploads to one project take their slots one at a
 * time; the slots' unique constraint keeps the limit of {@value #MAX_PER_PROJECT} even so.
 */
public final class AttachmentRepository {

  public static final int MAX_PER_PROJECT = 20;
  private static final String COLUMNS = """
      SELECT a.id, a.pitch_id, a.media_type, a.file_name, a.caption, a.size_bytes, a.width, a.height,
             a.preview_width, a.preview_height, a.uploaded_by, pe.display_name AS uploader_name, a.uploaded_at
        FROM attachments a JOIN people pe ON pe.id = a.uploaded_by
      """;
  private static final String OF_PROJECT = COLUMNS + " WHERE a.pitch_id = $1 ORDER BY a.uploaded_at, a.id";
  private static final String ONE = COLUMNS + " WHERE a.id = $1";
  private static final String PROJECT_OF = "SELECT pitch_id, uploaded_by FROM attachments WHERE id = $1";
  private static final String MEMBER = "SELECT 1 FROM team_members WHERE pitch_id = $1 AND person_id = $2";
  private static final String MAY_ADD = """
      SELECT p.captain_id = $2 OR $3::boolean
             OR EXISTS (SELECT 1 FROM team_members t WHERE t.pitch_id = p.id AND t.person_id = $2) AS may
        FROM pitches p WHERE p.id = $1
      """;
  private static final String FREE_SLOT = """
      SELECT min(s) AS slot FROM generate_series(1, %d) s
       WHERE s NOT IN (SELECT slot FROM attachments WHERE pitch_id = $1)
      """.formatted(MAX_PER_PROJECT);
  private static final String INSERT = """
      INSERT INTO attachments (pitch_id, slot, media_type, file_name, caption, size_bytes, sha256, width, height,
                               content, preview_type, preview, preview_sha256, preview_width, preview_height,
                               uploaded_by)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING id
      """;
  /** The bytes only when the client's copy is not already current (its ETag is not among {@code $2}). */
  private static final String FILE = """
      SELECT media_type, file_name, sha256, CASE WHEN sha256 = ANY ($2) THEN NULL ELSE content END AS content
        FROM attachments WHERE id = $1
      """;
  private static final String PREVIEW = """
      SELECT preview_type AS media_type, file_name, preview_sha256 AS sha256,
             CASE WHEN preview_sha256 = ANY ($2) THEN NULL ELSE preview END AS content
        FROM attachments WHERE id = $1 AND preview_type IS NOT NULL
      """;
  private static final String DELETE = "DELETE FROM attachments WHERE id = $1 AND pitch_id = $2";

  private final Pool pool;

  public AttachmentRepository(Pool pool) {
    this.pool = pool;
  }

  /** A project's attachments, oldest first: what the gallery shows (the lead adds it to the project page). */
  public Future<List<Attachment>> ofProject(long pitchId) {
    return pool.preparedQuery(OF_PROJECT).execute(Tuple.of(pitchId)).map(rows -> StreamSupport
        .stream(rows.spliterator(), false).map(AttachmentRepository::attachment).toList());
  }

  /** The project (pitch) an attachment belongs to; "not found" when there is no such attachment. */
  public Future<Long> projectOf(long id) {
    return pool.preparedQuery(PROJECT_OF).execute(Tuple.of(id)).map(rows -> {
      if (rows.size() == 0) {
        throw AppError.notFound("That attachment");
      }
      return rows.iterator().next().getLong("pitch_id");
    });
  }

  /**
   * Refuses early, before a file is read and decoded, whoever may not add to the project; {@link #add} checks again
   * under the lock.
   */
  public Future<Void> requireMayAdd(long pitchId, Audience who) {
    return pool.preparedQuery(MAY_ADD).execute(Tuple.of(pitchId, who.personId(), who.organiser())).map(rows -> {
      if (rows.size() == 0) {
        throw AppError.notFound("That pitch");
      }
      if (!rows.iterator().next().getBoolean("may")) {
        throw mayNotAdd();
      }
      return null;
    });
  }

  /**
   * Stores a checked file for the project: its captain, a team member or an organiser may; a project with
   * {@value #MAX_PER_PROJECT} files already is full (409).
   */
  public Future<Attachment> add(long pitchId, Audience who, ContentCheck.Checked file, String fileName,
                                String caption, String sha256, String previewSha256) {
    return Retry.transaction(pool, tx -> locked(tx, pitchId, who)
        .compose(pitch -> requireTeam(tx, pitch, who))
        .compose(v -> tx.preparedQuery(FREE_SLOT).execute(Tuple.of(pitchId)))
        .compose(rows -> {
          Integer slot = rows.iterator().next().getInteger("slot");
          if (slot == null) {
            throw AppError.conflict("This project already has " + MAX_PER_PROJECT
                + " attachments, the most it may have. Delete one to add another.");
          }
          var preview = Optional.ofNullable(file.preview());
          return tx.preparedQuery(INSERT).execute(Tuple.from(new Object[] {pitchId, slot, file.type().mediaType(),
              fileName, caption, file.bytes().length, sha256, file.width(), file.height(),
              Buffer.buffer(file.bytes()), preview.map(Previews.Preview::mediaType).orElse(null),
              preview.map(p -> Buffer.buffer(p.bytes())).orElse(null), previewSha256,
              preview.map(Previews.Preview::width).orElse(null), preview.map(Previews.Preview::height).orElse(null),
              who.personId()}));
        })).compose(rows -> one(rows.iterator().next().getLong("id")));
  }

  /** The uploader, the project's captain or an organiser removes an attachment. */
  public Future<Void> delete(long id, Audience who) {
    return pool.preparedQuery(PROJECT_OF).execute(Tuple.of(id)).compose(found -> {
      if (found.size() == 0) {
        return Future.failedFuture(AppError.notFound("That attachment"));
      }
      long pitchId = found.iterator().next().getLong("pitch_id");
      long uploader = found.iterator().next().getLong("uploaded_by");
      return Retry.transaction(pool, tx -> locked(tx, pitchId, who).compose(pitch -> {
        if (!who.manages(pitch.captainId()) && uploader != who.personId()) {
          throw AppError.forbidden("Only whoever uploaded it, the project's captain or an organiser can delete it.");
        }
        return tx.preparedQuery(DELETE).execute(Tuple.of(id, pitchId));
      })).map(rows -> {
        if (rows.rowCount() == 0) {
          throw AppError.notFound("That attachment");
        }
        return null;
      });
    });
  }

  /** The file (or its preview); its {@code content} is null when one of {@code etags} is already its ETag. */
  public Future<Optional<Served>> served(long id, boolean preview, List<String> etags) {
    return pool.preparedQuery(preview ? PREVIEW : FILE).execute(Tuple.of(id).addArrayOfString(etags.toArray(new String[0])))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(served(rows.iterator().next())));
  }

  private Future<Attachment> one(long id) {
    return pool.preparedQuery(ONE).execute(Tuple.of(id)).map(rows -> attachment(rows.iterator().next()));
  }

  /** Locks the pitch (its event shared first) and refuses, as "not found", a pitch the person may not see. */
  private static Future<LockedPitch> locked(SqlConnection tx, long pitchId, Audience who) {
    return EventLocks.lockPitch(tx, pitchId, Hold.EXCLUSIVE).map(pitch -> {
      // The rule of PitchRepository.VISIBLE (as PitchGuard applies it), on the row just locked.
      if (!(pitch.approved() && !pitch.hidden() || who.manages(pitch.captainId()))) {
        throw AppError.notFound("That pitch");
      }
      return pitch;
    });
  }

  private static Future<Void> requireTeam(SqlConnection tx, LockedPitch pitch, Audience who) {
    if (who.manages(pitch.captainId())) {
      return Future.succeededFuture();
    }
    return tx.preparedQuery(MEMBER).execute(Tuple.of(pitch.id(), who.personId())).map(rows -> {
      if (rows.size() == 0) {
        throw mayNotAdd();
      }
      return null;
    });
  }

  private static AppError mayNotAdd() {
    return AppError.forbidden("Only the project's team and the organisers can add attachments.");
  }

  private static Attachment attachment(Row r) {
    return new Attachment(r.getLong("id"), r.getLong("pitch_id"), r.getString("media_type"), r.getString("file_name"),
        r.getString("caption"), r.getInteger("size_bytes"), r.getInteger("width"), r.getInteger("height"),
        r.getInteger("preview_width"), r.getInteger("preview_height"), r.getLong("uploaded_by"),
        r.getString("uploader_name"), r.getOffsetDateTime("uploaded_at"));
  }

  private static Served served(Row r) {
    return new Served(r.getString("media_type"), r.getString("file_name"), r.getString("sha256"),
        r.getBuffer("content"));
  }

  /** A file to send: {@code content} null means "not modified". */
  public record Served(String mediaType, String fileName, String sha256, Buffer content) {}
}
