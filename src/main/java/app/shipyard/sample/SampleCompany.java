package app.shipyard.sample;

import app.shipyard.account.PasswordHasher;
import app.shipyard.account.PersonRepository;
import app.shipyard.account.PersonRepository.NewPerson;
import app.shipyard.identity.Role;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fictional company, Northwind Labs, loaded into an empty database so that a newcomer sees a living
 * platform: about 60 people across four offices and remote, with sign-ins for one person of each role, and their
 * innovation events (see {@link SampleEvents}).
 */
public final class SampleCompany {

  public static final String PASSWORD = "shipyard-demo";
  private static final Logger LOG = LoggerFactory.getLogger(SampleCompany.class);

  private static final String[][] LOCATIONS = {
      {"Berlin", "Europe/Berlin", "false"}, {"New York", "America/New_York", "false"},
      {"Singapore", "Asia/Singapore", "false"}, {"Sydney", "Australia/Sydney", "false"},
      {"Remote", "UTC", "true"}};
  private static final String[] DEPARTMENTS = {
      "Engineering", "Design", "Product", "Data", "Marketing", "Sales", "Customer Support", "Finance", "People"};
  private static final String[] SKILLS = {
      "Java", "Kotlin", "React", "TypeScript", "PostgreSQL", "Kafka", "Kubernetes", "Python", "Machine learning",
      "UX research", "Visual design", "Prototyping", "Product strategy", "Copywriting", "Data analysis",
      "Go", "Rust", "Accessibility", "Security", "iOS", "Android", "Public speaking", "Video editing", "Excel"};
  private static final String[] FIRST = {
      "Amara", "Ben", "Chen", "Dana", "Elif", "Farid", "Greta", "Hiro", "Ines", "Jonas", "Kavya", "Liam",
      "Maya", "Noah", "Olu", "Priya", "Quinn", "Rafael", "Sofia", "Tariq", "Uma", "Victor", "Wen", "Ximena",
      "Yusuf", "Zara", "Aiko", "Bruno", "Carmen", "Dmitri"};
  private static final String[] LAST = {
      "Okafor", "Schmidt", "Tan", "Levi", "Yilmaz", "Haddad", "Lindqvist", "Sato", "Moreau", "Becker",
      "Iyer", "Walsh", "Cohen", "Silva", "Adeyemi", "Nair", "Murphy", "Costa", "Rossi", "Khan"};

  private final Pool pool;
  private final PersonRepository people;
  private final PasswordHasher hasher;

  public SampleCompany(Pool pool, PersonRepository people, PasswordHasher hasher) {
    this.pool = pool;
    this.people = people;
    this.hasher = hasher;
  }

  public Future<Void> loadIfEmpty() {
    return pool.query("SELECT (SELECT count(*) FROM people) + (SELECT count(*) FROM locations) AS n").execute()
        .compose(rows -> rows.iterator().next().getLong("n") > 0 ? Future.succeededFuture() : load());
  }

  private Future<Void> load() {
    LOG.info("Empty database: loading the sample company");
    List<Tuple> locations = new ArrayList<>();
    for (String[] l : LOCATIONS) {
      locations.add(Tuple.of(l[0], l[1], Boolean.parseBoolean(l[2])));
    }
    return pool.preparedQuery("INSERT INTO locations (name, time_zone, remote) VALUES ($1, $2, $3)")
        .executeBatch(locations)
        .compose(done -> sequentially(demoPeople()))
        .compose(done -> signIns())
        .compose(done -> new SampleEvents(pool).load())
        .compose(done -> new SampleArchive(pool).load())
        .compose(done -> new SampleVoting(pool).load())
        .compose(done -> new SampleDemoStage(pool).load())
        .compose(done -> new SampleScreenshots(pool).load())
        .compose(done -> new SampleSurveys(pool).load())
        .onSuccess(done -> printSignIns());
  }

  private Future<Void> sequentially(List<NewPerson> all) {
    Future<Void> chain = Future.succeededFuture();
    for (NewPerson person : all) {
      chain = chain.compose(v -> people.upsert(person).mapEmpty());
    }
    return chain;
  }

  private static List<NewPerson> demoPeople() {
    List<NewPerson> all = new ArrayList<>();
    all.add(person("admin@northwind.example", "Ada Okafor", "People", 1, List.of("Security", "Excel"),
        EnumSet.of(Role.EMPLOYEE, Role.ADMIN)));
    all.add(person("organiser@northwind.example", "Oscar Lindqvist", "Product", 2,
        List.of("Product strategy", "Public speaking"), EnumSet.of(Role.EMPLOYEE, Role.ORGANISER)));
    all.add(person("leadership@northwind.example", "Lena Moreau", "Engineering", 1,
        List.of("Product strategy", "Kubernetes"), EnumSet.of(Role.EMPLOYEE, Role.LEADERSHIP)));
    all.add(person("employee@northwind.example", "Eli Sato", "Engineering", 3,
        List.of("Java", "React", "PostgreSQL"), EnumSet.of(Role.EMPLOYEE)));
    for (int i = 0; i < 56; i++) {
      String first = FIRST[i % FIRST.length];
      String last = LAST[(i * 7) % LAST.length];
      String email = (first + "." + last + (i >= FIRST.length ? i : "")).toLowerCase() + "@northwind.example";
      List<String> skills = List.of(SKILLS[i % SKILLS.length], SKILLS[(i * 5 + 3) % SKILLS.length],
          SKILLS[(i * 11 + 7) % SKILLS.length]);
      Set<Role> roles = i % 19 == 5 ? EnumSet.of(Role.EMPLOYEE, Role.ORGANISER) : EnumSet.of(Role.EMPLOYEE);
      all.add(person(email, first + " " + last, DEPARTMENTS[i % DEPARTMENTS.length], 1 + i % LOCATIONS.length,
          skills, roles));
    }
    return all;
  }

  private static NewPerson person(String email, String name, String department, int location, List<String> skills,
                                  Set<Role> roles) {
    return new NewPerson(email, name, department, location, skills.stream().distinct().toList(), roles);
  }

  /** Each demo sign-in gets its own salted hash of the shared demo password. */
  private Future<Void> signIns() {
    Future<Void> chain = Future.succeededFuture();
    for (String role : List.of("admin", "organiser", "leadership", "employee")) {
      chain = chain.compose(v -> hasher.hash(PASSWORD)).compose(hash -> pool
          .preparedQuery("UPDATE people SET password_hash = $1 WHERE email = $2")
          .execute(Tuple.of(hash, role + "@northwind.example")).mapEmpty());
    }
    return chain;
  }

  private static void printSignIns() {
    String banner = """

        ==== Shipyard demo sign-ins (password for all: %s) ====
          admin       admin@northwind.example
          organiser   organiser@northwind.example
          leadership  leadership@northwind.example
          employee    employee@northwind.example
        ======================================================
        """.formatted(PASSWORD);
    LOG.info(banner);
  }
}
