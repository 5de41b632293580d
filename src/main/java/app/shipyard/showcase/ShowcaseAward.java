package app.shipyard.showcase;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * An award as the showcase shows it: a category {@code winner}, a {@code finalist} or a judges' {@code prize}, with
 * the project it went to. The showcase reads awards inside its own page queries (one round trip per page, awards of
 * hidden pitches left out), rather than through the award feature's per-event or per-pitch reads.
 */
public record ShowcaseAward(long id, long pitchId, String projectTitle, String kind, String title, Integer place,
                            Integer points) {

  /** The SQL that builds a JSON array of awards ({@code a}) joined to their pitch ({@code ap}), best first. */
  static String json(String where) {
    return """
        coalesce((SELECT json_agg(json_build_object('id', a.id, 'pitchId', a.pitch_id, 'projectTitle', ap.title,
                            'kind', a.kind, 'title', a.title, 'place', a.place, 'points', a.points)
                            ORDER BY CASE a.kind WHEN 'winner' THEN 0 WHEN 'prize' THEN 1 ELSE 2 END,
                                     a.place NULLS LAST, a.title, ap.title, a.id)
                    FROM awards a JOIN pitches ap ON ap.id = a.pitch_id
                   WHERE ap.approved AND ap.hidden_reason IS NULL AND (""" + where + ")), '[]'::json)";
  }

  static List<ShowcaseAward> list(Object column) {
    JsonArray array = column instanceof JsonArray a ? a : new JsonArray(String.valueOf(column));
    return array.stream().map(o -> (JsonObject) o).map(o -> new ShowcaseAward(o.getLong("id"),
        o.getLong("pitchId"), o.getString("projectTitle"), o.getString("kind"), o.getString("title"),
        o.getInteger("place"), o.getInteger("points"))).toList();
  }

  public boolean winner() {
    return kind.equals("winner");
  }

  public boolean finalist() {
    return kind.equals("finalist");
  }

  public String kindLabel() {
    return switch (kind) {
      case "winner" -> "Winner";
      case "finalist" -> "Finalist";
      default -> "Prize";
    };
  }

  JsonObject toJson() {
    return new JsonObject().put("id", id).put("pitchId", pitchId).put("projectTitle", projectTitle).put("kind", kind)
        .put("title", title).put("place", place).put("points", points);
  }
}
