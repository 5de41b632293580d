package app.shipyard.home;

import app.shipyard.event.Phase;
import app.shipyard.identity.Person;
import app.shipyard.identity.Role;
import app.shipyard.pitch.Audience;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Function;
import java.util.stream.StreamSupport;

/**
 * What the home page needs, read-only: four bounded queries run side by side, each returning at most {@link #CAP}
 * rows and the total behind them. Visibility follows the pitch rules ({@code pitch/Audience}): a pitch awaiting
 * approval or hidden is shown only to its captain and to organisers; draft events only to organisers and admins.
 */
public final class HomeRepository {

  /** How many entries each list on the home page shows. */
  public static final int CAP = 5;

  /**
   * Events that are not archived (drafts only for organisers, $1), each with its next schedule item that has not
   * ended by $3 (everywhere, or at the viewer's location $4), and for organisers what needs them. Soonest first.
   */
  private static final String EVENTS = """
      WITH shown AS (
        SELECT e.id, e.title, e.kind, e.phase, e.starts_at, e.ends_at, e.time_zone, e.team_min,
               n.title AS next_title, n.starts_at AS next_starts, n.ends_at AS next_ends
          FROM events e
          LEFT JOIN LATERAL (SELECT s.title, s.starts_at, s.ends_at FROM event_schedule s
                              WHERE s.event_id = e.id AND s.ends_at > $3
                                AND (s.location_id IS NULL OR $4::int IS NULL OR s.location_id = $4::int)
                              ORDER BY s.starts_at, s.id LIMIT 1) n ON true
         WHERE e.phase <> 'archived' AND (e.phase <> 'draft' OR $1::boolean))
      SELECT shown.*, count(*) OVER () AS total,
             CASE WHEN $1::boolean THEN (SELECT count(*) FROM pitches p
                                          WHERE p.event_id = shown.id AND p.hidden_reason IS NULL AND NOT p.approved)
             END AS awaiting,
             CASE WHEN $1::boolean THEN (SELECT count(*) FROM pitches p
                                          WHERE p.event_id = shown.id AND p.hidden_reason IS NULL
                                            AND (SELECT count(*) FROM team_members m WHERE m.pitch_id = p.id) < shown.team_min)
             END AS below_minimum
        FROM shown
       ORDER BY coalesce(next_starts, CASE WHEN starts_at > $3 THEN starts_at WHEN ends_at > $3 THEN ends_at END)
                NULLS LAST, starts_at, id
       LIMIT $2
      """;
  /** The teams the person ($1) is on in events under way, as far as they may see the pitch ($2: organiser). */
  private static final String TEAMS = """
      SELECT p.id, p.title, p.capacity, p.approved, p.hidden_reason IS NOT NULL AS hidden, p.captain_id = $1 AS captain,
             e.id AS event_id, e.title AS event_title, e.team_min,
             (SELECT count(*) FROM team_members t WHERE t.pitch_id = p.id) AS members, count(*) OVER () AS total
        FROM team_members m JOIN pitches p ON p.id = m.pitch_id JOIN events e ON e.id = m.event_id
       WHERE m.person_id = $1 AND e.phase NOT IN ('draft', 'archived')
         AND (p.approved AND p.hidden_reason IS NULL OR p.captain_id = $1 OR $2::boolean)
       ORDER BY e.starts_at, e.id, p.created_at, p.id
       LIMIT $3
      """;
  /**
   * Visible, approved pitches with open places, in events whose teams are open and where the person ($1) may still
   * join a team, that want a skill of the person's (profile, or their free-agent listing in that event) and are not
   * their team. Ranked as {@code team/MatchRanking} ranks a person's matches: more matched skills, more open places,
   * newer pitch, higher id.
   */
  private static final String MATCHES = """
      WITH open_events AS (
        SELECT e.id, e.title FROM events e
         WHERE e.phase IN ('pitching', 'team_forming', 'building')
           AND (SELECT count(*) FROM team_members m WHERE m.event_id = e.id AND m.person_id = $1) < e.teams_per_person),
      candidates AS (
        SELECT p.id, p.title, p.created_at, o.id AS event_id, o.title AS event_title,
               greatest(p.capacity - (SELECT count(*) FROM team_members m WHERE m.pitch_id = p.id), 0) AS open_places,
               coalesce((SELECT array_agg(s.name ORDER BY lower(s.name)) FROM pitch_skills ps JOIN skills s ON s.id = ps.skill_id
                          WHERE ps.pitch_id = p.id
                            AND (ps.skill_id IN (SELECT skill_id FROM person_skills WHERE person_id = $1)
                                 OR ps.skill_id IN (SELECT skill_id FROM free_agent_skills f
                                                     WHERE f.event_id = p.event_id AND f.person_id = $1))), '{}') AS matched,
               EXISTS (SELECT 1 FROM join_requests r
                        WHERE r.pitch_id = p.id AND r.person_id = $1 AND r.status = 'pending') AS requested
          FROM pitches p JOIN open_events o ON o.id = p.event_id
         WHERE p.approved AND p.hidden_reason IS NULL
           AND NOT EXISTS (SELECT 1 FROM team_members m WHERE m.pitch_id = p.id AND m.person_id = $1)),
      matching AS (SELECT * FROM candidates WHERE open_places > 0 AND cardinality(matched) > 0)
      SELECT matching.*, count(*) OVER () AS total, (SELECT count(DISTINCT event_id) FROM matching) AS events
        FROM matching
       ORDER BY cardinality(matched) DESC, open_places DESC, created_at DESC, id DESC
       LIMIT $2
      """;
  /** Pending requests to join the teams the person ($1) captains, in events not archived; oldest first. */
  private static final String REQUESTS = """
      SELECT r.id, r.pitch_id, p.title, r.created_at, pe.display_name AS requester, e.title AS event_title,
             count(*) OVER () AS total
        FROM join_requests r JOIN pitches p ON p.id = r.pitch_id JOIN events e ON e.id = r.event_id
        JOIN people pe ON pe.id = r.person_id
       WHERE p.captain_id = $1 AND r.status = 'pending' AND p.hidden_reason IS NULL AND e.phase <> 'archived'
       ORDER BY r.created_at, r.id
       LIMIT $2
      """;

