package app.shipyard.support;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.sqlclient.Tuple;
import java.util.List;

/** Builds events, pitches and extra people through the public API, for tests of what happens inside events. */
public final class Events {

  private final Api api;
  private final String organiser;

  public Events(Api api) {
    this.api = api;
    this.organiser = api.token(TestShipyard.ORGANISER);
  }

  public String organiserToken() {
    return organiser;
  }

  public HttpResponse<Buffer> post(String token, String path, JsonObject body) {
    return api.client().post(path).bearerTokenAuthentication(token).sendJsonObject(body).await();
  }

  public HttpResponse<Buffer> get(String token, String path) {
    return api.client().get(path).bearerTokenAuthentication(token).send().await();
  }

  /** A day event in Berlin time with the given overrides (e.g. teamMax, joinByRequest), created by the organiser. */
  public long create(JsonObject overrides) {
    JsonObject body = new JsonObject().put("kind", "day").put("title", "ShipIt 7").put("description", "Build **anything**")
        .put("startsAt", "2026-12-01T09:00:00Z").put("endsAt", "2026-12-02T09:00:00Z")
        .put("timeZone", "Europe/Berlin").put("teamMax", 5)
        .put("locationIds", new JsonArray().add(Fixture.locationId("Berlin")).add(Fixture.locationId("Remote")))
        .mergeIn(overrides);
    HttpResponse<Buffer> created = post(organiser, "/api/events", body);
    if (created.statusCode() != 201) {
      throw new IllegalStateException("Event not created: " + created.statusCode() + " " + created.bodyAsString());
    }
    return created.bodyAsJsonObject().getLong("id");
  }

  /** Moves the event forward phase by phase until it is in {@code phase}. */
  public void moveTo(long event, String phase) {
    List<String> order = List.of("draft", "pitching", "team_forming", "building", "demos", "results", "archived");
    String current = get(organiser, "/api/events/" + event).bodyAsJsonObject().getString("phase");
    for (int i = order.indexOf(current) + 1; i <= order.indexOf(phase); i++) {
      HttpResponse<Buffer> moved = post(organiser, "/api/events/" + event + "/phase", new JsonObject().put("phase", order.get(i)));
      if (moved.statusCode() != 200) {
        throw new IllegalStateException("Phase change refused: " + moved.bodyAsString());
      }
    }
  }

  /** Pitches an idea as {@code token}'s person and returns the pitch id. */
  public long pitch(String token, long event, JsonObject fields) {
    JsonObject body = new JsonObject().put("title", "An idea").put("summary", "A one-line summary").put("capacity", 4)
        .mergeIn(fields);
    HttpResponse<Buffer> created = post(token, "/api/events/" + event + "/pitches", body);
    if (created.statusCode() != 201) {
      throw new IllegalStateException("Pitch not created: " + created.statusCode() + " " + created.bodyAsString());
    }
    return created.bodyAsJsonObject().getLong("id");
  }

  /**
   * Adds an employee straight into the database (department, location name and skills optional) and returns a
   * bearer token for them from the test identity provider.
   */
  public static String person(String email, String name, String department, String location, String... skills) {
    TestShipyard.pool().preparedQuery("""
        WITH p AS (INSERT INTO people (email, display_name, department, location_id)
                   VALUES ($1, $2, $3, (SELECT id FROM locations WHERE name = $4)) RETURNING id),
             r AS (INSERT INTO person_roles (person_id, role) SELECT id, 'employee' FROM p)
        INSERT INTO person_skills (person_id, skill_id)
        SELECT p.id, s.id FROM p, skills s WHERE lower(s.name) = ANY (SELECT lower(n) FROM unnest($5::text[]) AS n)
        """).execute(Tuple.of(email, name, department == null ? "" : department, location).addArrayOfString(skills)).await();
    return ssoToken(email);
  }

  /** Makes sure these skills exist in the shared vocabulary. */
  public static void skills(String... names) {
    TestShipyard.pool().preparedQuery("INSERT INTO skills (name) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING")
        .execute(Tuple.of((Object) names)).await();
  }

  /** A token from the test identity provider; the person is provisioned on first use if unknown. */
  public static String ssoToken(String email) {
    JWTAuth auth = JWTAuth.create(TestShipyard.get().vertx(), new JWTAuthOptions()
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(TestShipyard.SSO_SECRET)));
    return auth.generateToken(new JsonObject().put("sub", email).put("email", email).put("name", email),
        new JWTOptions().setAlgorithm("HS256").setIssuer(TestShipyard.SSO_ISSUER)
            .setAudience(List.of(TestShipyard.SSO_AUDIENCE)).setExpiresInMinutes(30));
  }
}
