package app.shipyard.team;

import app.shipyard.account.Skills;
import app.shipyard.db.Retry;
import app.shipyard.event.EventLocks;
import app.shipyard.event.EventLocks.Hold;
import app.shipyard.event.EventLocks.LockedEvent;
import app.shipyard.web.AppError;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;

/**
 * One kind of {@link ListingKind}'s rows: free agents or mentors. The SQL below names the kind's tables and text column
 * as {@code {listing}}, {@code {listing_skills}} and {@code {text}}, filled in once from the kind.
 */
public final class ListingRepository<T extends ListedPerson> {

  private static final String SELECT = """
      SELECT li.person_id, pe.display_name, pe.department, coalesce(l.name, '') AS location, li.{text} AS text,
             li.created_at,
             coalesce((SELECT array_agg(s.name ORDER BY lower(s.name)) FROM {listing_skills} ls
                         JOIN skills s ON s.id = ls.skill_id
                        WHERE ls.event_id = li.event_id AND ls.person_id = li.person_id), '{}') AS skills
        FROM {listing} li JOIN people pe ON pe.id = li.person_id LEFT JOIN locations l ON l.id = pe.location_id
       WHERE li.event_id = $1
      """;
  private static final String LIST = SELECT + " ORDER BY li.created_at, li.person_id";
  private static final String FIND = SELECT + " AND li.person_id = $2";
  private static final String UPSERT = """
      INSERT INTO {listing} (event_id, person_id, {text}) VALUES ($1, $2, $3)
      ON CONFLICT (event_id, person_id) DO UPDATE SET {text} = EXCLUDED.{text}
      """;
  private static final String CLEAR_SKILLS = "DELETE FROM {listing_skills} WHERE event_id = $1 AND person_id = $2";
  private static final String LINK_SKILLS = """
      INSERT INTO {listing_skills} (event_id, person_id, skill_id)
      SELECT $1, $2, id FROM skills WHERE lower(name) = ANY (SELECT lower(n) FROM unnest($3::text[]) AS n)
      """;
  private static final String PROFILE_SKILLS = """
      INSERT INTO {listing_skills} (event_id, person_id, skill_id)
      SELECT $1, $2, skill_id FROM person_skills WHERE person_id = $2
      """;
  private static final String REMOVE = "DELETE FROM {listing} WHERE event_id = $1 AND person_id = $2";

  private final Pool pool;
  private final ListingKind<T> kind;
  private final String list;
  private final String find;
  private final String upsert;
  private final String clearSkills;
  private final String linkSkills;
  private final String profileSkills;
  private final String remove;

  public ListingRepository(Pool pool, ListingKind<T> kind) {
    this.pool = pool;
    this.kind = kind;
    this.list = sql(LIST);
    this.find = sql(FIND);
    this.upsert = sql(UPSERT);
    this.clearSkills = sql(CLEAR_SKILLS);
    this.linkSkills = sql(LINK_SKILLS);
    this.profileSkills = sql(PROFILE_SKILLS);
    this.remove = sql(REMOVE);
  }

  public ListingKind<T> kind() {
    return kind;
  }

  /** The event's listings, earliest first. */
  public Future<List<T>> list(long eventId) {
    return pool.preparedQuery(list).execute(Tuple.of(eventId))
        .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(this::toListing).toList());
  }

  public Future<Optional<T>> find(long eventId, long personId) {
    return pool.preparedQuery(find).execute(Tuple.of(eventId, personId))
        .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(this::toListing).findFirst());
  }

  /**
   * Lists the person, or updates their listing, in the phases the kind allows and once the kind admits them; the
   * event stays locked (shared) meanwhile, so its phase cannot move. Skills default to the person's profile skills
   * when none are given; new names join the shared vocabulary.
   */
  public Future<T> save(long eventId, long personId, List<String> skills, String text) {
    String[] names = skills.toArray(String[]::new);
    return Retry.transaction(pool, tx -> EventLocks.lockEvent(tx, eventId, Hold.SHARED).map(LockedEvent::phase)
        .compose(phase -> kind.openIn().test(phase) ? kind.admit().admit(tx, eventId, personId)
            : Future.<Void>failedFuture(AppError.conflict(kind.closed().apply(phase))))
        .compose(d -> tx.preparedQuery(upsert).execute(Tuple.of(eventId, personId, text)))
        .compose(d -> tx.preparedQuery(clearSkills).execute(Tuple.of(eventId, personId)))
        .compose(d -> linkSkills(tx, eventId, personId, names)))
        .compose(done -> find(eventId, personId)).map(Optional::orElseThrow);
  }

  /** Takes the person's listing down. */
  public Future<Void> remove(long eventId, long personId) {
    return pool.preparedQuery(remove).execute(Tuple.of(eventId, personId)).compose(rows -> rows.rowCount() == 1
        ? Future.<Void>succeededFuture() : Future.failedFuture(AppError.notFound(kind.notListed())));
  }

  private Future<Void> linkSkills(SqlConnection tx, long eventId, long personId, String[] names) {
    if (names.length == 0) {
      return tx.preparedQuery(profileSkills).execute(Tuple.of(eventId, personId)).mapEmpty();
    }
    return Skills.ensure(tx, names).compose(d -> tx.preparedQuery(linkSkills)
        .execute(Tuple.of(eventId, personId).addArrayOfString(names))).mapEmpty();
  }

  private T toListing(Row r) {
    return kind.make().make(new Someone(r.getLong("person_id"), r.getString("display_name"),
            r.getString("department"), r.getString("location")), List.of(r.getArrayOfStrings("skills")),
        r.getString("text"), r.getOffsetDateTime("created_at").toInstant());
  }

  private String sql(String template) {
    return template.replace("{listing_skills}", kind.skillTable()).replace("{listing}", kind.table())
        .replace("{text}", kind.text());
  }
}