  private final Pool pool;

  public HomeRepository(Pool pool) {
    this.pool = pool;
  }

  /** Up to {@link #CAP} entries of a list, and how many there are in all. */
  public record Capped<T>(List<T> items, long total) {

    public boolean more() {
      return total > items.size();
    }

    static <T> Capped<T> none() {
      return new Capped<>(List.of(), 0);
    }
  }

  /** The next thing in an event's schedule, from a schedule item that has not ended yet. */
  public record Upcoming(String title, OffsetDateTime startsAt, OffsetDateTime endsAt) {}

  /** What needs an organiser in an event: pitches to approve, and teams smaller than the event's minimum. */
  public record Needs(long awaitingApproval, long teamsBelowMinimum) {

    public boolean any() {
      return awaitingApproval > 0 || teamsBelowMinimum > 0;
    }
  }

  /** An event under way; {@code next} is null without schedule items left, {@code needs} null for non-organisers. */
  public record EventNow(long id, String title, String kind, Phase phase, OffsetDateTime startsAt,
                         OffsetDateTime endsAt, String timeZone, Upcoming next, Needs needs) {}

  public record MyTeam(long pitchId, String title, long eventId, String eventTitle, long members, int capacity,
                       int teamMin, boolean captain, boolean approved, boolean hidden) {

    public long openPlaces() {
      return Math.max(capacity - members, 0);
    }

    /** How many more people the team needs to reach the event's smallest team size. */
    public long needed() {
      return Math.max(teamMin - members, 0);
    }

    /** The team page; a hidden pitch has none, so its captain goes to the pitch (where the reason is shown). */
    public String href() {
      return "/pitches/" + pitchId + (hidden ? "" : "/team");
    }
  }

