package app.shipyard.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.shipyard.support.Api;
import app.shipyard.support.Events;
import app.shipyard.support.Fixture;
import app.shipyard.support.TestShipyard;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(value = 120, timeUnit = TimeUnit.SECONDS)
@DisplayName("Live channel: who may open it, refused with a status before the handshake")
class LiveHandshakeTest extends LiveTestCase {

  private int status(long event, String query, String token, String origin) {
    return LiveClient.refusal(f.vertx, LiveClient.options(event, query, token, origin));
  }

  @Test
  @DisplayName("A handshake from another site, a look-alike origin or without an Origin is refused with 403")
  void foreignOrigins() throws Exception {
    int port = TestShipyard.port();
    for (String origin : new String[] {"https://evil.example", "null", "http://127.0.0.1:" + port + ".evil.example",
        "http://127.0.0.1.evil.example:" + port, "http://127.0.0.1:" + (port + 1), "http://localhost.evil.example:" + port,
        TestShipyard.PUBLIC_ORIGIN + ".evil.example", "http://shipyard.test.example"}) {
      assertEquals(403, status(f.event, "", f.emma, origin), origin);
    }
    assertEquals(403, LiveClient.handshakeWithoutOrigin(f.event, f.emma), "browsers always send an Origin");
  }

  @Test
  @DisplayName("Shipyard's own origin and its configured public origin may open the channel")
  void ownAndPublicOrigins() {
    for (String origin : new String[] {LiveClient.ORIGIN, TestShipyard.PUBLIC_ORIGIN}) {
      LiveClient live = LiveClient.open(LiveClient.client(f.vertx), LiveClient.options(f.event, "", f.emma, origin))
          .await();
      assertEquals(f.event, live.next("snapshot").getJsonObject("event").getLong("id"));
      live.close();
    }
  }

  @Test
  @DisplayName("Without a session or token the handshake gets 401, with a forged token too")
  void unauthenticated() {
    assertEquals(401, status(f.event, "", null, LiveClient.ORIGIN));
    assertEquals(401, status(f.event, "", "not.a.token", LiveClient.ORIGIN));
  }

  @Test
  @DisplayName("A connection ends (4001) once the token it was opened with expires: the handshake's check does not outlive it")
  void endsWhenTheSignInExpires() {
    String email = "brief@test.example";
    String shortLived = io.vertx.ext.auth.jwt.JWTAuth.create(f.vertx, new io.vertx.ext.auth.jwt.JWTAuthOptions()
            .addPubSecKey(new io.vertx.ext.auth.PubSecKeyOptions().setAlgorithm("HS256")
                .setBuffer(TestShipyard.SSO_SECRET)))
        .generateToken(new JsonObject().put("sub", email).put("email", email).put("name", "Bree Brief"),
            new io.vertx.ext.auth.JWTOptions().setAlgorithm("HS256").setIssuer(TestShipyard.SSO_ISSUER)
                .setAudience(java.util.List.of(TestShipyard.SSO_AUDIENCE)).setExpiresInSeconds(4));
    LiveClient live = LiveClient.connect(f.vertx, f.event, shortLived);
    live.next("snapshot");
    assertEquals("pong", live.send(new JsonObject().put("type", "ping").put("ref", "p")).answer("p").getString("type"),
        "open while the token is valid");
    assertEquals(4001, live.closeCode());
    LiveClient lasting = LiveClient.connect(f.vertx, f.event, f.emma);
    lasting.next("snapshot");
    assertEquals("pong", lasting.send(new JsonObject().put("type", "ping").put("ref", "q")).answer("q")
        .getString("type"), "a connection with a valid token stays open");
  }

  @Test
  @DisplayName("A connection closes (4002) when an admin changes its person's roles or the person signs out everywhere; the reconnect is judged anew")
  void followsRolesAndSignOut() {
    Api api = new Api(f.vertx);
    String admin = api.token(TestShipyard.ADMIN);
    String email = "rolling@test.example";
    String sso = Events.ssoToken(email);
    LiveClient live = LiveClient.connect(f.vertx, f.event, sso);
    live.next("snapshot");
    HttpResponse<Buffer> changed = api.as(admin, api.client().put("/api/admin/people/" + Fixture.personId(email)
        + "/roles")).sendJsonObject(new JsonObject().put("roles", new JsonArray().add("employee").add("leadership")))
        .await();
    assertEquals(200, changed.statusCode(), changed.bodyAsString());
    assertEquals(4002, live.closeCode(), "roles changed");
    LiveClient again = LiveClient.connect(f.vertx, f.event, sso);
    again.next("snapshot");
    assertEquals("pong", again.send(new JsonObject().put("type", "ping").put("ref", "r")).answer("r")
        .getString("type"), "reconnected under the new roles");

    String own = api.token(TestShipyard.OTHER_EMPLOYEE);
    LiveClient signedIn = LiveClient.connect(f.vertx, f.event, own);
    signedIn.next("snapshot");
    assertEquals(204, api.as(own, api.client().post("/api/auth/sign-out")).send().await().statusCode());
    assertEquals(4002, signedIn.closeCode(), "signed out everywhere");
    assertEquals(401, status(f.event, "", own, LiveClient.ORIGIN), "the ended session cannot reconnect");
  }

  @Test
  @DisplayName("A draft event is 404 to an employee, an unknown event 404 even to an organiser; organisers may watch a draft")
  void unseenEvents() {
    long draft = f.events.create(new JsonObject().put("title", "Secret"));
    assertEquals(404, status(draft, "", f.emma, LiveClient.ORIGIN));
    assertEquals(404, status(987_654, "", f.organiser, LiveClient.ORIGIN));
    assertEquals(404, status(987_654, "", f.emma, LiveClient.ORIGIN));
    LiveClient organiser = LiveClient.connect(f.vertx, draft, f.organiser);
    assertEquals("draft", organiser.next("snapshot").getJsonObject("event").getString("phase"));
  }

  @Test
  @DisplayName("An unknown audience is 400, and a plain GET of the channel's address is 400 in JSON")
  void badRequests() {
    assertEquals(400, status(f.event, "?audience=everyone", f.emma, LiveClient.ORIGIN));
    var plain = WebClient.create(f.vertx).get(TestShipyard.port(), "127.0.0.1", "/api/events/" + f.event + "/live")
        .bearerTokenAuthentication(f.emma).send().await();
    assertEquals(400, plain.statusCode());
    assertEquals("application/json; charset=utf-8", plain.getHeader("Content-Type"));
  }
}
