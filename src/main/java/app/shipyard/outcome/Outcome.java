package app.shipyard.outcome;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** One record of what became of a project; {@code link} and {@code impact} may be null. */
public record Outcome(long id, OutcomeKind kind, LocalDate happenedOn, String link, String note, Impact impact,
                      long recordedById, String recordedBy, OffsetDateTime recordedAt) {

  /** How much difference the project made, and whether that is an estimate or measured. */
  public record Impact(ImpactKind kind, BigDecimal value, boolean estimated) {

    /** The value as people write it: 1250 or 99.5, without trailing zeros. */
    public String amount() {
      return value.stripTrailingZeros().toPlainString();
    }

    public JsonObject toJson() {
      return new JsonObject().put("kind", kind.key()).put("value", new BigDecimal(amount())).put("estimated", estimated);
    }
  }

  public String kindLabel() {
    return kind.label();
  }

  public boolean shipped() {
    return kind == OutcomeKind.SHIPPED;
  }

  /** The outcomes of a column built by {@link OutcomeRepository#HISTORY} (JSON, as the driver hands it over). */
  public static List<Outcome> list(Object column) {
    JsonArray array = column instanceof JsonArray a ? a : new JsonArray(String.valueOf(column));
    return array.stream().map(o -> of((JsonObject) o)).toList();
  }

  private static Outcome of(JsonObject o) {
    String impactKind = o.getString("impactKind");
    Impact impact = impactKind == null ? null : new Impact(ImpactKind.parse(impactKind).orElseThrow(),
        new BigDecimal(o.getString("impactValue")), o.getBoolean("impactEstimated"));
    return new Outcome(o.getLong("id"), OutcomeKind.parse(o.getString("kind")).orElseThrow(),
        LocalDate.parse(o.getString("happenedOn")), o.getString("link"), o.getString("note"), impact,
        o.getLong("recordedById"), o.getString("recordedBy"), OffsetDateTime.parse(o.getString("recordedAt")));
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("id", id).put("kind", kind.key()).put("happenedOn", happenedOn.toString())
        .put("link", link).put("note", note)
        .put("recordedBy", new JsonObject().put("id", recordedById).put("displayName", recordedBy))
        .put("recordedAt", recordedAt.toInstant().toString());
    return json.put("impact", impact == null ? null : impact.toJson());
  }
}
