package app.shipyard.pitch;

import app.shipyard.account.Skills;
import app.shipyard.db.Retry;
import app.shipyard.event.EventLocks;
import app.shipyard.event.EventLocks.Hold;
import app.shipyard.event.EventLocks.LockedPitch;
import app.shipyard.identity.Location;
import app.shipyard.web.AppError;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Pitches. The author becomes captain through the {@link CaptainEnrolment} the team feature supplies (joining and
 * leaving are the team's, see {@code team/TeamRepository}).
 */
public final class PitchRepository {

  private static final String SKILL_NAMES = """
      coalesce((SELECT array_agg(sk.name ORDER BY lower(sk.name)) FROM pitch_skills ps
                  JOIN skills sk ON sk.id = ps.skill_id WHERE ps.pitch_id = p.id), '{}') AS skill_names""";
  private static final String PLACES = """
      coalesce((SELECT json_agg(json_build_object('id', l.id, 'name', l.name, 'timeZone', l.time_zone,
                          'remote', l.remote) ORDER BY l.remote, l.name)
                  FROM pitch_locations pl JOIN locations l ON l.id = pl.location_id WHERE pl.pitch_id = p.id),
               '[]'::json) AS places""";
  private static final String SELECT_PITCH = "SELECT p.*, c.display_name AS captain_name, "
      + "h.display_name AS hidden_by_name, " + SKILL_NAMES + ", " + PLACES + ", " + """
             coalesce((SELECT json_agg(json_build_object('personId', m.person_id, 'displayName', pe.display_name,
                                 'department', pe.department, 'captain', m.is_captain) ORDER BY m.joined_at)
                         FROM team_members m JOIN people pe ON pe.id = m.person_id WHERE m.pitch_id = p.id),
                      '[]'::json) AS members,
             (SELECT count(*) FROM pitch_interest i WHERE i.pitch_id = p.id) AS interest_count,
             (SELECT count(*) FROM pitch_revisions r WHERE r.pitch_id = p.id) AS revision_count,
             greatest(p.capacity - (SELECT count(*) FROM team_members m WHERE m.pitch_id = p.id), 0) AS open_places
        FROM pitches p JOIN people c ON c.id = p.captain_id LEFT JOIN people h ON h.id = p.hidden_by
      """;
  /** Who sees a pitch: everyone once approved and not hidden; its captain ($2) and organisers ($3) always. */
  static final String VISIBLE = "(p.approved AND p.hidden_reason IS NULL OR p.captain_id = $2 OR $3::boolean)";
  private static final String ONE = SELECT_PITCH + " WHERE p.id = $1 AND " + VISIBLE;
  private static final String SEEN = "SELECT 1 FROM pitches p WHERE p.id = $1 AND " + VISIBLE;
  /** A page of an event's pitches in the order of {@code pitch_standings}; {@link PitchFilter.Sort} adds the rest. */
  private static final String PAGE = "SELECT p.id, p.event_id, p.captain_id, c.display_name AS captain_name, p.title, "
      + "p.summary, p.capacity, p.stage, p.tags, p.remote_ok, p.approved, p.hidden_reason, p.hidden_at, "
      + "h.display_name AS hidden_by_name, s.created_at, s.members, s.interest, s.open_places, "
      + SKILL_NAMES + ", " + PLACES + """

        FROM pitch_standings s JOIN pitches p ON p.id = s.pitch_id JOIN people c ON c.id = p.captain_id
        LEFT JOIN people h ON h.id = p.hidden_by
       WHERE s.event_id = $1 AND """ + VISIBLE + """

         AND ($4::text IS NULL OR EXISTS (SELECT 1 FROM pitch_skills ps JOIN skills sk ON sk.id = ps.skill_id
                                           WHERE ps.pitch_id = p.id AND lower(sk.name) = lower($4::text)))
         AND ($5::text IS NULL OR lower($5::text) = ANY (SELECT lower(t) FROM unnest(p.tags) AS t))
         AND ($6::int IS NULL
              OR EXISTS (SELECT 1 FROM pitch_locations pl WHERE pl.pitch_id = p.id AND pl.location_id = $6::int)
              OR p.remote_ok AND EXISTS (SELECT 1 FROM locations l WHERE l.id = $6::int AND l.remote))
         AND (NOT $7::boolean OR s.open_places > 0)""";
  /** The locations a pitch may name: the event's own, or every location when the event lists none. */
  private static final String EVENT_LOCATIONS = """
      SELECT l.id, l.name, l.time_zone, l.remote FROM locations l
       WHERE l.id IN (SELECT location_id FROM event_locations WHERE event_id = $1)
          OR NOT EXISTS (SELECT 1 FROM event_locations WHERE event_id = $1)
       ORDER BY l.remote, l.name
      """;
  private static final String INSERT = """
      INSERT INTO pitches (event_id, captain_id, title, summary, problem, idea, capacity, tags, links, remote_ok, approved)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id
      """;
  private static final String LINK_SKILLS = """
      INSERT INTO pitch_skills (pitch_id, skill_id)
      SELECT $1, id FROM skills WHERE lower(name) = ANY (SELECT lower(n) FROM unnest($2::text[]) AS n)
      """;
  private static final String LINK_LOCATIONS =
      "INSERT INTO pitch_locations (pitch_id, location_id) SELECT $1, unnest($2::int[])";

  private final Pool pool;
  private final CaptainEnrolment captains;

  public PitchRepository(Pool pool, CaptainEnrolment captains) {
    this.pool = pool;
    this.captains = captains;
  }

  /** One page of the event's pitches {@code who} may see, narrowed, sorted and paged in the database. */
  public Future<PitchList> page(long eventId, Audience who, PitchFilter f) {
    PitchCursor at = f.cursor();
    Tuple params = Tuple.tuple().addLong(eventId).addLong(who.personId()).addBoolean(who.organiser())
        .addString(f.skill()).addString(f.tag()).addInteger(f.locationId()).addBoolean(f.openOnly())
        .addInteger(f.limit() + 1);
    if (at != null) {
      params.addOffsetDateTime(at.createdAt()).addLong(at.id());
      if (f.sort().ranked()) {
        params.addInteger(at.rank());
      }
    }
    return pool.preparedQuery(PAGE + f.sort().pageSql(at)).execute(params).map(rows -> PitchList.of(f,
        StreamSupport.stream(rows.spliterator(), false).map(PitchRepository::toSummary).toList()));
  }

  /** A pitch everyone may see. */
  public Future<Pitch> get(long id) {
    return get(id, Audience.EVERYONE);
  }

  /** A pitch as {@code who} may see it; "not found" when it does not exist or is not theirs to see. */
  public Future<Pitch> get(long id, Audience who) {
    return pool.preparedQuery(ONE).execute(Tuple.of(id, who.personId(), who.organiser()))
        .map(rows -> {
          if (rows.size() == 0) {
            throw AppError.notFound("That pitch");
          }
          return toPitch(rows.iterator().next());
        });
  }

  /** Fails with "not found" unless the pitch exists and {@code who} may see it. */
  public Future<Void> requireVisible(long id, Audience who) {
    return pool.preparedQuery(SEEN).execute(Tuple.of(id, who.personId(), who.organiser()))
        .compose(rows -> rows.size() == 0 ? Future.failedFuture(AppError.notFound("That pitch")) : Future.succeededFuture());
  }

  /** The locations pitches of this event may name. */
  public Future<List<Location>> locations(long eventId) {
    return pool.preparedQuery(EVENT_LOCATIONS).execute(Tuple.of(eventId))
        .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(r -> new Location(r.getInteger("id"),
            r.getString("name"), r.getString("time_zone"), r.getBoolean("remote"))).toList());
  }

  /**
   * Creates the pitch with its author as captain, if the event's phase and the author's team count allow. Where
   * the event's pitches need approval, it starts unapproved.
   */
  public Future<Long> create(long eventId, long captainId, PitchDetails p) {
    return Retry.transaction(pool, tx -> EventLocks.lockEvent(tx, eventId, Hold.SHARED).compose(event -> {
      if (!event.phase().pitchesOpen()) {
        return Future.failedFuture(AppError.conflict("Pitches can only be made while the event is in Pitching or "
            + "Team forming; it is in " + event.phase().label() + "."));
      }
      int teamMax = event.rules().teamMax();
      if (p.capacity() > teamMax) {
        return Future.failedFuture(AppError.invalid("capacity", "must be at most " + teamMax + ", this event's team size limit"));
      }
      boolean approved = !event.rules().pitchesNeedApproval();
      return checkLocations(tx, eventId, p.locationIds())
          .compose(ok -> tx.preparedQuery(INSERT).execute(Tuple.tuple().addLong(eventId).addLong(captainId)
              .addString(p.title()).addString(p.summary()).addString(p.problem()).addString(p.idea())
              .addInteger(p.capacity()).addArrayOfString(p.tags().toArray(String[]::new))
              .addArrayOfString(p.links().toArray(String[]::new)).addBoolean(p.remoteOk()).addBoolean(approved)))
          .map(r -> r.iterator().next().getLong("id"))
          // The new row is this transaction's alone until it commits: it needs no lock of its own.
          .compose(id -> linkLists(tx, id, p)
              .compose(d -> captains.enrol(tx, new LockedPitch(event, id, captainId, p.capacity(), approved, false,
                  Stage.IDEA.key())))
              .map(id));
    }));
  }

  /** Fails with a field problem unless every id is a location this event's pitches may name. */
  static Future<Void> checkLocations(SqlConnection tx, long eventId, List<Integer> ids) {
    if (ids.isEmpty()) {
      return Future.succeededFuture();
    }
    return tx.preparedQuery(EVENT_LOCATIONS).execute(Tuple.of(eventId)).compose(rows -> {
      Set<Integer> allowed = StreamSupport.stream(rows.spliterator(), false).map(r -> r.getInteger("id"))
          .collect(Collectors.toSet());
      return allowed.containsAll(ids) ? Future.succeededFuture()
          : Future.failedFuture(AppError.invalid("locationIds", "must be locations taking part in this event"));
    });
  }

  /** Links the pitch's skills (adding new ones to the vocabulary) and locations; the caller cleared old ones. */
  static Future<Void> linkLists(SqlConnection tx, long pitchId, PitchDetails p) {
    String[] skills = p.skills().toArray(String[]::new);
    return Skills.ensure(tx, skills)
        .compose(d -> tx.preparedQuery(LINK_SKILLS).execute(Tuple.of(pitchId).addArrayOfString(skills)))
        .compose(d -> tx.preparedQuery(LINK_LOCATIONS)
            .execute(Tuple.of(pitchId).addArrayOfInteger(p.locationIds().toArray(Integer[]::new))))
        .mapEmpty();
  }

  private static Pitch toPitch(Row r) {
    return new Pitch(r.getLong("id"), r.getLong("event_id"), r.getLong("captain_id"), r.getString("captain_name"),
        r.getString("title"), r.getString("summary"), r.getString("problem"), r.getString("idea"),
        r.getInteger("capacity"), r.getString("stage"), List.of(r.getArrayOfStrings("skill_names")),
        json(r, "members").stream().map(o -> (JsonObject) o).map(m -> new Pitch.Member(m.getLong("personId"),
            m.getString("displayName"), m.getString("department"), m.getBoolean("captain"))).toList(),
        List.of(r.getArrayOfStrings("tags")), List.of(r.getArrayOfStrings("links")), r.getBoolean("remote_ok"),
        places(r), r.getBoolean("approved"), hidden(r),
        r.getLong("interest_count"), r.getLong("revision_count"), r.getOffsetDateTime("created_at"));
  }

  private static PitchSummary toSummary(Row r) {
    return new PitchSummary(r.getLong("id"), r.getLong("event_id"), r.getLong("captain_id"),
        r.getString("captain_name"), r.getString("title"), r.getString("summary"), r.getInteger("capacity"),
        r.getInteger("members"), r.getInteger("open_places"), r.getString("stage"),
        List.of(r.getArrayOfStrings("skill_names")), List.of(r.getArrayOfStrings("tags")), r.getBoolean("remote_ok"),
        places(r), r.getBoolean("approved"), hidden(r), r.getInteger("interest"), r.getOffsetDateTime("created_at"));
  }

  private static List<Location> places(Row r) {
    return json(r, "places").stream().map(o -> (JsonObject) o).map(l -> new Location(l.getInteger("id"),
        l.getString("name"), l.getString("timeZone"), l.getBoolean("remote"))).toList();
  }

  private static Pitch.Hidden hidden(Row r) {
    String reason = r.getString("hidden_reason");
    return reason == null ? null
        : new Pitch.Hidden(reason, r.getString("hidden_by_name"), r.getOffsetDateTime("hidden_at"));
  }

  private static JsonArray json(Row r, String column) {
    Object raw = r.getValue(column);
    return raw instanceof JsonArray a ? a : new JsonArray(String.valueOf(raw));
  }
}
