package app.shipyard.account;

import app.shipyard.identity.Person;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.shipyard.support.Api;
import app.shipyard.support.Fixture;
import app.shipyard.support.TestShipyard;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
@DisplayName("Bearer tokens: Shipyard's own and the identity provider's")
class TokenTest {

  private static final String SIGNING_SECRET = "test-signing-secret-0123456789abcdef0123456789";
  private Api api;
  private JWTAuth ownSigner;
  private JWTAuth idpSigner;
  private JWTAuth strangerSigner;

  @BeforeEach
  void setUp(Vertx vertx) {
    TestShipyard.reset();
    api = new Api(vertx);
    ownSigner = signer(vertx, SIGNING_SECRET);
    idpSigner = signer(vertx, TestShipyard.SSO_SECRET);
    strangerSigner = signer(vertx, "some-other-secret-0123456789abcdef0123456789");
  }

  private static JWTAuth signer(Vertx vertx, String secret) {
    return JWTAuth.create(vertx, new JWTAuthOptions()
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(secret)));
  }

  private static long now() {
    return System.currentTimeMillis() / 1000;
  }

  private JsonObject ownClaims(String email) {
    return new JsonObject().put("sub", Long.toString(Fixture.personId(email))).put("ep", 0)
        .put("name", "whoever").put("roles", new JsonArray().add("employee"));
  }

  private static JWTOptions own() {
    return new JWTOptions().setAlgorithm("HS256").setIssuer("shipyard").setAudience(List.of("shipyard"));
  }

  private static JWTOptions idp() {
    return new JWTOptions().setAlgorithm("HS256").setIssuer(TestShipyard.SSO_ISSUER)
        .setAudience(List.of(TestShipyard.SSO_AUDIENCE));
  }

  private HttpResponse<Buffer> me(String token) {
    return api.as(token, api.get("/api/me")).send().await();
  }

  private void assertRefused(String token) {
    var response = me(token);
    assertEquals(401, response.statusCode(), "token must be refused: " + token);
    String body = response.bodyAsString();
    assertTrue(response.bodyAsJsonObject().getString("error").length() > 0);
    assertTrue(!body.contains("Exception") && !body.contains("at app."), body);
  }

  private static String b64(String json) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  @DisplayName("A token minted here with the app's secret and correct claims is accepted (control for the refusals below)")
  void wellFormedOwnTokenWorks() {
    String token = ownSigner.generateToken(ownClaims(TestShipyard.EMPLOYEE), own().setExpiresInSeconds(600));
    var response = me(token);
    assertEquals(200, response.statusCode());
    assertEquals(TestShipyard.EMPLOYEE, response.bodyAsJsonObject().getString("email"));
  }

  @Test
  @DisplayName("An expired token gets 401")
  void expiredToken() {
    String token = ownSigner.generateToken(ownClaims(TestShipyard.EMPLOYEE).put("exp", now() - 3600), own());
    assertRefused(token);
  }

  @Test
  @DisplayName("A token whose signature was tampered with, or whose payload was changed, gets 401")
  void tamperedToken() {
    String token = api.token(TestShipyard.EMPLOYEE);
    assertEquals(200, me(token).statusCode());
    String[] parts = token.split("\\.");
    char last = parts[2].charAt(0);
    String badSignature = parts[0] + "." + parts[1] + "." + (last == 'A' ? 'B' : 'A') + parts[2].substring(1);
    assertRefused(badSignature);

    JsonObject payload = new JsonObject(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    payload.put("sub", Long.toString(Fixture.personId(TestShipyard.ADMIN)));
    assertRefused(parts[0] + "." + b64(payload.encode()) + "." + parts[2]);

    String forged = strangerSigner.generateToken(ownClaims(TestShipyard.ADMIN), own().setExpiresInSeconds(600));
    assertRefused(forged);
  }

  @Test
  @DisplayName("An unsigned token (alg: none) gets 401, for both trusted issuers")
  void algNone() {
    long exp = now() + 600;
    String header = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
    String own = b64(ownClaims(TestShipyard.ADMIN).put("iss", "shipyard").put("aud", "shipyard").put("exp", exp).encode());
    assertRefused(header + "." + own + ".");
    assertRefused(header + "." + own + ".x");
    String idp = b64(new JsonObject().put("iss", TestShipyard.SSO_ISSUER).put("aud", TestShipyard.SSO_AUDIENCE)
        .put("sub", "none-1").put("email", "none@test.example").put("exp", exp).encode());
    assertRefused(header + "." + idp + ".");
    assertEquals(0, Fixture.count("SELECT count(*) FROM people WHERE email = $1", "none@test.example"));
  }

  @Test
  @DisplayName("A token with the right secret but the wrong issuer gets 401")
  void wrongIssuer() {
    String token = ownSigner.generateToken(ownClaims(TestShipyard.EMPLOYEE), new JWTOptions().setAlgorithm("HS256")
        .setIssuer("someone-else").setAudience(List.of("shipyard")).setExpiresInSeconds(600));
    assertRefused(token);
  }

  @Test
  @DisplayName("A token with the right secret and issuer but the wrong audience gets 401")
  void wrongAudience() {
    String token = ownSigner.generateToken(ownClaims(TestShipyard.EMPLOYEE), new JWTOptions().setAlgorithm("HS256")
        .setIssuer("shipyard").setAudience(List.of("another-app")).setExpiresInSeconds(600));
    assertRefused(token);
  }

  @Test
  @DisplayName("A token from an earlier session epoch gets 401")
  void oldEpoch() {
    String token = ownSigner.generateToken(ownClaims(TestShipyard.EMPLOYEE).put("ep", 1), own().setExpiresInSeconds(600));
    assertRefused(token);
  }

  @Test
  @DisplayName("An Authorization header that is not a bearer token, or garbage, gets 401")
  void garbage() {
    assertRefused("not-a-jwt");
    var basic = api.get("/api/me").putHeader("Authorization", "Basic YWRtaW46YWRtaW4=").send().await();
    assertEquals(401, basic.statusCode());
  }

  @Test
  @DisplayName("An identity-provider token for a new email provisions the person just in time, with its roles")
  void idpProvisionsNewPerson() {
    JsonObject claims = new JsonObject().put("sub", "idp-123").put("email", "New.Person@Test.Example")
        .put("name", "Nina New").put("roles", new JsonArray().add("employee").add("organiser"));
    String token = idpSigner.generateToken(claims, idp().setExpiresInSeconds(600));
    var response = me(token);
    assertEquals(200, response.statusCode(), response.bodyAsString());
    JsonObject person = response.bodyAsJsonObject();
    assertEquals("new.person@test.example", person.getString("email"));
    assertEquals("Nina New", person.getString("displayName"));
    assertEquals(new JsonArray().add("employee").add("organiser"), person.getJsonArray("roles"));

    // The same token again finds the same person; nobody is created twice.
    assertEquals(person.getLong("id"), me(token).bodyAsJsonObject().getLong("id"));
    assertEquals(1, Fixture.count("SELECT count(*) FROM people WHERE lower(email) = $1", "new.person@test.example"));
    // The new person can use the rest of the API.
    assertEquals(200, api.as(token, api.get("/api/people")).send().await().statusCode());
  }

  @Test
  @DisplayName("Ten simultaneous first requests with a new identity-provider token all succeed and provision one person")
  void idpProvisioningIsRaceFree() {
    JsonObject claims = new JsonObject().put("sub", "idp-race").put("email", "race@test.example").put("name", "Rae Race");
    String token = idpSigner.generateToken(claims, idp().setExpiresInSeconds(600));
    List<io.vertx.core.Future<HttpResponse<Buffer>>> all = new java.util.ArrayList<>();
    for (int i = 0; i < 10; i++) {
      all.add(api.as(token, api.get("/api/me")).send());
    }
    io.vertx.core.Future.join(all).await();
    for (var f : all) {
      assertEquals(200, f.result().statusCode(), f.result().bodyAsString());
    }
    assertEquals(1, all.stream().map(f -> f.result().bodyAsJsonObject().getLong("id")).distinct().count());
    assertEquals(1, Fixture.count("SELECT count(*) FROM people WHERE email = $1", "race@test.example"));
    assertEquals(new JsonArray().add("employee"), me(token).bodyAsJsonObject().getJsonArray("roles"),
        "a token without roles gives the employee role");
  }

  @Test
  @DisplayName("An identity-provider token for an existing email is linked to that person (same id)")
  void idpLinksExistingPerson() {
    long id = Fixture.personId(TestShipyard.EMPLOYEE);
    JsonObject claims = new JsonObject().put("sub", "idp-emma").put("email", TestShipyard.EMPLOYEE)
        .put("name", "Emma from IdP").put("roles", new JsonArray().add("employee"));
    String token = idpSigner.generateToken(claims, idp().setExpiresInSeconds(600));
    var response = me(token);
    assertEquals(200, response.statusCode(), response.bodyAsString());
    assertEquals(id, response.bodyAsJsonObject().getLong("id"));
    assertEquals(TestShipyard.EMPLOYEE, response.bodyAsJsonObject().getString("email"));
    assertEquals(5, Fixture.count("SELECT count(*) FROM people"));
    assertEquals(1, Fixture.count("SELECT count(*) FROM people WHERE external_subject = $1", "idp-emma"));
  }

  @Test
  @DisplayName("An identity-provider token without exp is refused, and nobody is provisioned")
  void idpWithoutExp() {
    JsonObject claims = new JsonObject().put("sub", "idp-forever").put("email", "forever@test.example")
        .put("name", "Forever").put("roles", new JsonArray().add("admin"));
    String token = idpSigner.generateToken(claims, idp());
    assertTrue(!new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8)
        .contains("\"exp\""), "test token must lack exp");
    assertRefused(token);
    assertEquals(0, Fixture.count("SELECT count(*) FROM people WHERE email = $1", "forever@test.example"));
  }

  @Test
  @DisplayName("Identity-provider tokens that are expired, signed with another key, or for another audience get 401")
  void idpBadTokens() {
    JsonObject claims = new JsonObject().put("sub", "idp-x").put("email", "x@test.example").put("name", "X");
    assertRefused(idpSigner.generateToken(claims.copy().put("exp", now() - 3600), idp()));
    assertRefused(strangerSigner.generateToken(claims.copy(), idp().setExpiresInSeconds(600)));
    assertRefused(idpSigner.generateToken(claims.copy(), new JWTOptions().setAlgorithm("HS256")
        .setIssuer(TestShipyard.SSO_ISSUER).setAudience(List.of("shipyard")).setExpiresInSeconds(600)));
    // The identity provider's secret must not mint Shipyard's own tokens.
    assertRefused(idpSigner.generateToken(ownClaims(TestShipyard.ADMIN), own().setExpiresInSeconds(600)));
    assertEquals(0, Fixture.count("SELECT count(*) FROM people WHERE email = $1", "x@test.example"));
  }

  /** A validly signed identity-provider token with these claims (over a sound base) must get 401 naming the claim. */
  private void assertClaimRefused(String claim, JsonObject claims) {
    String token = idpSigner.generateToken(claims, idp().setExpiresInSeconds(600));
    var response = me(token);
    assertEquals(401, response.statusCode(), claims.encode() + " -> " + response.bodyAsString());
    String error = response.bodyAsJsonObject().getString("error");
    assertTrue(error.contains("'" + claim + "'"), error);
    assertTrue(!response.bodyAsString().contains("Exception"), response.bodyAsString());
  }

  private static JsonObject sound() {
    return new JsonObject().put("sub", "idp-shape").put("email", "shape@test.example").put("name", "Sam Shape");
  }

  private static long peopleCreated() {
    return Fixture.count("SELECT count(*) FROM people") - 5;
  }

  @Test
  @DisplayName("A signed identity-provider token whose claims have the wrong shape gets 401 naming the claim, not 500")
  void idpClaimsOfTheWrongShape() {
    assertClaimRefused("roles", sound().put("roles", "admin"));
    assertClaimRefused("roles", sound().put("roles", new JsonArray().add("employee").add(7)));
    assertClaimRefused("roles", sound().put("roles", new JsonObject().put("admin", true)));
    assertClaimRefused("sub", sound().put("sub", 42));
    assertClaimRefused("sub", sound().put("sub", "   "));
    assertClaimRefused("email", sound().put("email", new JsonArray().add("shape@test.example")));
    assertClaimRefused("name", sound().put("name", 42));
    assertClaimRefused("name", sound().put("name", new JsonObject()));
    assertEquals(0, peopleCreated(), "nothing is provisioned");
  }

  @Test
  @DisplayName("Non-numeric exp, nbf or iat in a signed identity-provider token gets 401 naming the claim, not 500")
  void idpTimeClaimsOfTheWrongShape() {
    long exp = now() + 600;
    for (String time : new String[] {"exp", "nbf", "iat"}) {
      JsonObject claims = sound().put("exp", exp).put("iat", now()).put(time, "soon");
      String token = idpSigner.generateToken(claims, idp().setNoTimestamp(true));
      var response = me(token);
      assertEquals(401, response.statusCode(), time + " -> " + response.bodyAsString());
      assertTrue(response.bodyAsJsonObject().getString("error").contains("'" + time + "'"), response.bodyAsString());
    }
    assertEquals(0, peopleCreated());
  }

  @Test
  @DisplayName("Claims that fail the people table's own checks (email shape, over-long or NUL-bearing name) get 401")
  void idpClaimsWithBadContent() {
    assertClaimRefused("email", sound().put("email", "shape test@test.example"));
    assertClaimRefused("email", sound().put("email", "shape\u3000x@test.example"));
    assertClaimRefused("email", sound().put("email", "shape@localhost"));
    assertClaimRefused("email", sound().put("email", "x".repeat(250) + "@test.example"));
    assertClaimRefused("email", sound().put("email", "sha\u0000pe@test.example"));
    assertClaimRefused("name", sound().put("name", "x".repeat(101)));
    assertClaimRefused("name", sound().put("name", "Sam\u0000Shape"));
    assertClaimRefused("name", sound().put("name", "Sam\nShape"));
    assertClaimRefused("sub", sound().put("sub", "idp\u0000shape"));
    assertClaimRefused("sub", sound().put("sub", "s".repeat(256)));
    assertClaimRefused("roles", sound().put("roles", new JsonArray().add("admin\u0000")));
    assertEquals(0, peopleCreated(), "nothing is provisioned");
    assertEquals(0, Fixture.count("SELECT count(*) FROM person_roles WHERE person_id NOT IN (SELECT id FROM people)"));
  }

  @Test
  @DisplayName("A blank or absent name, and unknown roles, are not errors: the email's local part names the person")
  void idpLenientWhereHarmless() {
    String token = idpSigner.generateToken(sound().put("name", "  ").put("roles", new JsonArray().add("Organiser")
        .add("astronaut")), idp().setExpiresInSeconds(600));
    var response = me(token);
    assertEquals(200, response.statusCode(), response.bodyAsString());
    assertEquals("shape", response.bodyAsJsonObject().getString("displayName"));
    assertEquals(new JsonArray().add("organiser"), response.bodyAsJsonObject().getJsonArray("roles"));

    String longLocal = "l".repeat(120) + "@test.example";
    token = idpSigner.generateToken(new JsonObject().put("sub", "idp-long").put("email", longLocal),
        idp().setExpiresInSeconds(600));
    response = me(token);
    assertEquals(200, response.statusCode(), response.bodyAsString());
    assertEquals("l".repeat(100), response.bodyAsJsonObject().getString("displayName"));
  }

  @Test
  @DisplayName("A token signed with Shipyard's secret but with a non-numeric sub or ep gets 401, not 500")
  void ownTokenOfTheWrongShape() {
    assertRefused(ownSigner.generateToken(ownClaims(TestShipyard.EMPLOYEE).put("sub", "abc"), own().setExpiresInSeconds(600)));
    assertRefused(ownSigner.generateToken(ownClaims(TestShipyard.EMPLOYEE).put("sub", "+1"), own().setExpiresInSeconds(600)));
    assertRefused(ownSigner.generateToken(ownClaims(TestShipyard.EMPLOYEE).put("sub", 1), own().setExpiresInSeconds(600)));
    assertRefused(ownSigner.generateToken(ownClaims(TestShipyard.EMPLOYEE).put("ep", "0"), own().setExpiresInSeconds(600)));
    assertRefused(ownSigner.generateToken(ownClaims(TestShipyard.EMPLOYEE).put("exp", "later"), own()));
  }
}
