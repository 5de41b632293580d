package app.shipyard.account;

import app.shipyard.identity.Location;
import app.shipyard.identity.Role;
import app.shipyard.identity.Person;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** People, their roles and skills: all the SQL about a person lives here. */
public final class PersonRepository {

  static final String SELECT_PERSON = """
      SELECT p.id, p.email, p.display_name, p.department, p.bio, p.session_epoch,
             l.id AS location_id, l.name AS location_name, l.time_zone, l.remote,
             coalesce((SELECT array_agg(r.role ORDER BY r.role) FROM person_roles r WHERE r.person_id = p.id),
                      '{}') AS roles,
             coalesce((SELECT array_agg(s.name ORDER BY lower(s.name)) FROM person_skills ps
                         JOIN skills s ON s.id = ps.skill_id WHERE ps.person_id = p.id), '{}') AS skills
        FROM people p LEFT JOIN locations l ON l.id = p.location_id
      """;

  private static final String SEARCH = SELECT_PERSON + """
       WHERE ($1 = '' OR lower(p.display_name) LIKE '%' || lower($1) || '%' OR lower(p.email) LIKE '%' || lower($1) || '%'
              OR lower(p.department) LIKE '%' || lower($1) || '%')
         AND ($2 = '' OR EXISTS (SELECT 1 FROM person_skills ps JOIN skills s ON s.id = ps.skill_id
                                  WHERE ps.person_id = p.id AND lower(s.name) = lower($2)))
         AND ($3::int IS NULL OR p.location_id = $3)
       ORDER BY lower(p.display_name), p.id
       LIMIT $4 OFFSET $5
      """;

  private static final String CREDENTIALS =
      "SELECT id, password_hash FROM people WHERE lower(email) = lower($1)";

  private static final String UPDATE_PROFILE = """
      UPDATE people SET display_name = $2, department = $3, location_id = $4, bio = $5, updated_at = now()
       WHERE id = $1
      """;

  private static final String CLEAR_SKILLS = "DELETE FROM person_skills WHERE person_id = $1";
  private static final String LINK_SKILLS = """
      INSERT INTO person_skills (person_id, skill_id)
      SELECT $1, id FROM skills WHERE lower(name) = ANY (SELECT lower(n) FROM unnest($2::text[]) AS n)
      """;
  private static final String CLEAR_ROLES = "DELETE FROM person_roles WHERE person_id = $1";
  private static final String ADD_ROLES =
      "INSERT INTO person_roles (person_id, role) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING";
  private static final String BUMP_EPOCH =
      "UPDATE people SET session_epoch = session_epoch + 1 WHERE id = $1";
  private static final String SET_PASSWORD = "UPDATE people SET password_hash = $2 WHERE id = $1";

  private static final String UPSERT = """
      INSERT INTO people (email, display_name, department, location_id)
      VALUES ($1, $2, $3, $4)
      ON CONFLICT ((lower(email))) DO UPDATE
         SET display_name = EXCLUDED.display_name, department = EXCLUDED.department,
             location_id = coalesce(EXCLUDED.location_id, people.location_id), updated_at = now()
      RETURNING id, (xmax = 0) AS created
      """;

  private static final String FIND_EXTERNAL = """
      SELECT id FROM people
       WHERE (external_issuer = $1 AND external_subject = $2) OR (lower(email) = lower($3) AND external_subject IS NULL)
       ORDER BY (external_subject IS NOT NULL) DESC LIMIT 1
      """;
  private static final String LINK_EXTERNAL =
      "UPDATE people SET external_issuer = $2, external_subject = $3 WHERE id = $1 AND external_subject IS NULL";
  private static final String INSERT_EXTERNAL = """
      INSERT INTO people (email, display_name, external_issuer, external_subject) VALUES ($1, $2, $3, $4)
      ON CONFLICT DO NOTHING RETURNING id
      """;

  private final Pool pool;

  public PersonRepository(Pool pool) {
    this.pool = pool;
  }

  public Future<Optional<Person>> findById(long id) {
    return pool.preparedQuery(SELECT_PERSON + " WHERE p.id = $1").execute(Tuple.of(id))
        .map(rows -> first(rows).map(PersonRepository::toPerson));
  }

  public Future<List<Person>> search(String query, String skill, Integer locationId, int limit, int offset) {
    return pool.preparedQuery(SEARCH).execute(Tuple.of(query, skill, locationId, limit, offset))
        .map(rows -> map(rows));
  }

  /** The id and password hash for an email, if such a person exists. */
  public Future<Optional<Credentials>> credentials(String email) {
    return pool.preparedQuery(CREDENTIALS).execute(Tuple.of(email))
        .map(rows -> first(rows).map(r -> new Credentials(r.getLong("id"), r.getString("password_hash"))));
  }

  public Future<Void> updateProfile(long id, ProfileUpdate update) {
    return pool.withTransaction(tx -> tx.preparedQuery(UPDATE_PROFILE)
        .execute(Tuple.of(id, update.displayName(), update.department(), update.locationId(), update.bio()))
        .compose(done -> replaceSkills(tx, id, update.skills())));
  }

