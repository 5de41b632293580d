package app.shipyard.admin;

import app.shipyard.identity.Location;
import app.shipyard.account.PersonRepository;
import app.shipyard.account.PersonRepository.NewPerson;
import app.shipyard.account.ReferenceRepository;
import app.shipyard.web.AppError;
import app.shipyard.web.Text;
import io.vertx.core.Future;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Imports people from CSV ({@code email,name,department,location,skills}, skills separated by {@code ;}).
 * Each row is checked and saved on its own, so a bad row is reported and never stops the good ones.
 */
public final class PeopleImport {

  public static final int MAX_ROWS = 5000;
  private static final List<String> COLUMNS = List.of("email", "name", "department", "location", "skills");
  /** Spreadsheets often start a UTF-8 CSV file with a byte order mark. */
  private static final String BYTE_ORDER_MARK = "\uFEFF";

  private final PersonRepository people;
  private final ReferenceRepository reference;

  public PeopleImport(PersonRepository people, ReferenceRepository reference) {
    this.people = people;
    this.reference = reference;
  }

  public Future<Report> run(String csv) {
    List<CSVRecord> records = parse(csv);
    return reference.locations().compose(locations -> {
      Map<String, Integer> locationIds = locations.stream()
          .collect(Collectors.toMap(l -> l.name().toLowerCase(), Location::id));
      List<RowResult> results = new ArrayList<>();
      Future<Void> chain = Future.succeededFuture();
      for (int i = 0; i < records.size(); i++) {
        CSVRecord record = records.get(i);
        long line = i + 2L;
        chain = chain.compose(v -> importRow(line, record, locationIds).map(r -> {
          results.add(r);
          return null;
        }));
      }
      return chain.map(v -> new Report(results));
    });
  }

  /** {@code line} is the row's line in the file, the header being line 1. */
  private Future<RowResult> importRow(long line, CSVRecord record, Map<String, Integer> locationIds) {
    String email = Text.lowerCase(value(record, "email"));
    List<String> problems = new ArrayList<>();
    if (!record.isConsistent()) {
      problems.add("has " + record.size() + " columns, expected " + COLUMNS.size());
    }
    COLUMNS.stream().filter(column -> Text.lineProblem(value(record, column)).isPresent())
        .forEach(column -> problems.add(column + " must be one line of text without control characters"));
    if (!Text.isEmail(email)) {
      problems.add("email is missing or not an email address");
    }
    String name = value(record, "name");
    if (name.isEmpty() || name.length() > 100) {
      problems.add("name is required (at most 100 characters)");
    }
    String department = value(record, "department");
    if (department.length() > 100) {
      problems.add("department is longer than 100 characters");
    }
    String location = value(record, "location");
    Integer locationId = location.isEmpty() ? null : locationIds.get(location.toLowerCase());
    if (!location.isEmpty() && locationId == null) {
      problems.add("location '" + location + "' is not a known location");
    }
    List<String> skills = Arrays.stream(value(record, "skills").split(";")).map(String::strip)
        .filter(s -> !s.isEmpty()).distinct().toList();
    if (skills.size() > 30 || skills.stream().anyMatch(s -> s.length() > 60)) {
      problems.add("skills: at most 30, each at most 60 characters");
    }
    if (!problems.isEmpty()) {
      return Future.succeededFuture(new RowResult(line, email, "rejected", String.join("; ", problems)));
    }
    return people.upsert(new NewPerson(email, name, department, locationId, skills, Set.of()))
        .map(created -> new RowResult(line, email, created ? "created" : "updated", ""))
        .recover(e -> Future.succeededFuture(new RowResult(line, email, "rejected", "could not be saved")));
  }

  private static String value(CSVRecord record, String column) {
    return record.isMapped(column) && record.isSet(column) ? record.get(column).strip() : "";
  }

  private static List<CSVRecord> parse(String csv) {
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
        .setIgnoreEmptyLines(true).setTrim(true).setIgnoreHeaderCase(true).get();
    String text = csv.startsWith(BYTE_ORDER_MARK) ? csv.substring(1) : csv;
    try (CSVParser parser = CSVParser.parse(new StringReader(text.strip()), format)) {
      List<String> header = parser.getHeaderNames().stream().map(String::toLowerCase).toList();
      if (!header.containsAll(List.of("email", "name"))) {
        throw AppError.invalid("csv", "needs a header row with at least the columns email and name ("
            + String.join(",", COLUMNS) + ")");
      }
      List<CSVRecord> records = parser.getRecords();
      if (records.size() > MAX_ROWS) {
        throw AppError.invalid("csv", "has more than " + MAX_ROWS + " rows; split it into smaller files");
      }
      return records;
    } catch (IOException | IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
      throw AppError.invalid("csv", "could not be read as CSV: " + e.getMessage());
    }
  }

  public record RowResult(long line, String email, String outcome, String reason) {}

  public record Report(List<RowResult> rows) {
    public long count(String outcome) {
      return rows.stream().filter(r -> r.outcome().equals(outcome)).count();
    }

    public Map<String, Long> summary() {
      return Map.of("created", count("created"), "updated", count("updated"), "rejected", count("rejected"));
    }
  }

}
