package app.shipyard.sample;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

/**
 * The sample company's showcase: two years of quarterly ShipIt days before ShipIt 41 (ShipIt 33 to 40, archived),
 * five projects each with teams across departments and offices, a People's Choice winner, a judges' prize and two
 * finalists, demo links, and outcomes: shipped to production with their impact, on a roadmap, in the lab, spun off,
 * parked. Written in one transaction of a dozen batched statements, so it costs little at first start.
 */
final class SampleArchive {

  private static final int EVENTS = 8;
  private static final int PER_EVENT = 5;
  private final Pool pool;

  SampleArchive(Pool pool) {
    this.pool = pool;
  }

  Future<Void> load() {
    return pool.query("SELECT id FROM people ORDER BY id").execute()
        .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(r -> r.getLong("id")).toList())
        .compose(people -> pool.withTransaction(tx -> new Writer(tx, people).all()));
  }

  private static final class Writer {
    private final SqlConnection tx;
    private final List<Long> people;
    private final List<OffsetDateTime> starts = new ArrayList<>();

    Writer(SqlConnection tx, List<Long> people) {
      this.tx = tx;
      this.people = people;
      for (int e = 0; e < EVENTS; e++) {
        starts.add(OffsetDateTime.parse("2024-04-18T07:00:00Z").plusMonths(3L * e));
      }
    }

    /** Everybody but the four sign-ins, in a fixed order: slot {@code n} of the whole archive. */
    long someone(int n) {
      return people.get(4 + Math.floorMod(n, people.size() - 4));
    }

    Future<Void> all() {
      List<Tuple> events = new ArrayList<>();
      for (int e = 0; e < EVENTS; e++) {
        OffsetDateTime start = starts.get(e);
        events.add(Tuple.tuple().addString("ShipIt " + (33 + e) + " · "
            + start.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH) + " "
            + start.getYear())
            .addString(e % 2 == 0 ? "Build what you wish we had" : "Customers first")
            .addString("One of our quarterly ShipIt days: 24 hours to build something, then demo it to everyone.")
            .addOffsetDateTime(start).addOffsetDateTime(start.plusHours(32)).addLong(people.get(1)));
      }
      return ids(tx.preparedQuery("""
              INSERT INTO events (kind, title, theme, description, phase, starts_at, ends_at, time_zone, team_max,
                                  created_by)
              VALUES ('day', $1, $2, $3, 'archived', $4, $5, 'Europe/Berlin', 5, $6) RETURNING id
              """).executeBatch(events))
          .compose(eventIds -> places(eventIds).compose(d -> pitches(eventIds))
              .compose(pitchIds -> teams(eventIds, pitchIds).compose(d -> awards(eventIds, pitchIds))
                  .compose(d -> outcomes(pitchIds)).compose(d -> links(pitchIds))));
    }

    Future<Void> places(List<Long> eventIds) {
      List<Tuple> changes = new ArrayList<>();
      for (int e = 0; e < EVENTS; e++) {
        OffsetDateTime end = starts.get(e).plusHours(32);
        changes.add(Tuple.of(eventIds.get(e), "demos", "results", people.get(1), end));
        changes.add(Tuple.of(eventIds.get(e), "results", "archived", people.get(1), end.plusDays(14)));
      }
      return tx.preparedQuery("INSERT INTO event_locations (event_id, location_id) "
              + "SELECT e, l.id FROM unnest($1::bigint[]) AS e, locations l")
          .execute(Tuple.of(eventIds.toArray(Long[]::new)))
          .compose(d -> tx.preparedQuery("INSERT INTO event_phase_changes (event_id, from_phase, to_phase, changed_by, "
              + "changed_at) VALUES ($1, $2, $3, $4, $5)").executeBatch(changes)).mapEmpty();
    }

    Future<List<Long>> pitches(List<Long> eventIds) {
      List<Tuple> pitches = new ArrayList<>();
      for (int e = 0; e < EVENTS; e++) {
        for (int i = 0; i < PER_EVENT; i++) {
          String[] idea = SampleArchiveContent.IDEAS[e * PER_EVENT + i];
          pitches.add(Tuple.of(eventIds.get(e), someone(15 * e + 3 * i), idea[0], idea[1],
              "A **ShipIt** project: " + idea[1].toLowerCase() + ".", starts.get(e).minusDays(7)));
        }
      }
      return ids(tx.preparedQuery("""
          INSERT INTO pitches (event_id, captain_id, title, summary, idea, capacity, created_at)
          VALUES ($1, $2, $3, $4, $5, 4, $6) RETURNING id
          """).executeBatch(pitches));
    }

    /** Three people a team, next to each other in the company's order: three departments, three offices. */
    Future<Void> teams(List<Long> eventIds, List<Long> pitchIds) {
      List<Tuple> participants = new ArrayList<>();
      List<Tuple> members = new ArrayList<>();
      for (int e = 0; e < EVENTS; e++) {
        for (int i = 0; i < PER_EVENT; i++) {
          for (int m = 0; m < 3; m++) {
            long person = someone(15 * e + 3 * i + m);
            participants.add(Tuple.of(eventIds.get(e), person));
            members.add(Tuple.of(pitchIds.get(e * PER_EVENT + i), person, eventIds.get(e), m == 0));
          }
        }
      }
      return tx.preparedQuery("INSERT INTO event_participants (event_id, person_id) VALUES ($1, $2)")
          .executeBatch(participants)
          .compose(d -> tx.preparedQuery("INSERT INTO team_members (pitch_id, person_id, event_id, is_captain) "
              + "VALUES ($1, $2, $3, $4)").executeBatch(members)).mapEmpty();
    }

    Future<Void> awards(List<Long> eventIds, List<Long> pitchIds) {
      List<Tuple> awards = new ArrayList<>();
      for (int e = 0; e < EVENTS; e++) {
        OffsetDateTime at = starts.get(e).plusHours(32);
        long event = eventIds.get(e);
        awards.add(award(event, pitchIds.get(e * PER_EVENT), "winner", "People's Choice", 1, at));
        awards.add(award(event, pitchIds.get(e * PER_EVENT + 1), "prize", "Judges' Prize", null, at));
        awards.add(award(event, pitchIds.get(e * PER_EVENT + 2), "finalist", "People's Choice", 2, at));
        awards.add(award(event, pitchIds.get(e * PER_EVENT + 3), "finalist", "People's Choice", 3, at));
      }
      return tx.preparedQuery("""
          INSERT INTO awards (event_id, pitch_id, kind, title, place, awarded_by, awarded_at)
          VALUES ($1, $2, $3, $4, $5, $6, $7)
          """).executeBatch(awards).mapEmpty();
    }

    private Tuple award(long event, long pitch, String kind, String title, Integer place, OffsetDateTime at) {
      return Tuple.of(event, pitch, kind, title, place, people.get(1), at);
    }

    /**
     * Each winner's outcome (the oldest winner was on a roadmap before it shipped: a history of two), the judges'
     * prizes of the first two years parked or on a roadmap, and every shipped one with its impact.
     */
    Future<Void> outcomes(List<Long> pitchIds) {
      List<Tuple> outcomes = new ArrayList<>();
      int shipped = 0;
      for (int e = 0; e < EVENTS; e++) {
        LocalDate after = starts.get(e).toLocalDate().plusDays(45);
        long winner = pitchIds.get(e * PER_EVENT);
        if (e == 0) {
          outcomes.add(outcome(winner, "roadmap", after.minusDays(30), null, "Planned for the next release train."));
        }
        String kind = SampleArchiveContent.WINNER_OUTCOMES[e];
        String[][] impacts = SampleArchiveContent.IMPACTS;
        String[] impact = kind.equals("shipped") ? impacts[shipped++ % impacts.length] : null;
        outcomes.add(outcome(winner, kind, after, impact, kind.equals("shipped")
            ? "Live for every team since " + after + "." : "Decided at the quarterly review."));
        outcomes.add(outcome(pitchIds.get(e * PER_EVENT + 1), e % 2 == 0 ? "parked" : "roadmap", after.plusDays(10),
            null, e % 2 == 0 ? "Parked until the data platform is ready." : "On the team's roadmap."));
      }
      return tx.preparedQuery("""
          INSERT INTO project_outcomes (pitch_id, kind, happened_on, link, note, impact_kind, impact_value,
                                        impact_estimated, recorded_by, recorded_at)
          VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
          """).executeBatch(outcomes).mapEmpty();
    }

    private Tuple outcome(long pitch, String kind, LocalDate on, String[] impact, String note) {
      return Tuple.tuple().addLong(pitch).addString(kind).addLocalDate(on)
          .addString(kind.equals("shipped") ? "https://intranet.northwind.example/launches/" + pitch : null)
          .addString(note).addString(impact == null ? null : impact[0])
          .addBigDecimal(impact == null ? null : new BigDecimal(impact[1]))
          .addBoolean(impact == null ? null : Boolean.parseBoolean(impact[2])).addLong(people.get(1))
          .addOffsetDateTime(on.plusDays(1).atStartOfDay().atOffset(java.time.ZoneOffset.UTC));
    }

    /** A video and the repository for every winner, the slides for every judges' prize. */
    Future<Void> links(List<Long> pitchIds) {
      List<Tuple> links = new ArrayList<>();
      for (int e = 0; e < EVENTS; e++) {
        long winner = pitchIds.get(e * PER_EVENT);
        long prize = pitchIds.get(e * PER_EVENT + 1);
        long by = people.get(1);
        links.add(Tuple.of(winner, "video", "https://video.northwind.example/shipit/" + winner, "Demo recording", by));
        links.add(Tuple.of(winner, "repository", "https://git.northwind.example/shipit/" + winner, "Source", by));
        links.add(Tuple.of(prize, "slides", "https://slides.northwind.example/shipit/" + prize, "Pitch deck", by));
      }
      return tx.preparedQuery("INSERT INTO project_links (pitch_id, kind, url, label, added_by) "
          + "VALUES ($1, $2, $3, $4, $5)").executeBatch(links).mapEmpty();
    }

    /** The ids a batch of {@code INSERT ... RETURNING id} gave, in the batch's order. */
    private static Future<List<Long>> ids(Future<RowSet<Row>> batch) {
      return batch.map(rows -> {
        List<Long> ids = new ArrayList<>();
        for (RowSet<Row> r = rows; r != null; r = r.next()) {
          r.forEach(row -> ids.add(row.getLong("id")));
        }
        return ids;
      });
    }
  }
}
