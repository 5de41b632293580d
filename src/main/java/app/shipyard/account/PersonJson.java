package app.shipyard.account;

import app.shipyard.identity.Location;
import app.shipyard.identity.Person;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The API's shape of a person and a location. */
public final class PersonJson {

  private PersonJson() {}

  public static JsonObject of(Person p) {
    return new JsonObject()
        .put("id", p.id())
        .put("email", p.email())
        .put("displayName", p.displayName())
        .put("initials", p.initials())
        .put("department", p.department())
        .put("location", p.location() == null ? null : of(p.location()))
        .put("bio", p.bio())
        .put("skills", new JsonArray(p.skills()))
        .put("roles", new JsonArray(p.roleKeys()));
  }

  public static JsonObject of(Location l) {
    return new JsonObject().put("id", l.id()).put("name", l.name()).put("timeZone", l.timeZone()).put("remote", l.remote());
  }
}
