package app.shipyard.account;

import app.shipyard.identity.Location;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import java.util.List;
import java.util.stream.StreamSupport;

/** Locations and skills: the shared vocabulary people describe themselves with. */
public final class ReferenceRepository {

  private static final String LOCATIONS = "SELECT id, name, time_zone, remote FROM locations ORDER BY remote, name";
  private static final String SKILLS = """
      SELECT s.name, count(ps.person_id) AS people FROM skills s
        LEFT JOIN person_skills ps ON ps.skill_id = s.id
       GROUP BY s.id ORDER BY lower(s.name)
      """;

  private final Pool pool;

  public ReferenceRepository(Pool pool) {
    this.pool = pool;
  }

  public Future<List<Location>> locations() {
    return pool.query(LOCATIONS).execute().map(rows -> StreamSupport.stream(rows.spliterator(), false)
        .map(ReferenceRepository::toLocation).toList());
  }

  public Future<List<SkillCount>> skills() {
    return pool.query(SKILLS).execute().map(rows -> StreamSupport.stream(rows.spliterator(), false)
        .map(r -> new SkillCount(r.getString("name"), r.getLong("people"))).toList());
  }

  private static Location toLocation(Row r) {
    return new Location(r.getInteger("id"), r.getString("name"), r.getString("time_zone"), r.getBoolean("remote"));
  }

  public record SkillCount(String name, long people) {}
}
