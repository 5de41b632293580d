package app.shipyard.pitch;

import app.shipyard.db.Retry;
import app.shipyard.event.EventLocks.LockedPitch;
import app.shipyard.web.AppError;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.StreamSupport;

/**
 * Changes to a pitch that leave a trace: edits (the previous version kept as a revision), approval, hiding by
 * organisers and a lab project's stage changes. Each runs in one transaction behind {@link PitchGuard}, retried
 * when the database rolls it back for a deadlock or serialization failure.
 */
public final class PitchChangeRepository {

  private static final String KEEP_REVISION = """
      INSERT INTO pitch_revisions (pitch_id, edited_by, title, summary, problem, idea, capacity, skills, tags, links)
      SELECT p.id, $2, p.title, p.summary, p.problem, p.idea, p.capacity,
             coalesce((SELECT array_agg(s.name ORDER BY lower(s.name)) FROM pitch_skills ps
                         JOIN skills s ON s.id = ps.skill_id WHERE ps.pitch_id = p.id), '{}'),
             p.tags, p.links
        FROM pitches p WHERE p.id = $1
      """;
  private static final String UPDATE = """
      UPDATE pitches SET title = $2, summary = $3, problem = $4, idea = $5, capacity = $6, tags = $7, links = $8,
                         remote_ok = $9, updated_at = now()
       WHERE id = $1
      """;
  private static final String CLEAR_LISTS = """
      WITH s AS (DELETE FROM pitch_skills WHERE pitch_id = $1)
      DELETE FROM pitch_locations WHERE pitch_id = $1
      """;
  private static final String REVISIONS = """
      SELECT r.*, pe.display_name FROM pitch_revisions r JOIN people pe ON pe.id = r.edited_by
       WHERE r.pitch_id = $1 ORDER BY r.edited_at DESC, r.id DESC
      """;
  private static final String TEAM_SIZE = "SELECT count(*) AS n FROM team_members WHERE pitch_id = $1";
  private static final String APPROVE = "UPDATE pitches SET approved = true WHERE id = $1";
  private static final String HIDE =
      "UPDATE pitches SET hidden_reason = $2, hidden_by = $3, hidden_at = now() WHERE id = $1";
  private static final String UNHIDE =
      "UPDATE pitches SET hidden_reason = NULL, hidden_by = NULL, hidden_at = NULL WHERE id = $1";
  private static final String SET_STAGE = "UPDATE pitches SET stage = $2, updated_at = now() WHERE id = $1";
  private static final String RECORD_STAGE = """
      INSERT INTO pitch_stage_changes (pitch_id, from_stage, to_stage, note, changed_by) VALUES ($1, $2, $3, $4, $5)
      """;
  private static final String STAGES = """
      SELECT c.*, pe.display_name FROM pitch_stage_changes c JOIN people pe ON pe.id = c.changed_by
       WHERE c.pitch_id = $1 ORDER BY c.changed_at, c.id
      """;

  private final Pool pool;

  public PitchChangeRepository(Pool pool) {
    this.pool = pool;
  }

  /**
   * Replaces the pitch's details, keeping the version before as a revision. The captain or an organiser may edit
   * until the demos start; the capacity may not drop below the team's current size.
   */
  public Future<Void> edit(long pitchId, Audience who, PitchDetails d) {
    return change(pitchId, who, (tx, pitch) -> {
      PitchGuard.requireManagedBy(pitch, who, "edit it");
      PitchRules.editRefusal(pitch.phase()).ifPresent(reason -> {
        throw AppError.conflict(reason);
      });
      int teamMax = pitch.event().rules().teamMax();
      if (d.capacity() > teamMax) {
        throw AppError.invalid("capacity", "must be at most " + teamMax + ", this event's team size limit");
      }
      return tx.preparedQuery(TEAM_SIZE).execute(Tuple.of(pitchId))
          .compose(size -> {
            long teamSize = size.iterator().next().getLong("n");
            if (d.capacity() < teamSize) {
              throw AppError.invalid("capacity", "must be at least " + teamSize + ", the team's current size");
            }
            return PitchRepository.checkLocations(tx, pitch.eventId(), d.locationIds());
          })
          .compose(ok -> tx.preparedQuery(KEEP_REVISION).execute(Tuple.of(pitchId, who.personId())))
          .compose(kept -> tx.preparedQuery(UPDATE).execute(Tuple.tuple().addLong(pitchId).addString(d.title())
              .addString(d.summary()).addString(d.problem()).addString(d.idea()).addInteger(d.capacity())
              .addArrayOfString(d.tags().toArray(String[]::new)).addArrayOfString(d.links().toArray(String[]::new))
              .addBoolean(d.remoteOk())))
          .compose(updated -> tx.preparedQuery(CLEAR_LISTS).execute(Tuple.of(pitchId)))
          .compose(cleared -> PitchRepository.linkLists(tx, pitchId, d));
    });
  }

