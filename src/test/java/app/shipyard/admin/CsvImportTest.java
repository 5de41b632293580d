package app.shipyard.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.shipyard.support.Api;
import app.shipyard.support.Fixture;
import app.shipyard.support.TestShipyard;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
@DisplayName("Importing people from CSV")
class CsvImportTest {

  private static final String MIXED = String.join("\n",
      "email,name,department,location,skills",
      "new.one@test.example,New One,Ops,Berlin,Java;SQL",
      "EMPLOYEE@test.example,Emma Renamed,Sales,Sydney,Go",
      "bad-email,Bad Email,Ops,Berlin,",
      "nameless@test.example,,Ops,Berlin,",
      "lost@test.example,Lost Person,Ops,Atlantis,",
      "short@test.example,Short Row",
      "long@test.example,Long Row,Ops,Berlin,Go,extra",
      "");

  private Api api;
  private String admin;

  @BeforeEach
  void setUp(Vertx vertx) {
    TestShipyard.reset();
    api = new Api(vertx);
    admin = api.token(TestShipyard.ADMIN);
  }

  private HttpResponse<Buffer> importCsv(String csv) {
    return api.as(admin, api.client().post("/api/admin/people/import"))
        .putHeader("Content-Type", "text/csv; charset=utf-8").sendBuffer(Buffer.buffer(csv)).await();
  }

  private JsonObject person(String email) {
    var found = api.as(admin, api.get("/api/admin/people?q=" + email)).send().await().bodyAsJsonArray();
    for (Object o : found) {
      JsonObject p = (JsonObject) o;
      if (p.getString("email").equals(email)) {
        return p;
      }
    }
    return null;
  }

  private static JsonObject row(JsonArray rows, int line) {
    return rows.stream().map(JsonObject.class::cast).filter(r -> r.getLong("line") == line).findFirst().orElseThrow();
  }

  @Test
  @DisplayName("Good rows are created, an existing email is updated, and bad rows are rejected with reasons")
  void mixedImport() {
    var response = importCsv(MIXED);
    assertEquals(200, response.statusCode(), response.bodyAsString());
    JsonObject body = response.bodyAsJsonObject();
    assertEquals(new JsonObject().put("created", 1).put("updated", 1).put("rejected", 5), body.getJsonObject("summary"));
    JsonArray rows = body.getJsonArray("rows");
    assertEquals(7, rows.size());

    assertEquals("created", row(rows, 2).getString("outcome"));
    assertEquals("new.one@test.example", row(rows, 2).getString("email"));
    assertEquals("updated", row(rows, 3).getString("outcome"));
    assertEquals("employee@test.example", row(rows, 3).getString("email"));
    assertEquals("rejected", row(rows, 4).getString("outcome"));
    assertTrue(row(rows, 4).getString("reason").contains("not an email address"), row(rows, 4).encode());
    assertEquals("rejected", row(rows, 5).getString("outcome"));
    assertTrue(row(rows, 5).getString("reason").contains("name is required"), row(rows, 5).encode());
    assertEquals("rejected", row(rows, 6).getString("outcome"));
    assertTrue(row(rows, 6).getString("reason").contains("location 'Atlantis' is not a known location"));
    assertEquals("rejected", row(rows, 7).getString("outcome"));
    assertTrue(row(rows, 7).getString("reason").contains("has 2 columns, expected 5"), row(rows, 7).encode());
    assertEquals("rejected", row(rows, 8).getString("outcome"));
    assertTrue(row(rows, 8).getString("reason").contains("has 6 columns, expected 5"), row(rows, 8).encode());

    JsonObject created = person("new.one@test.example");
    assertEquals("New One", created.getString("displayName"));
    assertEquals("Ops", created.getString("department"));
    assertEquals("Berlin", created.getJsonObject("location").getString("name"));
    assertEquals(new JsonArray().add("Java").add("SQL"), created.getJsonArray("skills"));
    assertEquals(new JsonArray().add("employee"), created.getJsonArray("roles"));

    JsonObject updated = person(TestShipyard.EMPLOYEE);
    assertEquals(Fixture.personId(TestShipyard.EMPLOYEE), updated.getLong("id"));
    assertEquals("Emma Renamed", updated.getString("displayName"));
    assertEquals("Sales", updated.getString("department"));
    assertEquals("Sydney", updated.getJsonObject("location").getString("name"));
    assertEquals(new JsonArray().add("Go"), updated.getJsonArray("skills"));

    assertEquals(6, Fixture.count("SELECT count(*) FROM people"));
    for (String rejected : new String[] {"nameless@test.example", "lost@test.example", "short@test.example",
        "long@test.example"}) {
      assertNull(person(rejected), rejected);
    }
    // An updated person can still sign in with their password: the import does not touch credentials.
    assertEquals(200, api.client().post("/api/auth/token").sendJsonObject(new JsonObject()
        .put("email", TestShipyard.EMPLOYEE).put("password", TestShipyard.PASSWORD)).await().statusCode());
  }

