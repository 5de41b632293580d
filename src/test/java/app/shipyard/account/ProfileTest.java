package app.shipyard.account;

import app.shipyard.identity.Location;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.shipyard.support.Api;
import app.shipyard.support.Fixture;
import app.shipyard.support.TestShipyard;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
@DisplayName("Own profile and role changes")
class ProfileTest {

  private Api api;

  @BeforeEach
  void setUp(Vertx vertx) {
    TestShipyard.reset();
    api = new Api(vertx);
  }

  private JsonObject me(String token) {
    var response = api.as(token, api.get("/api/me")).send().await();
    assertEquals(200, response.statusCode());
    return response.bodyAsJsonObject();
  }

  @Test
  @DisplayName("PUT /api/me updates name, department, location, skills and bio, and GET /api/me shows them")
  void apiUpdate() {
    String token = api.token(TestShipyard.EMPLOYEE);
    int singapore = Fixture.locationId("Singapore");
    JsonObject update = new JsonObject().put("displayName", "  Emma Updated  ").put("department", "Research")
        .put("locationId", singapore).put("skills", new JsonArray().add("Rust").add(" Kotlin ").add("rust").add(""))
        .put("bio", "Builds boats.");
    var response = api.as(token, api.client().put("/api/me")).sendJsonObject(update).await();
    assertEquals(200, response.statusCode(), response.bodyAsString());
    assertEquals(response.bodyAsJsonObject(), me(token));

    JsonObject me = me(token);
    assertEquals("Emma Updated", me.getString("displayName"));
    assertEquals("EU", me.getString("initials"));
    assertEquals("Research", me.getString("department"));
    assertEquals(singapore, me.getJsonObject("location").getInteger("id"));
    assertEquals("Singapore", me.getJsonObject("location").getString("name"));
    assertEquals("Asia/Singapore", me.getJsonObject("location").getString("timeZone"));
    assertEquals(new JsonArray().add("Kotlin").add("Rust"), me.getJsonArray("skills"));
    assertEquals("Builds boats.", me.getString("bio"));
    assertEquals(TestShipyard.EMPLOYEE, me.getString("email"), "email is not changed by a profile update");
    assertEquals(new JsonArray().add("employee"), me.getJsonArray("roles"), "roles are not changed by a profile update");

    // Others see the change in the directory, and the skill is counted.
    String other = api.token(TestShipyard.OTHER_EMPLOYEE);
    var seen = api.as(other, api.get("/api/people/" + me.getLong("id"))).send().await().bodyAsJsonObject();
    assertEquals("Emma Updated", seen.getString("displayName"));
    var bySkill = api.as(other, api.get("/api/people?skill=kotlin")).send().await().bodyAsJsonObject();
    assertEquals(1, bySkill.getJsonArray("people").size());
    var skills = api.as(other, api.get("/api/skills")).send().await().bodyAsJsonArray();
    assertTrue(skills.stream().map(JsonObject.class::cast)
        .anyMatch(s -> s.getString("name").equals("Rust") && s.getInteger("people") == 1), skills.encode());

    // Clearing: no location, no skills.
    var cleared = api.as(token, api.client().put("/api/me"))
        .sendJsonObject(new JsonObject().put("displayName", "Emma").put("skills", new JsonArray())).await();
    assertEquals(200, cleared.statusCode());
    assertNull(me(token).getJsonObject("location"));
    assertEquals(new JsonArray(), me(token).getJsonArray("skills"));
    assertEquals("", me(token).getString("bio"));
  }

  @Test
  @DisplayName("The /profile form updates the profile the same way")
  void formUpdate() {
    Api.Browser browser = api.browser().signIn(TestShipyard.EMPLOYEE);
    int sydney = Fixture.locationId("Sydney");
    var response = browser.postForm("/profile", "/profile", MultiMap.caseInsensitiveMultiMap()
        .add("displayName", "Emma Form").add("department", "Design").add("locationId", Integer.toString(sydney))
        .add("skills", "Sailing, Welding,  ,sailing").add("bio", "From the form."));
    assertEquals(200, response.statusCode());
    assertTrue(response.bodyAsString().contains("Your profile was saved."));

    JsonObject me = me(api.token(TestShipyard.EMPLOYEE));
    assertEquals("Emma Form", me.getString("displayName"));
    assertEquals("Design", me.getString("department"));
    assertEquals("Sydney", me.getJsonObject("location").getString("name"));
    assertEquals(new JsonArray().add("Sailing").add("Welding"), me.getJsonArray("skills"));
    assertEquals("From the form.", me.getString("bio"));

    // The page shows the saved values.
    String page = browser.getPage("/profile").bodyAsString();
    assertTrue(page.contains("value=\"Emma Form\""), page);
    assertTrue(page.contains("value=\"Sailing, Welding\""), page);
  }

