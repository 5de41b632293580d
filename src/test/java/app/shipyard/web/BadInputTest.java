package app.shipyard.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.shipyard.support.Api;
import app.shipyard.support.Events;
import app.shipyard.support.Fixture;
import app.shipyard.support.TestShipyard;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.multipart.MultipartForm;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
@DisplayName("Bad input is refused with a clear 4xx and changes nothing")
class BadInputTest {

  private Api api;
  private String token;
  private JsonObject before;

  @BeforeEach
  void setUp(Vertx vertx) {
    TestShipyard.reset();
    api = new Api(vertx);
    token = api.token(TestShipyard.EMPLOYEE);
    before = me();
  }

  private JsonObject me() {
    var response = api.as(token, api.get("/api/me")).send().await();
    assertEquals(200, response.statusCode());
    return response.bodyAsJsonObject();
  }

  private HttpResponse<Buffer> putMe(String contentType, Buffer body) {
    return api.as(token, api.client().put("/api/me")).putHeader("Content-Type", contentType).sendBuffer(body).await();
  }

  private HttpResponse<Buffer> putMe(JsonObject body) {
    return api.as(token, api.client().put("/api/me")).sendJsonObject(body).await();
  }

  /** Checks the error shape, that no internals leak, and that the profile is unchanged. */
  private JsonObject assertRefused(int status, HttpResponse<Buffer> response) {
    assertEquals(status, response.statusCode(), response.bodyAsString());
    assertTrue(response.getHeader("Content-Type").startsWith("application/json"), response.getHeader("Content-Type"));
    String text = response.bodyAsString();
    assertFalse(text.contains("Exception"), text);
    assertFalse(text.contains("at app."), text);
    assertFalse(text.contains("io.vertx"), text);
    JsonObject body = response.bodyAsJsonObject();
    assertTrue(body.getString("error") != null && !body.getString("error").isBlank(), text);
    assertTrue(body.fieldNames().stream().allMatch(f -> f.equals("error") || f.equals("fields")), text);
    assertEquals(before, me(), "nothing may change");
    return body;
  }

  private static JsonObject valid() {
    return new JsonObject().put("displayName", "Valid Name").put("department", "Ops").put("skills", new JsonArray().add("Go"));
  }

  @Test
  @DisplayName("A missing displayName gets 400 with fields.displayName")
  void missingField() {
    JsonObject body = assertRefused(400, putMe(new JsonObject().put("department", "Ops")));
    assertEquals("is required", body.getJsonObject("fields").getString("displayName"));
    assertRefused(400, putMe(new JsonObject().put("displayName", "   ")));
  }

  @Test
  @DisplayName("Wrong JSON types (displayName: 5, skills: \"x\", skills: [1]) get 400 naming each field")
  void wrongTypes() {
    JsonObject body = assertRefused(400, putMe(valid().put("displayName", 5).put("skills", "x")));
    JsonObject fields = body.getJsonObject("fields");
    assertEquals("must be text", fields.getString("displayName"));
    assertEquals("must be a list of text", fields.getString("skills"));
    body = assertRefused(400, putMe(valid().put("skills", new JsonArray().add(1))));
    assertEquals("must be a list of text", body.getJsonObject("fields").getString("skills"));
    body = assertRefused(400, putMe(valid().put("bio", new JsonObject())));
    assertEquals("must be text", body.getJsonObject("fields").getString("bio"));
    body = assertRefused(400, putMe(valid().put("locationId", "abc")));
    assertEquals("must be a positive whole number", body.getJsonObject("fields").getString("locationId"));
    body = assertRefused(400, putMe(valid().put("locationId", 1.5)));
    assertEquals("must be a positive whole number", body.getJsonObject("fields").getString("locationId"));
    body = assertRefused(400, putMe(valid().put("locationId", -3)));
    assertEquals("must be a positive whole number", body.getJsonObject("fields").getString("locationId"));
  }

