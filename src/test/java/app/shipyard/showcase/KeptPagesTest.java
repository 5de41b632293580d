package app.shipyard.showcase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.shipyard.Shipyard;
import app.shipyard.support.Api;
import app.shipyard.support.Fixture;
import app.shipyard.support.TestInstances;
import app.shipyard.support.TestShipyard;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.sqlclient.Tuple;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(value = 180, timeUnit = TimeUnit.SECONDS)
@DisplayName("Showcase pages and sessions kept in memory")
class KeptPagesTest {

  private ShowcaseFixture f;
  private Vertx vertx;

  @BeforeEach
  void setUp(Vertx vertx) {
    f = new ShowcaseFixture(this.vertx = vertx);
  }

  private HttpResponse<Buffer> get(String token, String path, String etag) {
    var request = f.api.client().get(path).bearerTokenAuthentication(token).putHeader("Accept", "text/html");
    return (etag == null ? request : request.putHeader("If-None-Match", etag)).send().await();
  }

  private HttpResponse<Buffer> addLink(WebClient client, String url) {
    return client.post("/api/projects/" + f.zeta + "/links").bearerTokenAuthentication(f.organiser)
        .sendJsonObject(new JsonObject().put("kind", "video").put("url", url).put("label", "Demo")).await();
  }

  @Test
  @DisplayName("A change to a project is on the very next request, in its page and its ETag, however it was made")
  void nextRequestSeesChanges() {
    Api.Browser emma = f.api.browser().signIn(TestShipyard.EMPLOYEE);
    String page = "/projects/" + f.zeta;
    HttpResponse<Buffer> first = emma.getPage(page);
    assertEquals(200, first.statusCode());
    assertEquals(200, emma.getPage(page).statusCode(), "answered again, from what was kept");
    String etag = first.getHeader("ETag");
    assertEquals(304, conditional(emma, page, etag).statusCode());

    ShowcaseFixture.ok(addLink(f.api.client(), "https://video.example/zeta"));
    HttpResponse<Buffer> linked = conditional(emma, page, etag);
    assertEquals(200, linked.statusCode(), "a new link is news");
    assertNotEquals(etag, linked.getHeader("ETag"));
    assertTrue(linked.bodyAsString().contains("https://video.example/zeta"));
    assertEquals(304, conditional(emma, page, linked.getHeader("ETag")).statusCode());

    TestShipyard.pool().preparedQuery("UPDATE pitches SET title = 'Zeta search two' WHERE id = $1")
        .execute(Tuple.of(f.zeta)).await();
    HttpResponse<Buffer> renamed = conditional(emma, page, linked.getHeader("ETag"));
    assertEquals(200, renamed.statusCode(), "a change straight in the database is news too");
    assertTrue(renamed.bodyAsString().contains("Zeta search two"));
    assertTrue(emma.getPage("/showcase").bodyAsString().contains("Zeta search two"), "and in the archive");
    assertEquals("Zeta search two", f.getJson(f.emma, "/api/projects/" + f.zeta).getString("title"));
  }

  private static HttpResponse<Buffer> conditional(Api.Browser browser, String path, String etag) {
    return browser.session().get(path).putHeader("Accept", "text/html").putHeader("If-None-Match", etag).send().await();
  }

  @Test
  @DisplayName("Two viewers of a kept page each get their own name and form token, and only the team gets its forms")
  void viewersApart() {
    Api.Browser emma = f.api.browser().signIn(TestShipyard.EMPLOYEE);
    Api.Browser otto = f.api.browser().signIn(TestShipyard.OTHER_EMPLOYEE);
    String path = "/projects/" + f.zeta;
    String emmaPage = emma.getPage(path).bodyAsString();
    String ottoPage = otto.getPage(path).bodyAsString();
    String emmaAgain = emma.getPage(path).bodyAsString();
    assertTrue(emmaPage.contains("My profile (Emma Employee)") && emmaAgain.contains("My profile (Emma Employee)"));
    assertTrue(ottoPage.contains("My profile (Otto Other)"));
    assertFalse(ottoPage.contains("Emma Employee"), "nothing of Emma's page reaches Otto");
    String emmaToken = Api.csrfFrom(emmaPage);
    String ottoToken = Api.csrfFrom(ottoPage);
    assertNotEquals(emmaToken, ottoToken);
    assertFalse(ottoPage.contains(emmaToken));
    assertFalse(emmaAgain.contains(ottoToken));
    assertEquals(emmaToken, Api.csrfFrom(emmaAgain), "her own token, kept by her browser");
    assertFalse(emmaPage.contains("id=\"link-form\""), "Emma is not on the team");

    HttpResponse<Buffer> captain = get(f.cara, path, null);
    String caraPage = captain.bodyAsString();
    assertTrue(caraPage.contains("id=\"link-form\"") && caraPage.contains("id=\"upload\""), "the captain's forms");
    String caraToken = captain.cookies().stream().filter(c -> c.startsWith("XSRF-TOKEN=")).findFirst().orElseThrow()
        .split("[=;]")[1];
    assertTrue(caraPage.contains("value=\"" + caraToken + "\""), "with her own form token");
    assertFalse(caraPage.contains(emmaToken) || caraPage.contains(ottoToken));
    String ottoAgain = otto.getPage(path).bodyAsString();
    assertFalse(ottoAgain.contains("id=\"link-form\"") || ottoAgain.contains(caraToken), "the captain's page stays hers");
    assertTrue(get(f.organiser, path, null).bodyAsString().contains("id=\"outcome-form\""), "organisers get theirs");
  }

