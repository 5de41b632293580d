package app.shipyard.sample;

import app.shipyard.team.ListingKind;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

/**
 * The sample company's innovation events: last spring's ShipIt day (archived, with its teams), this winter's ShipIt day
 * (in team forming, with pitches, interest, comments, teams, free agents and mentors) and the year-long innovation lab
 * (projects at every stage). People are referred to by their position in the sample company (1 = the admin,
 * 2 = the organiser, 3 = leadership, 4 = the employee sign-in, 5.. = everybody else).
 */
final class SampleEvents {

  private static final List<String> PHASES =
      List.of("draft", "pitching", "team_forming", "building", "demos", "results", "archived");

  record DemoPitch(String title, String summary, String idea, int capacity, String stage, List<String> skills,
                   List<String> tags, int captain, List<Integer> members, List<Integer> interested) {}

  record DemoEvent(String kind, String title, String theme, String description, String phase, String startsAt,
                   String endsAt, String timeZone, int teamMax, List<DemoPitch> pitches, List<String[]> schedule) {}

  private final Pool pool;

  SampleEvents(Pool pool) {
    this.pool = pool;
  }

  Future<Void> load() {
    return pool.query("SELECT id FROM people ORDER BY id").execute()
        .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(r -> r.getLong("id")).toList())
        .compose(ids -> pool.withTransaction(tx -> new Writer(tx, ids).all()));
  }

  /** Writes everything inside one transaction. */
  private static final class Writer {
    private final SqlConnection tx;
    private final List<Long> people;

    Writer(SqlConnection tx, List<Long> people) {
      this.tx = tx;
      this.people = people;
    }

    long person(int n) {
      return people.get(n - 1);
    }

    Future<Void> all() {
      return event(SampleContent.PAST_DAY).compose(past -> reflect(past, 0, 4,
              "Pairing with the SRE team in Singapore taught me more about Kafka consumer lag than a year of reading. "
                  + "We shipped the handover page a month later."))
          .compose(d -> event(SampleContent.CURRENT_DAY)).compose(current -> talk(current)
              .compose(d -> listings(current.eventId(), ListingKind.FREE_AGENTS, SampleContent.FREE_AGENTS))
              .compose(d -> listings(current.eventId(), ListingKind.MENTORS, SampleContent.MENTORS)))
          .compose(d -> event(SampleContent.LAB)).compose(this::labStages);
    }

    record Written(long eventId, List<Long> pitchIds) {}

    Future<Written> event(DemoEvent e) {
      return tx.preparedQuery("""
              INSERT INTO events (kind, title, theme, description, phase, starts_at, ends_at, time_zone, team_max, created_by)
              VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id
              """)
          .execute(Tuple.tuple().addString(e.kind()).addString(e.title()).addString(e.theme()).addString(e.description())
              .addString(e.phase()).addOffsetDateTime(OffsetDateTime.parse(e.startsAt()))
              .addOffsetDateTime(OffsetDateTime.parse(e.endsAt())).addString(e.timeZone()).addInteger(e.teamMax())
              .addLong(person(2)))
          .map(rows -> rows.iterator().next().getLong("id"))
          .compose(id -> tx.preparedQuery("INSERT INTO event_locations (event_id, location_id) SELECT $1, id FROM locations")
              .execute(Tuple.of(id)).compose(d -> phaseHistory(id, e)).compose(d -> schedule(id, e))
              .compose(d -> pitches(id, e.pitches(), new ArrayList<>())).map(pitchIds -> new Written(id, pitchIds)));
    }

    Future<Void> phaseHistory(long eventId, DemoEvent e) {
      OffsetDateTime start = OffsetDateTime.parse(e.startsAt());
      List<Tuple> changes = new ArrayList<>();
      int reached = PHASES.indexOf(e.phase());
      for (int i = 1; i <= reached; i++) {
        OffsetDateTime at = i <= 2 ? start.minusDays(15L - 7L * i) : start.plusHours(6L * (i - 2));
        changes.add(Tuple.of(eventId, PHASES.get(i - 1), PHASES.get(i), person(2), at));
      }
      return changes.isEmpty() ? Future.succeededFuture() : tx.preparedQuery("""
          INSERT INTO event_phase_changes (event_id, from_phase, to_phase, changed_by, changed_at)
          VALUES ($1, $2, $3, $4, $5)
          """).executeBatch(changes).mapEmpty();
    }

    Future<Void> schedule(long eventId, DemoEvent e) {
      List<Tuple> items = e.schedule().stream().map(s -> Tuple.of(eventId, s[0], OffsetDateTime.parse(s[1]),
          OffsetDateTime.parse(s[2]))).toList();
      return items.isEmpty() ? Future.succeededFuture() : tx.preparedQuery(
          "INSERT INTO event_schedule (event_id, title, starts_at, ends_at) VALUES ($1, $2, $3, $4)").executeBatch(items)
          .mapEmpty();
    }

    Future<List<Long>> pitches(long eventId, List<DemoPitch> remaining, List<Long> written) {
      if (remaining.isEmpty()) {
        return Future.succeededFuture(written);
      }
      DemoPitch p = remaining.get(0);
      return tx.preparedQuery("""
              INSERT INTO pitches (event_id, captain_id, title, summary, problem, idea, capacity, stage, tags)
              VALUES ($1, $2, $3, $4, '', $5, $6, $7, $8) RETURNING id
              """)
          .execute(Tuple.of(eventId, person(p.captain()), p.title(), p.summary(), p.idea(), p.capacity(), p.stage())
              .addArrayOfString(p.tags().toArray(String[]::new)))
          .map(rows -> rows.iterator().next().getLong("id"))
          .compose(id -> tx.preparedQuery("""
                  INSERT INTO pitch_skills (pitch_id, skill_id)
                  SELECT $1, id FROM skills WHERE name = ANY ($2::text[])
                  """).execute(Tuple.of(id).addArrayOfString(p.skills().toArray(String[]::new)))
              .compose(d -> team(eventId, id, p))
              .compose(d -> interest(id, p.interested()))
              .compose(d -> {
                written.add(id);
                return pitches(eventId, remaining.subList(1, remaining.size()), written);
              }));
    }

    Future<Void> team(long eventId, long pitchId, DemoPitch p) {
      List<Tuple> members = new ArrayList<>();
      members.add(Tuple.of(pitchId, person(p.captain()), eventId, true));
      p.members().forEach(n -> members.add(Tuple.of(pitchId, person(n), eventId, false)));
      return participants(eventId, members.stream().map(t -> t.getLong(1)).toList())
          .compose(d -> tx.preparedQuery(
              "INSERT INTO team_members (pitch_id, person_id, event_id, is_captain) VALUES ($1, $2, $3, $4)")
              .executeBatch(members)).mapEmpty();
    }

    Future<Void> participants(long eventId, List<Long> ids) {
      return tx.preparedQuery("""
          INSERT INTO event_participants (event_id, person_id) SELECT $1, unnest($2::bigint[]) ON CONFLICT DO NOTHING
          """).execute(Tuple.of(eventId).addArrayOfLong(ids.toArray(Long[]::new))).mapEmpty();
    }

    Future<Void> interest(long pitchId, List<Integer> who) {
      return who.isEmpty() ? Future.succeededFuture() : tx.preparedQuery(
          "INSERT INTO pitch_interest (pitch_id, person_id) VALUES ($1, $2)")
          .executeBatch(who.stream().map(n -> Tuple.of(pitchId, person(n))).toList()).mapEmpty();
    }

    Future<Void> talk(Written current) {
      List<Tuple> comments = SampleContent.COMMENTS.stream().map(c -> Tuple.of(current.pitchIds().get(Integer.parseInt(c[0])),
          person(Integer.parseInt(c[1])), c[2])).toList();
      return tx.preparedQuery("INSERT INTO pitch_comments (pitch_id, author_id, body) VALUES ($1, $2, $3)")
          .executeBatch(comments).mapEmpty();
    }

    /** Lists people as free agents or mentors (the {@code kind}'s tables), with their profile skills. */
    Future<Void> listings(long eventId, ListingKind<?> kind, List<Object[]> entries) {
      List<Long> ids = entries.stream().map(a -> person((Integer) a[0])).toList();
      return participants(eventId, ids)
          .compose(d -> tx.preparedQuery("INSERT INTO " + kind.table() + " (event_id, person_id, " + kind.text() + ") "
              + "VALUES ($1, $2, $3)")
              .executeBatch(entries.stream().map(a -> Tuple.of(eventId, person((Integer) a[0]), a[1])).toList()))
          .compose(d -> tx.preparedQuery("INSERT INTO " + kind.skillTable() + " (event_id, person_id, skill_id) "
              + "SELECT $1, ps.person_id, ps.skill_id FROM person_skills ps WHERE ps.person_id = ANY ($2::bigint[])")
              .execute(Tuple.of(eventId).addArrayOfLong(ids.toArray(Long[]::new)))).mapEmpty();
    }

    Future<Void> reflect(Written event, int pitch, int who, String text) {
      return tx.preparedQuery("INSERT INTO reflections (person_id, pitch_id, body) VALUES ($1, $2, $3)")
          .execute(Tuple.of(person(who), event.pitchIds().get(pitch), text)).mapEmpty();
    }

    /** Each lab project's path to its current stage, one step every few weeks, moved by its captain. */
    Future<Void> labStages(Written lab) {
      List<Tuple> changes = new ArrayList<>();
      OffsetDateTime start = OffsetDateTime.parse(SampleContent.LAB.startsAt());
      for (int i = 0; i < lab.pitchIds().size(); i++) {
        DemoPitch p = SampleContent.LAB.pitches().get(i);
        List<String> path = switch (p.stage()) {
          case "prototype" -> List.of("idea", "prototype");
          case "pilot" -> List.of("idea", "prototype", "pilot");
          case "shipped" -> List.of("idea", "prototype", "pilot", "shipped");
          case "parked" -> List.of("idea", "prototype", "parked");
          default -> List.of("idea");
        };
        for (int s = 1; s < path.size(); s++) {
          changes.add(Tuple.of(lab.pitchIds().get(i), path.get(s - 1), path.get(s), SampleContent.stageNote(path.get(s)),
              person(p.captain()), start.plusWeeks(6L * s + i)));
        }
      }
      return tx.preparedQuery("""
          INSERT INTO pitch_stage_changes (pitch_id, from_stage, to_stage, note, changed_by, changed_at)
          VALUES ($1, $2, $3, $4, $5, $6)
          """).executeBatch(changes).mapEmpty();
    }
  }
}