  @Test
  @DisplayName("Importing the same file twice updates instead of duplicating")
  void idempotent() {
    importCsv(MIXED);
    var again = importCsv(MIXED).bodyAsJsonObject();
    assertEquals(new JsonObject().put("created", 0).put("updated", 2).put("rejected", 5), again.getJsonObject("summary"));
    assertEquals(6, Fixture.count("SELECT count(*) FROM people"));
  }

  @Test
  @DisplayName("CSV without the email and name header gets 400 with fields.csv and imports nothing")
  void missingHeader() {
    var response = importCsv("new.one@test.example,New One,Ops,Berlin,Java\nnew.two@test.example,New Two,Ops,Berlin,\n");
    assertEquals(400, response.statusCode());
    JsonObject fields = response.bodyAsJsonObject().getJsonObject("fields");
    assertTrue(fields.getString("csv").contains("header"), fields.encode());
    assertEquals(5, Fixture.count("SELECT count(*) FROM people"));
  }

  @Test
  @DisplayName("Empty CSV gets 400 with fields.csv")
  void emptyCsv() {
    var response = importCsv("");
    assertEquals(400, response.statusCode(), response.bodyAsString());
    assertTrue(response.bodyAsJsonObject().getJsonObject("fields").containsKey("csv"));
  }

  @Test
  @DisplayName("The same CSV can be sent as JSON {\"csv\": ...}; other content types get 400")
  void jsonAndOtherTypes() {
    var json = api.as(admin, api.client().post("/api/admin/people/import"))
        .sendJsonObject(new JsonObject().put("csv", MIXED)).await();
    assertEquals(200, json.statusCode());
    assertEquals(1, json.bodyAsJsonObject().getJsonObject("summary").getInteger("created"));

    var xml = api.as(admin, api.client().post("/api/admin/people/import"))
        .putHeader("Content-Type", "application/xml").sendBuffer(Buffer.buffer("<people/>")).await();
    assertEquals(400, xml.statusCode());
  }

  @Test
  @DisplayName("CSV with invalid UTF-8 gets 400 and imports nothing")
  void invalidUtf8() {
    Buffer csv = Buffer.buffer("email,name\nbad.bytes@test.example,Bad ").appendBytes(new byte[] {(byte) 0xFF, (byte) 0xFE});
    var response = api.as(admin, api.client().post("/api/admin/people/import"))
        .putHeader("Content-Type", "text/csv").sendBuffer(csv).await();
    assertEquals(400, response.statusCode());
    assertEquals(5, Fixture.count("SELECT count(*) FROM people"));
  }

  @Test
  @DisplayName("The admin import form imports and shows the report")
  void importForm() {
    Api.Browser browser = api.browser().signIn(TestShipyard.ADMIN);
    var response = browser.postForm("/admin/import", "/admin/import", MultiMap.caseInsensitiveMultiMap().add("csv", MIXED));
    assertEquals(200, response.statusCode());
    String html = response.bodyAsString();
    assertTrue(html.contains("1 created, 1 updated, 5 rejected."), html);
    assertTrue(html.contains("location &#x27;Atlantis&#x27; is not a known location")
        || html.contains("location 'Atlantis' is not a known location")
        || html.contains("location &#39;Atlantis&#39; is not a known location"), html);
    assertEquals("New One", person("new.one@test.example").getString("displayName"));
    assertEquals("Emma Renamed", person(TestShipyard.EMPLOYEE).getString("displayName"));
  }

  @Test
  @DisplayName("The import form without a CSV shows 400, and non-admins cannot post it")
  void importFormRefusals() {
    Api.Browser admin = api.browser().signIn(TestShipyard.ADMIN);
    var empty = admin.postForm("/admin/import", "/admin/import", MultiMap.caseInsensitiveMultiMap().add("csv", ""));
    assertEquals(400, empty.statusCode());

    Api.Browser employee = api.browser().signIn(TestShipyard.EMPLOYEE);
    String csrf = Api.csrfFrom(employee.getPage("/profile").bodyAsString());
    var refused = employee.session().post("/admin/import").putHeader("Accept", "text/html")
        .sendForm(MultiMap.caseInsensitiveMultiMap().add("csv", MIXED).add("X-XSRF-TOKEN", csrf)).await();
    assertEquals(403, refused.statusCode());
    assertFalse(refused.bodyAsString().contains("created,"));
    assertEquals(5, Fixture.count("SELECT count(*) FROM people"));
  }
}