  @Test
  @DisplayName("Text that is too long gets 400 naming the field")
  void tooLong() {
    JsonObject body = assertRefused(400, putMe(valid().put("displayName", "x".repeat(101)).put("bio", "y".repeat(2001))));
    assertEquals("must be at most 100 characters", body.getJsonObject("fields").getString("displayName"));
    assertEquals("must be at most 2000 characters", body.getJsonObject("fields").getString("bio"));
  }

  @Test
  @DisplayName("A NUL character in text gets 400, not a database error")
  void nulCharacter() {
    JsonObject body = assertRefused(400, putMe(valid().put("displayName", "Nul\u0000Name")));
    assertTrue(body.getJsonObject("fields").containsKey("displayName"), body.encode());
    body = assertRefused(400, putMe(valid().put("skills", new JsonArray().add("Ja\u0000va"))));
    assertTrue(body.getJsonObject("fields").containsKey("skills"), body.encode());
  }

  @Test
  @DisplayName("A JSON body that is not an object gets 400")
  void nonObject() {
    JsonObject body = assertRefused(400, putMe("application/json", Buffer.buffer("[1,2,3]")));
    assertEquals("The request body must be a JSON object.", body.getString("error"));
    assertRefused(400, putMe("application/json", Buffer.buffer("\"just a string\"")));
    assertRefused(400, putMe("application/json", Buffer.buffer("42")));
  }

  @Test
  @DisplayName("Invalid JSON gets 400")
  void invalidJson() {
    JsonObject body = assertRefused(400, putMe("application/json", Buffer.buffer("{\"displayName\": ")));
    assertEquals("The request body is not valid JSON.", body.getString("error"));
    assertRefused(400, putMe("application/json; charset=utf-8", Buffer.buffer("{displayName: 'x'}")));
  }

  @Test
  @DisplayName("A body over 1 MiB gets 413")
  void oversized() {
    String big = "{\"displayName\":\"Big\",\"bio\":\"" + "x".repeat(1024 * 1024 + 10) + "\"}";
    var response = putMe("application/json", Buffer.buffer(big));
    assertEquals(413, response.statusCode());
    assertEquals(before, me());
  }