  /** A pitch that wants some of the person's skills ({@code matched}, in the pitch's order). */
  public record Match(long pitchId, String title, long eventId, String eventTitle, long openPlaces,
                      List<String> matched, boolean requested) {}

  public record WaitingRequest(long id, long pitchId, String pitchTitle, String eventTitle, String requester,
                               OffsetDateTime askedAt) {}

  /** Everything on one person's home page. */
  public record Found(Capped<EventNow> events, Capped<MyTeam> teams, Capped<Match> matches, long matchEvents,
                      Capped<WaitingRequest> requests) {}

  /** The person's home page as of {@code now}; matches only for employees, who alone may join teams. */
  public Future<Found> forPerson(Person me, OffsetDateTime now) {
    boolean organiser = Audience.of(me).organiser();
    Integer locationId = me.location() == null ? null : me.location().id();
    Future<RowSet<Row>> matches = me.has(Role.EMPLOYEE)
        ? pool.preparedQuery(MATCHES).execute(Tuple.of(me.id(), CAP)) : Future.succeededFuture(null);
    return Future.all(
        pool.preparedQuery(EVENTS).execute(Tuple.of(organiser, CAP, now, locationId)),
        pool.preparedQuery(TEAMS).execute(Tuple.of(me.id(), organiser, CAP)),
        matches,
        pool.preparedQuery(REQUESTS).execute(Tuple.of(me.id(), CAP))).map(all -> {
          RowSet<Row> matchRows = all.resultAt(2);
          return new Found(capped(all.resultAt(0), HomeRepository::toEvent), capped(all.resultAt(1), HomeRepository::toTeam),
              capped(matchRows, HomeRepository::toMatch),
              matchRows == null || matchRows.size() == 0 ? 0 : matchRows.iterator().next().getLong("events"),
              capped(all.resultAt(3), HomeRepository::toRequest));
        });
  }

  private static <T> Capped<T> capped(RowSet<Row> rows, Function<Row, T> toItem) {
    if (rows == null || rows.size() == 0) {
      return Capped.none();
    }
    return new Capped<>(StreamSupport.stream(rows.spliterator(), false).map(toItem).toList(),
        rows.iterator().next().getLong("total"));
  }

  private static EventNow toEvent(Row r) {
    OffsetDateTime nextStarts = r.getOffsetDateTime("next_starts");
    Long awaiting = r.getLong("awaiting");
    return new EventNow(r.getLong("id"), r.getString("title"), r.getString("kind"),
        Phase.parse(r.getString("phase")).orElseThrow(), r.getOffsetDateTime("starts_at"), r.getOffsetDateTime("ends_at"),
        r.getString("time_zone"),
        nextStarts == null ? null : new Upcoming(r.getString("next_title"), nextStarts, r.getOffsetDateTime("next_ends")),
        awaiting == null ? null : new Needs(awaiting, r.getLong("below_minimum")));
  }

  private static MyTeam toTeam(Row r) {
    return new MyTeam(r.getLong("id"), r.getString("title"), r.getLong("event_id"), r.getString("event_title"),
        r.getLong("members"), r.getInteger("capacity"), r.getInteger("team_min"), r.getBoolean("captain"),
        r.getBoolean("approved"), r.getBoolean("hidden"));
  }

  private static Match toMatch(Row r) {
    return new Match(r.getLong("id"), r.getString("title"), r.getLong("event_id"), r.getString("event_title"),
        r.getLong("open_places"), List.of(r.getArrayOfStrings("matched")), r.getBoolean("requested"));
  }

  private static WaitingRequest toRequest(Row r) {
    return new WaitingRequest(r.getLong("id"), r.getLong("pitch_id"), r.getString("title"), r.getString("event_title"),
        r.getString("requester"), r.getOffsetDateTime("created_at"));
  }
}