  public Future<Void> setRoles(long id, Set<Role> roles) {
    String[] keys = roles.stream().map(Role::key).toArray(String[]::new);
    return pool.withTransaction(tx -> tx.preparedQuery(CLEAR_ROLES).execute(Tuple.of(id))
        .compose(done -> tx.preparedQuery(ADD_ROLES).execute(Tuple.of(id).addArrayOfString(keys)))
        .mapEmpty());
  }

  /** Ends every session of this person: tokens carry the epoch they were issued in. */
  public Future<Void> endSessions(long id) {
    return pool.preparedQuery(BUMP_EPOCH).execute(Tuple.of(id)).mapEmpty();
  }

  public Future<Void> setPasswordHash(long id, String hash) {
    return pool.preparedQuery(SET_PASSWORD).execute(Tuple.of(id, hash)).mapEmpty();
  }

  /** Creates or updates a person by email; new people get the employee role. True when created. */
  public Future<Boolean> upsert(NewPerson person) {
    return pool.withTransaction(tx -> tx.preparedQuery(UPSERT)
        .execute(Tuple.of(person.email(), person.displayName(), person.department(), person.locationId()))
        .compose(rows -> {
          Row row = rows.iterator().next();
          long id = row.getLong("id");
          boolean created = row.getBoolean("created");
          Set<Role> roles = created && person.roles().isEmpty() ? Set.of(Role.EMPLOYEE) : person.roles();
          Future<?> rolesDone = roles.isEmpty() ? Future.succeededFuture()
              : tx.preparedQuery(ADD_ROLES).execute(Tuple.of(id).addArrayOfString(roles.stream().map(Role::key).toArray(String[]::new)));
          return rolesDone.compose(r -> replaceSkills(tx, id, person.skills())).map(created);
        }));
  }

  /**
   * The person an identity provider's token speaks of: found by (issuer, subject), else by email (and then
   * linked), else created just in time with the token's roles.
   */
  public Future<Long> provisionExternal(String issuer, String subject, String email, String name, Set<Role> roles) {
    return pool.withTransaction(tx -> tx.preparedQuery(FIND_EXTERNAL).execute(Tuple.of(issuer, subject, email))
        .compose(found -> {
          Optional<Long> existing = first(found).map(r -> r.getLong("id"));
          if (existing.isPresent()) {
            long id = existing.get();
            return tx.preparedQuery(LINK_EXTERNAL).execute(Tuple.of(id, issuer, subject)).map(id);
          }
          return tx.preparedQuery(INSERT_EXTERNAL).execute(Tuple.of(email, name, issuer, subject))
              .compose(inserted -> {
                if (inserted.size() == 0) {
                  // Another request provisioned the same person a moment ago: use theirs.
                  return tx.preparedQuery(FIND_EXTERNAL).execute(Tuple.of(issuer, subject, email))
                      .map(again -> {
                        if (again.size() == 0) {
                          throw app.shipyard.web.AppError.unauthorized(
                              "This email already belongs to a person linked to another identity.");
                        }
                        return again.iterator().next().getLong("id");
                      });
                }
                long id = inserted.iterator().next().getLong("id");
                String[] keys = (roles.isEmpty() ? Set.of(Role.EMPLOYEE) : roles).stream().map(Role::key)
                    .toArray(String[]::new);
                return tx.preparedQuery(ADD_ROLES).execute(Tuple.of(id).addArrayOfString(keys)).map(id);
              });
        }));
  }

  private static Future<Void> replaceSkills(SqlClient tx, long id, List<String> skills) {
    String[] names = skills.toArray(String[]::new);
    return Skills.ensure(tx, names)
        .compose(done -> tx.preparedQuery(CLEAR_SKILLS).execute(Tuple.of(id)))
        .compose(done -> tx.preparedQuery(LINK_SKILLS).execute(Tuple.of(id).addArrayOfString(names)))
        .mapEmpty();
  }

  static Person toPerson(Row row) {
    Integer locationId = row.getInteger("location_id");
    Location location = locationId == null ? null
        : new Location(locationId, row.getString("location_name"), row.getString("time_zone"), row.getBoolean("remote"));
    return new Person(row.getLong("id"), row.getString("email"), row.getString("display_name"),
        row.getString("department"), location, row.getString("bio"),
        List.of(row.getArrayOfStrings("skills")), Person.rolesFrom(row.getArrayOfStrings("roles")),
        row.getInteger("session_epoch"));
  }

  private static List<Person> map(RowSet<Row> rows) {
    return java.util.stream.StreamSupport.stream(rows.spliterator(), false).map(PersonRepository::toPerson).toList();
  }

  private static Optional<Row> first(RowSet<Row> rows) {
    return rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next());
  }

  public record Credentials(long id, String passwordHash) {}

  public record ProfileUpdate(String displayName, String department, Integer locationId, String bio, List<String> skills) {}

  public record NewPerson(String email, String displayName, String department, Integer locationId,
                          List<String> skills, Set<Role> roles) {}
}