  @Test
  @DisplayName("The /profile form with problems answers 400, lists them, and saves nothing")
  void formProblems() {
    Api.Browser browser = api.browser().signIn(TestShipyard.EMPLOYEE);
    var response = browser.postForm("/profile", "/profile", MultiMap.caseInsensitiveMultiMap()
        .add("displayName", "").add("locationId", "999999").add("department", "Nowhere"));
    assertEquals(400, response.statusCode());
    assertTrue(response.bodyAsString().contains("displayName"), response.bodyAsString());
    JsonObject me = me(api.token(TestShipyard.EMPLOYEE));
    assertEquals("Emma Employee", me.getString("displayName"));
    assertEquals("Engineering", me.getString("department"));

    var unknownLocation = browser.postForm("/profile", "/profile", MultiMap.caseInsensitiveMultiMap()
        .add("displayName", "Emma").add("locationId", "999999"));
    assertEquals(400, unknownLocation.statusCode());
    assertTrue(unknownLocation.bodyAsString().contains("is not a known location"));
    assertEquals("Emma Employee", me(api.token(TestShipyard.EMPLOYEE)).getString("displayName"));
  }

  @Test
  @DisplayName("A role change by an admin takes effect on that person's next request, with the same token")
  void roleChangeTakesEffect() {
    String admin = api.token(TestShipyard.ADMIN);
    String employee = api.token(TestShipyard.EMPLOYEE);
    long id = Fixture.personId(TestShipyard.EMPLOYEE);
    assertEquals(403, api.as(employee, api.get("/api/admin/people")).send().await().statusCode());

    var granted = api.as(admin, api.client().put("/api/admin/people/" + id + "/roles"))
        .sendJsonObject(new JsonObject().put("roles", new JsonArray().add("employee").add("ADMIN"))).await();
    assertEquals(200, granted.statusCode(), granted.bodyAsString());
    assertEquals(new JsonArray().add("employee").add("admin"), granted.bodyAsJsonObject().getJsonArray("roles"));

    assertEquals(200, api.as(employee, api.get("/api/admin/people")).send().await().statusCode());
    assertEquals(new JsonArray().add("employee").add("admin"), me(employee).getJsonArray("roles"));

    var revoked = api.as(admin, api.client().put("/api/admin/people/" + id + "/roles"))
        .sendJsonObject(new JsonObject().put("roles", new JsonArray().add("employee").add("leadership"))).await();
    assertEquals(200, revoked.statusCode());
    assertEquals(403, api.as(employee, api.get("/api/admin/people")).send().await().statusCode());
    assertEquals(new JsonArray().add("employee").add("leadership"), me(employee).getJsonArray("roles"));
  }

  @Test
  @DisplayName("A role change through the admin form takes effect too")
  void roleChangeByForm() {
    long id = Fixture.personId(TestShipyard.OTHER_EMPLOYEE);
    String other = api.token(TestShipyard.OTHER_EMPLOYEE);
    Api.Browser browser = api.browser().signIn(TestShipyard.ADMIN);
    var response = browser.postForm("/admin/people", "/admin/people/" + id + "/roles",
        MultiMap.caseInsensitiveMultiMap().add("roles", "employee").add("roles", "organiser"));
    assertEquals(303, response.statusCode());
    assertTrue(response.getHeader("Location").startsWith("/admin/people?q="));
    assertEquals(new JsonArray().add("employee").add("organiser"), me(other).getJsonArray("roles"));
  }

  @Test
  @DisplayName("An admin cannot remove their own admin role (409), and keeps it")
  void cannotDemoteSelf() {
    String admin = api.token(TestShipyard.ADMIN);
    long id = Fixture.personId(TestShipyard.ADMIN);
    var response = api.as(admin, api.client().put("/api/admin/people/" + id + "/roles"))
        .sendJsonObject(new JsonObject().put("roles", new JsonArray().add("employee"))).await();
    assertEquals(409, response.statusCode());
    assertEquals("You cannot remove your own admin role; ask another admin.",
        response.bodyAsJsonObject().getString("error"));
    assertEquals(new JsonArray().add("employee").add("admin"), me(admin).getJsonArray("roles"));
    assertEquals(200, api.as(admin, api.get("/api/admin/people")).send().await().statusCode());

    // Changing their other roles while keeping admin is fine.
    var keep = api.as(admin, api.client().put("/api/admin/people/" + id + "/roles"))
        .sendJsonObject(new JsonObject().put("roles", new JsonArray().add("employee").add("admin").add("organiser"))).await();
    assertEquals(200, keep.statusCode());
  }
}