  @Test
  @DisplayName("Invalid UTF-8 bytes in a JSON body get 400")
  void invalidUtf8() {
    Buffer body = Buffer.buffer("{\"displayName\":\"Bad ".getBytes(StandardCharsets.UTF_8))
        .appendBytes(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF})
        .appendString("\"}");
    JsonObject error = assertRefused(400, putMe("application/json", body));
    assertEquals("The request body is not valid UTF-8.", error.getString("error"));
  }

  @Test
  @DisplayName("Unknown or malformed person ids get 404")
  void unknownIds() {
    for (String path : new String[] {"/api/people/999999", "/api/people/abc", "/api/people/0", "/api/people/-1",
        "/api/people/99999999999999999999999"}) {
      var response = api.as(token, api.get(path)).send().await();
      assertRefused(404, response);
      assertEquals("That person was not found.", response.bodyAsJsonObject().getString("error"), path);
    }
  }

  @Test
  @DisplayName("An unknown locationId gets 400 with fields.locationId")
  void unknownLocation() {
    JsonObject body = assertRefused(400, putMe(valid().put("locationId", 999999)));
    assertEquals("is not a known location", body.getJsonObject("fields").getString("locationId"));
  }

  @Test
  @DisplayName("Bad directory query parameters get 400 naming the parameter")
  void badQueryParameters() {
    var page = api.as(token, api.get("/api/people?page=0")).send().await();
    assertEquals(400, page.statusCode());
    assertEquals("must be 1 or more", page.bodyAsJsonObject().getJsonObject("fields").getString("page"));
    var location = api.as(token, api.get("/api/people?location=abc")).send().await();
    assertEquals(400, location.statusCode());
    assertEquals("must be a whole number", location.bodyAsJsonObject().getJsonObject("fields").getString("location"));
  }

  @Test
  @DisplayName("Numbers in the pitch list's query are ASCII digits only: +1, a full-width 1 or 1.0 get 400 naming location")
  void lenientNumbersInPitchFilters() {
    Events events = new Events(api);
    long event = events.create(new JsonObject());
    events.moveTo(event, "pitching");
    for (String location : new String[] {"%2B1", "%EF%BC%91", "1.0", "-1"}) {
      var response = api.as(token, api.get("/api/events/" + event + "/pitches?location=" + location)).send().await();
      JsonObject body = assertRefused(400, response);
      assertTrue(body.getJsonObject("fields").containsKey("location"), location + ": " + body.encode());
    }
    assertEquals(200, api.as(token, api.get("/api/events/" + event + "/pitches?location="
        + Fixture.locationId("Berlin"))).send().await().statusCode());
  }

  @Test
  @DisplayName("Unknown roles and bad role ids on the admin API get 400 or 404 and change nothing")
  void badRoles() {
    String admin = api.token(TestShipyard.ADMIN);
    long other = Fixture.personId(TestShipyard.OTHER_EMPLOYEE);
    var unknownRole = api.as(admin, api.client().put("/api/admin/people/" + other + "/roles"))
        .sendJsonObject(new JsonObject().put("roles", new JsonArray().add("employee").add("superuser"))).await();
    assertEquals(400, unknownRole.statusCode());
    assertEquals("'superuser' is not a role", unknownRole.bodyAsJsonObject().getJsonObject("fields").getString("roles"));
    var wrongType = api.as(admin, api.client().put("/api/admin/people/" + other + "/roles"))
        .sendJsonObject(new JsonObject().put("roles", "admin")).await();
    assertEquals(400, wrongType.statusCode());
    assertEquals("must be a list of text", wrongType.bodyAsJsonObject().getJsonObject("fields").getString("roles"));
    var unknownPerson = api.as(admin, api.client().put("/api/admin/people/999999/roles"))
        .sendJsonObject(new JsonObject().put("roles", new JsonArray().add("employee"))).await();
    assertEquals(404, unknownPerson.statusCode());
    assertEquals(1, Fixture.count("SELECT count(*) FROM person_roles WHERE person_id = $1", other));
    assertEquals(0, Fixture.count("SELECT count(*) FROM person_roles WHERE person_id = 999999"));
  }

  @Test
  @DisplayName("The sign-in API refuses a malformed email with 400 naming the field")
  void badEmail() {
    var response = api.client().post("/api/auth/token")
        .sendJsonObject(new JsonObject().put("email", "not-an-email").put("password", "x")).await();
    assertEquals(400, response.statusCode());
    assertEquals("must be an email address", response.bodyAsJsonObject().getJsonObject("fields").getString("email"));
  }

  private HttpResponse<Buffer> getAs(String path) {
    return api.as(token, api.get(path)).send().await();
  }

  /** A refusal that names {@code field} with a problem starting with {@code problem}. */
  private void assertNames(String field, String problem, HttpResponse<Buffer> response) {
    JsonObject body = assertRefused(400, response);
    JsonObject fields = body.getJsonObject("fields");
    assertTrue(fields != null && fields.getString(field, "").startsWith(problem), body.encode());
  }

  @Test
  @DisplayName("A NUL or other control character in any query parameter gets 400 naming it, on the API and on pages")
  void controlCharactersInQuery() {
    assertNames("q", "must not contain control characters", getAs("/api/people?q=%00"));
    assertNames("skill", "must not contain control characters", getAs("/api/people?skill=a%01b"));
    assertNames("q", "must not contain control characters", getAs("/api/admin/people?q=x%7F"));
    assertNames("q", "must not contain control characters", getAs("/api/people?q=%C2%85"));
    // A parameter that no handler reads is checked all the same, and so is a parameter's name.
    assertNames("x", "must not contain control characters", getAs("/api/events?x=%00"));
    assertNames("a?b", "must not contain control characters", getAs("/api/events?a%00b=1"));
    var page = api.as(token, api.get("/people?q=%00")).putHeader("Accept", "text/html").send().await();
    assertEquals(400, page.statusCode());
    assertTrue(page.bodyAsString().contains("must not contain control characters"), page.bodyAsString());
    // Tabs and line breaks are text like any other.
    assertEquals(200, getAs("/api/people?q=a%09b%0Ac").statusCode());
  }

  @Test
  @DisplayName("Malformed %-escapes and invalid UTF-8 in the address get 400, not 500")
  void malformedAddresses() {
    assertNames("q", "has a malformed %-escape", getAs("/api/people?q=%zz"));
    assertNames("q", "has a malformed %-escape", getAs("/api/people?q=50%"));
    assertNames("q", "is not valid UTF-8", getAs("/api/people?q=%C3%28"));
    assertNames("path", "has a malformed %-escape", getAs("/api/people/%zz"));
    assertNames("path", "must not contain control characters", getAs("/api/people/1%00"));
    assertNames("path", "is not valid UTF-8", getAs("/api/people/%FF"));
  }

  @Test
  @DisplayName("Control characters and broken text anywhere in a JSON body get 400 naming the top-level field")
  void controlCharactersInJson() {
    assertNames("bio", "must not contain control characters", putMe(valid().put("bio", "bell\u0007")));
    assertNames("extra", "must not contain control characters",
        putMe(valid().put("extra", new JsonObject().put("deep", new JsonArray().add("ok").add("\u0000")))));
    assertNames("extra", "must not contain control characters",
        putMe(valid().put("extra", new JsonObject().put("key\u001B", 1))));
    assertNames("dis?play", "must not contain control characters", putMe(valid().put("dis\u0000play", "x")));
    assertNames("bio", "must be valid Unicode text",
        putMe("application/json", Buffer.buffer("{\"displayName\":\"Valid\",\"bio\":\"half \\ud800 a pair\"}")));
    // Line breaks and tabs in text are fine.
    assertEquals(200, putMe(valid().put("bio", "line one\nline two\twith a tab")).statusCode());
  }

  @Test
  @DisplayName("Control characters, malformed escapes and invalid UTF-8 in a form body get 400 naming the field")
  void badFormBodies() {
    String form = "application/x-www-form-urlencoded";
    assertNames("bio", "must not contain control characters", putMe(form, Buffer.buffer("displayName=Valid&bio=%00")));
    // Vert.x's own form decoder refuses a malformed escape before any handler runs.
    assertEquals("The request could not be understood.",
        assertRefused(400, putMe(form, Buffer.buffer("displayName=%zz"))).getString("error"));
    assertNames("displayName", "is not valid UTF-8", putMe(form, Buffer.buffer("displayName=%C3%28")));
    JsonObject body = assertRefused(400, putMe(form, Buffer.buffer(new byte[] {'b', 'i', 'o', '=', (byte) 0xC3})));
    assertEquals("The request body is not valid UTF-8.", body.getString("error"));
    var multipart = api.as(token, api.client().put("/api/me")).sendMultipartForm(MultipartForm.create()
        .attribute("displayName", "Valid").attribute("bio", "bell\u0007")).await();
    assertNames("bio", "must not contain control characters", multipart);
  }

  @Test
  @DisplayName("Control characters in the headers Shipyard reads as data get 400 naming the header")
  void controlCharactersInHeaders() {
    // Netty refuses C0 control characters in headers outright; C1 ones arrive as Latin-1 text.
    var response = api.get("/api/me").putHeader("Authorization", "Bearer abc\u0085def").send().await();
    assertNames("Authorization", "must not contain control characters", response);
  }

  @Test
  @DisplayName("Path ids are ASCII digits without sign or leading zeros, within range: '+1', '١', '１', '01' are 404")
  void lenientIds() {
    long id = Fixture.personId(TestShipyard.ADMIN);
    assertEquals(200, getAs("/api/people/" + id).statusCode(), "control: the plain id works");
    for (String raw : new String[] {"+" + id, "%2B" + id, "%D9%A1", "%EF%BC%91", "0" + id, "%20" + id, id + "%20",
        id + ".0", "0x1", "9223372036854775808", "1e3"}) {
      var response = getAs("/api/people/" + raw);
      assertRefused(404, response);
      assertEquals("That person was not found.", response.bodyAsJsonObject().getString("error"), raw);
    }
    var page = api.as(token, api.get("/people/%2B" + id)).putHeader("Accept", "text/html").send().await();
    assertEquals(404, page.statusCode());
  }

  @Test
  @DisplayName("Numbers in bodies and queries are ASCII digits too: '+1' or '١' as a locationId or location get 400")
  void lenientNumbers() {
    for (String raw : new String[] {"+1", "\u0661", "\uFF11", "1.0"}) {
      JsonObject body = assertRefused(400, putMe(valid().put("locationId", raw)));
      assertEquals("must be a positive whole number", body.getJsonObject("fields").getString("locationId"), raw);
    }
    assertEquals(200, putMe(valid().put("locationId", "1")).statusCode(), "control: digits as text work");
    for (String raw : new String[] {"%2B1", "%D9%A1", "1e0"}) {
      var response = getAs("/api/people?location=" + raw);
      assertEquals(400, response.statusCode(), raw);
      assertEquals("must be a whole number", response.bodyAsJsonObject().getJsonObject("fields").getString("location"));
    }
  }

  @Test
  @DisplayName("A CSV import with a NUL is refused whole with 400; a cell with a line break or tab rejects only its row")
  void csvText() {
    String admin = api.token(TestShipyard.ADMIN);
    var refused = api.as(admin, api.client().post("/api/admin/people/import")).putHeader("Content-Type", "text/csv")
        .sendBuffer(Buffer.buffer("email,name\nnul@test.example,Nul\u0000Name\n")).await();
    assertNames("body", "must not contain control characters", refused);
    assertEquals(0, Fixture.count("SELECT count(*) FROM people WHERE email = $1", "nul@test.example"));

    String csv = "\uFEFFemail,name,department\n"
        + "tab@test.example,Tab\tName,Ops\n"
        + "\"break@test.example\",\"Line\nBreak\",Ops\n"
        + "vt@test.example,Vertical Tab,\"Ops\u000BTeam\"\n"
        + "fine@test.example,Fine Person,Ops\n";
    var json = api.as(admin, api.client().post("/api/admin/people/import"))
        .sendJsonObject(new JsonObject().put("csv", csv.replace("\u000B", ""))).await();
    assertEquals(200, json.statusCode(), "a byte order mark is not part of the header: " + json.bodyAsString());
    JsonArray rows = json.bodyAsJsonObject().getJsonArray("rows");
    assertEquals("rejected", rows.getJsonObject(0).getString("outcome"));
    assertTrue(rows.getJsonObject(0).getString("reason").contains("name must be one line"), rows.encode());
    assertEquals("rejected", rows.getJsonObject(1).getString("outcome"));
    assertEquals("created", rows.getJsonObject(2).getString("outcome"), rows.encode());
    assertEquals("created", rows.getJsonObject(3).getString("outcome"));
    assertEquals(0, Fixture.count("SELECT count(*) FROM people WHERE email IN ('tab@test.example', 'break@test.example')"));
    var vertical = api.as(admin, api.client().post("/api/admin/people/import"))
        .sendJsonObject(new JsonObject().put("csv", csv)).await();
    assertNames("csv", "must not contain control characters", vertical);
  }

  @Test
  @DisplayName("Emails are checked with Unicode white space, as the people table does: an ideographic space is refused")
  void unicodeSpaceInEmail() {
    var response = api.client().post("/api/auth/token")
        .sendJsonObject(new JsonObject().put("email", "a\u3000b@test.example").put("password", "x")).await();
    assertEquals(400, response.statusCode());
    assertEquals("must be an email address", response.bodyAsJsonObject().getJsonObject("fields").getString("email"));
  }
}
