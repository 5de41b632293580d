package app.shipyard.showcase;

import app.shipyard.outcome.Outcome;
import app.shipyard.showcase.ShowcaseViews.ArchiveView;
import app.shipyard.showcase.ShowcaseViews.EventView;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.function.Function;

/** The API's shape of the archive, galleries and project pages. */
final class ShowcaseJson {

  private ShowcaseJson() {}

  static JsonObject archive(ArchiveView v) {
    return new JsonObject().put("year", v.year())
        .put("years", array(v.years(), y -> new JsonObject().put("year", y.year()).put("events", y.events())))
        .put("groups", array(v.groups(), g -> new JsonObject().put("year", g.year())
            .put("events", array(g.events(), ShowcaseJson::event))))
        .put("page", v.paging().page()).put("hasMore", v.paging().hasMore());
  }

  static JsonObject event(EventView v) {
    return event(v.event()).put("projects", array(v.paging().items(), ShowcaseJson::project))
        .put("page", v.paging().page()).put("hasMore", v.paging().hasMore());
  }

  static JsonObject shipped(Paging<GalleryProject> paging) {
    return new JsonObject().put("projects", array(paging.items(), ShowcaseJson::project))
        .put("page", paging.page()).put("hasMore", paging.hasMore());
  }

  /** {@code hiddenPitches} only for those who see it (see {@link ShowcaseViews#seesUnshown}). */
  private static JsonObject event(ArchiveEvent e) {
    JsonObject json = new JsonObject().put("id", e.id()).put("kind", e.kind()).put("title", e.title())
        .put("theme", e.theme()).put("phase", e.phase().key()).put("startsOn", e.startsOn().toString())
        .put("year", e.year()).put("projectCount", e.projects())
        .put("winners", awards(e.awards(), "winner")).put("prizes", awards(e.awards(), "prize"))
        .put("finalists", awards(e.awards(), "finalist"))
        .put("links", new JsonObject().put("page", "/showcase/events/" + e.id())
            .put("feed", "/showcase/events/" + e.id() + "/feed.atom"));
    return e.unshown() == null ? json : json.put("hiddenPitches", e.unshown());
  }

  private static JsonArray awards(List<ShowcaseAward> awards, String kind) {
    return array(awards.stream().filter(a -> a.kind().equals(kind)).toList(), ShowcaseAward::toJson);
  }

  private static JsonObject project(GalleryProject p) {
    return new JsonObject().put("id", p.id()).put("eventId", p.eventId()).put("eventTitle", p.eventTitle())
        .put("title", p.title()).put("summary", p.summary()).put("captain", p.captainName())
        .put("teamSize", p.teamSize()).put("awards", array(p.awards(), ShowcaseAward::toJson))
        .put("outcome", p.outcome() == null ? null : new JsonObject().put("kind", p.outcome().key())
            .put("happenedOn", p.happenedOn()).put("impact", p.impact() == null ? null : p.impact().toJson()))
        .put("url", "/projects/" + p.id());
  }

  static JsonObject project(Project p) {
    return new JsonObject().put("id", p.id()).put("url", "/projects/" + p.id()).put("title", p.title())
        .put("summary", p.summary()).put("problem", p.problem()).put("idea", p.idea()).put("stage", p.stage())
        .put("hidden", !p.shown())
        .put("event", new JsonObject().put("id", p.eventId()).put("title", p.eventTitle()).put("kind", p.eventKind())
            .put("phase", p.phase().key()).put("startsOn", p.eventStartsOn().toString()))
        .put("skills", new JsonArray(p.skills())).put("pitchLinks", new JsonArray(p.pitchLinks()))
        .put("team", array(p.team(), m -> new JsonObject().put("id", m.id()).put("displayName", m.displayName())
            .put("department", m.department()).put("location", m.location()).put("captain", m.captain())))
        .put("links", array(p.links(), ShowcaseJson::link))
        .put("awards", array(p.awards(), ShowcaseAward::toJson))
        .put("outcome", p.outcome() == null ? null : p.outcome().toJson())
        .put("outcomeHistory", array(p.outcomes(), Outcome::toJson));
  }

  static JsonObject link(Project.Link k) {
    return new JsonObject().put("id", k.id()).put("kind", k.kind()).put("url", k.url()).put("label", k.label());
  }

  private static <T> JsonArray array(List<T> items, Function<T, JsonObject> shape) {
    return new JsonArray(items.stream().map(shape).toList());
  }
}
