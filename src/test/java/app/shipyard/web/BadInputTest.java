package app.shipyard.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.shipyard.support.Api;
import app.shipyard.support.Fixture;
import app.shipyard.support.TestShipyard;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
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
}