  @Test
  @DisplayName("Hidden pitches stay hidden from everyone else, and only leadership and organisers see their count")
  void hiddenStaysHidden() {
    String secret = "/projects/" + f.secret;
    assertEquals(404, get(f.emma, secret, null).statusCode());
    HttpResponse<Buffer> organisers = get(f.organiser, secret, null);
    assertEquals(200, organisers.statusCode());
    assertTrue(organisers.bodyAsString().contains("id=\"hidden-notice\""));
    assertEquals(404, get(f.emma, secret, null).statusCode(), "still hidden after an organiser saw it");
    assertEquals(404, f.events.get(f.emma, "/api/projects/" + f.secret).statusCode());

    String note = "not shown (hidden or not approved)";
    assertTrue(get(f.leadership, "/showcase", null).bodyAsString().contains(note));
    assertFalse(get(f.emma, "/showcase", null).bodyAsString().contains(note), "after leadership's page was kept");
    assertFalse(get(f.emma, "/showcase", null).bodyAsString().contains(note));
    assertTrue(get(f.organiser, "/showcase", null).bodyAsString().contains(note), "after Emma's page was kept");
    JsonArray groups = f.getJson(f.emma, "/api/showcase").getJsonArray("groups");
    JsonObject spring = groups.getJsonObject(1).getJsonArray("events").getJsonObject(0);
    assertFalse(spring.containsKey("hiddenPitches"), spring.encode());
    JsonObject seen = f.getJson(f.leadership, "/api/showcase").getJsonArray("groups").getJsonObject(1)
        .getJsonArray("events").getJsonObject(0);
    assertEquals(1, seen.getInteger("hiddenPitches"));
  }

  @Test
  @DisplayName("A change, a role or a sign-out on another instance applies to this instance's next request")
  void anotherInstance() {
    Shipyard other = TestInstances.start(Map.of());
    WebClient b = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1")
        .setDefaultPort(other.port()));
    try {
      String project = "/api/projects/" + f.zeta;
      String etag = f.events.get(f.emma, project).getHeader("ETag");
      assertEquals(304, get(f.emma, project, etag).statusCode());
      ShowcaseFixture.ok(addLink(b, "https://video.example/from-b"));
      HttpResponse<Buffer> seen = get(f.emma, project, etag);
      assertEquals(200, seen.statusCode());
      assertTrue(seen.bodyAsString().contains("https://video.example/from-b"));

      assertFalse(f.getJson(f.emma, "/api/me").getJsonArray("roles").contains("leadership"));
      String admin = f.api.token(TestShipyard.ADMIN);
      HttpResponse<Buffer> granted = b.put("/api/admin/people/" + Fixture.personId(TestShipyard.EMPLOYEE) + "/roles")
          .bearerTokenAuthentication(admin)
          .sendJsonObject(new JsonObject().put("roles", new JsonArray().add("employee").add("leadership"))).await();
      ShowcaseFixture.ok(granted);
      assertTrue(f.getJson(f.emma, "/api/me").getJsonArray("roles").contains("leadership"), "the new role applies");
      assertTrue(get(f.emma, "/showcase", null).bodyAsString().contains("not shown (hidden or not approved)"));

      ShowcaseFixture.ok(b.post("/api/auth/sign-out").bearerTokenAuthentication(f.emma).send().await());
      assertEquals(401, f.events.get(f.emma, "/api/me").statusCode(), "signed out everywhere");
      assertEquals(401, f.events.get(f.emma, "/api/showcase").statusCode());
    } finally {
      b.close();
      other.stop();
    }
  }

  @Test
  @DisplayName("An ETag given before the database was emptied and filled again with the same data is never reused")
  void tagsNeverRepeat() {
    String project = "/api/projects/" + f.zeta;
    String before = f.events.get(f.emma, project).getHeader("ETag");
    String archive = f.events.get(f.emma, "/api/showcase").getHeader("ETag");
    f = new ShowcaseFixture(vertx);
    HttpResponse<Buffer> after = get(f.emma, project, before);
    assertEquals(200, after.statusCode(), "the same ids and data again, but not the same version");
    assertNotEquals(before, after.getHeader("ETag"));
    assertEquals(200, f.api.client().get("/api/showcase").bearerTokenAuthentication(f.emma)
        .putHeader("If-None-Match", archive).send().await().statusCode());
  }
}