  /** Earlier versions of the pitch, the most recent edit first. */
  public Future<List<Revision>> revisions(long pitchId) {
    return pool.preparedQuery(REVISIONS).execute(Tuple.of(pitchId)).map(rows -> StreamSupport
        .stream(rows.spliterator(), false)
        .map(r -> new Revision(r.getLong("id"), r.getLong("edited_by"), r.getString("display_name"),
            r.getOffsetDateTime("edited_at"), r.getString("title"), r.getString("summary"), r.getString("problem"),
            r.getString("idea"), r.getInteger("capacity"), List.of(r.getArrayOfStrings("skills")),
            List.of(r.getArrayOfStrings("tags")), List.of(r.getArrayOfStrings("links")))).toList());
  }

  /** An organiser approves a pitch (again approving changes nothing); refused in an archived event. */
  public Future<Void> approve(long pitchId, Audience organiser) {
    return change(pitchId, organiser, (tx, pitch) -> {
      PitchRules.talkRefusal(pitch.phase()).ifPresent(reason -> {
        throw AppError.conflict(reason);
      });
      return tx.preparedQuery(APPROVE).execute(Tuple.of(pitchId)).mapEmpty();
    });
  }

  /** An organiser hides a pitch with a reason (hiding again replaces the reason), in any phase. */
  public Future<Void> hide(long pitchId, Audience organiser, String reason) {
    return change(pitchId, organiser,
        (tx, pitch) -> tx.preparedQuery(HIDE).execute(Tuple.of(pitchId, reason, organiser.personId())).mapEmpty());
  }

  public Future<Void> unhide(long pitchId, Audience organiser) {
    return change(pitchId, organiser, (tx, pitch) -> tx.preparedQuery(UNHIDE).execute(Tuple.of(pitchId)).mapEmpty());
  }

  /** The captain or an organiser moves a lab project to another stage, recorded with an optional note. */
  public Future<Void> changeStage(long pitchId, Audience who, Stage to, String note) {
    return change(pitchId, who, (tx, pitch) -> {
      PitchGuard.requireManagedBy(pitch, who, "change its stage");
      PitchRules.stageRefusal(pitch.event().kind(), pitch.phase()).ifPresent(reason -> {
        throw AppError.conflict(reason);
      });
      if (pitch.stage().equals(to.key())) {
        throw AppError.conflict("The project is already at stage " + to.label() + ".");
      }
      return tx.preparedQuery(SET_STAGE).execute(Tuple.of(pitchId, to.key()))
          .compose(set -> tx.preparedQuery(RECORD_STAGE)
              .execute(Tuple.of(pitchId, pitch.stage(), to.key(), note, who.personId())))
          .mapEmpty();
    });
  }

  /** The project's stage changes, oldest first. */
  public Future<List<StageChange>> stages(long pitchId) {
    return pool.preparedQuery(STAGES).execute(Tuple.of(pitchId)).map(rows -> StreamSupport
        .stream(rows.spliterator(), false)
        .map(r -> new StageChange(r.getLong("id"), r.getString("from_stage"), r.getString("to_stage"),
            r.getString("note"), r.getLong("changed_by"), r.getString("display_name"),
            r.getOffsetDateTime("changed_at"))).toList());
  }

  private Future<Void> change(long pitchId, Audience who, Step step) {
    return Retry.transaction(pool, tx -> PitchGuard.forChange(tx, pitchId, who).compose(pitch -> step.apply(tx, pitch)));
  }

  private interface Step {
    Future<Void> apply(SqlConnection tx, LockedPitch pitch);
  }

  /** The pitch as it was before an edit, and who made that edit when. */
  public record Revision(long id, long editedById, String editedBy, OffsetDateTime editedAt, String title,
                         String summary, String problem, String idea, int capacity, List<String> skills,
                         List<String> tags, List<String> links) {}

  public record StageChange(long id, String from, String to, String note, long changedById, String changedBy,
                            OffsetDateTime changedAt) {

    public String fromLabel() {
      return Stage.labelOf(from);
    }

    public String toLabel() {
      return Stage.labelOf(to);
    }
  }
}
