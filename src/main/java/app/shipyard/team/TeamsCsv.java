package app.shipyard.team;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** An event's teams as CSV, one row per member (teams by pitch id, members as they joined), safe in a spreadsheet. */
public final class TeamsCsv {

  static final List<String> HEADER = List.of("event", "pitch id", "project title", "stage", "captain", "member name",
      "email", "department", "location", "joined at");

  private TeamsCsv() {}

  public static String write(String eventTitle, List<Team> teams) {
    StringWriter out = new StringWriter();
    try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT)) {
      csv.printRecord(HEADER);
      for (Team team : teams.stream().sorted(Comparator.comparingLong(Team::pitchId)).toList()) {
        for (Team.Member m : team.members()) {
          csv.printRecord(cell(eventTitle), team.pitchId(), cell(team.title()), cell(team.stage()),
              m.captain() ? "yes" : "no", cell(m.displayName()), cell(m.email()), cell(m.department()),
              cell(m.location()), m.joinedAt().toString());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /**
   * Text a spreadsheet would read as a formula (starting with =, +, -, @, or a tab or carriage return that some
   * spreadsheets skip) gets a leading apostrophe, so it shows as text and never runs.
   */
  static String cell(String text) {
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      return "'" + text;
    }
    return text;
  }
}
