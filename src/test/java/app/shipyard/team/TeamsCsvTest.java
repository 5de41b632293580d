package app.shipyard.team;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.shipyard.support.Api;
import app.shipyard.support.Events;
import app.shipyard.support.TestShipyard;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(value = 120, timeUnit = TimeUnit.SECONDS)
@DisplayName("Exporting an event's teams as CSV")
class TeamsCsvTest {

  private Api api;
  private Events events;
  private long event;
  private long robots;
  private long plain;

  @BeforeEach
  void setUp(Vertx vertx) {
    TestShipyard.reset();
    api = new Api(vertx);
    events = new Events(api);
    TeamCalls calls = new TeamCalls(api, events);
    event = events.create(new JsonObject().put("title", "ShipIt, \"autumn\""));
    events.moveTo(event, "pitching");
    robots = events.pitch(api.token(TestShipyard.EMPLOYEE), event, new JsonObject().put("title", "@Robots"));
    plain = events.pitch(api.token(TestShipyard.OTHER_EMPLOYEE), event, new JsonObject().put("title", "Plain"));
    String mia = Events.person("-mia@test.example", "=HYPERLINK(\"http://evil.example\",\"x\")", "+Sales", "Sydney");
    assertEquals(200, calls.post(mia, "/api/pitches/" + robots + "/join", new JsonObject()).statusCode());
  }

  private HttpResponse<Buffer> download(String token) {
    return api.client().get("/events/" + event + "/teams.csv").bearerTokenAuthentication(token).send().await();
  }

  private static List<CSVRecord> parse(String csv) throws IOException {
    try (CSVParser parser = CSVParser.parse(new StringReader(csv),
        CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
      assertEquals(List.of("event", "pitch id", "project title", "stage", "captain", "member name", "email",
          "department", "location", "joined at"), parser.getHeaderNames());
      return parser.getRecords();
    }
  }

  @Test
  @DisplayName("Organisers get one row per member with the event, project, captaincy, contact and UTC join time")
  void rows() throws IOException {
    HttpResponse<Buffer> csv = download(events.organiserToken());
    assertEquals(200, csv.statusCode(), csv.bodyAsString());
    assertTrue(csv.getHeader("Content-Type").startsWith("text/csv"));
    assertEquals("attachment; filename=\"event-" + event + "-teams.csv\"", csv.getHeader("Content-Disposition"));
    List<CSVRecord> rows = parse(csv.bodyAsString());
    assertEquals(3, rows.size());
    CSVRecord captain = rows.get(0);
    assertEquals("ShipIt, \"autumn\"", captain.get("event"));
    assertEquals(Long.toString(robots), captain.get("pitch id"));
    assertEquals("idea", captain.get("stage"));
    assertEquals("yes", captain.get("captain"));
    assertEquals("Emma Employee", captain.get("member name"));
    assertEquals(TestShipyard.EMPLOYEE, captain.get("email"));
    assertEquals("Engineering", captain.get("department"));
    assertEquals("Berlin", captain.get("location"));
    assertTrue(captain.get("joined at").endsWith("Z"), captain.get("joined at"));
    Instant.parse(captain.get("joined at"));
    assertEquals("no", rows.get(1).get("captain"));
    assertEquals(Long.toString(plain), rows.get(2).get("pitch id"));
    assertEquals("Otto Other", rows.get(2).get("member name"));
  }

  @Test
  @DisplayName("Cells that a spreadsheet would run as formulas (= + - @) start with an apostrophe")
  void formulaGuard() throws IOException {
    List<CSVRecord> rows = parse(download(events.organiserToken()).bodyAsString());
    CSVRecord mia = rows.get(1);
    assertEquals("'=HYPERLINK(\"http://evil.example\",\"x\")", mia.get("member name"));
    assertEquals("'-mia@test.example", mia.get("email"));
    assertEquals("'+Sales", mia.get("department"));
    assertEquals("'@Robots", mia.get("project title"));
    assertEquals("Sydney", mia.get("location"));
    assertEquals("Plain", rows.get(2).get("project title"));
  }

  @Test
  @DisplayName("Employees and leadership get 403")
  void organisersOnly() {
    assertEquals(403, download(api.token(TestShipyard.EMPLOYEE)).statusCode());
    assertEquals(403, download(api.token(TestShipyard.LEADERSHIP)).statusCode());
  }
}
