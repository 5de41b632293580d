package app.shipyard.insight;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * One figure's numbers as the database computed them: column names (snake_case, as in the SQL) and rows of values
 * (a {@code Long}, a {@code BigDecimal}, a {@code String} or null). The table, the chart, the JSON and the CSV are all
 * drawn from this one value, so they cannot disagree.
 */
record Figure(FigureKind kind, List<String> columns, List<List<Object>> rows) {

  Figure {
    columns = List.copyOf(columns);
    rows = rows.stream().map(r -> Collections.unmodifiableList(new ArrayList<>(r))).toList();
  }

  /** A column's heading: its SQL name in words ({@code share_of_workforce} is "share of workforce"). */
  static String heading(String column) {
    return column.replace('_', ' ');
  }

  /** A column's JSON key: its SQL name in camelCase. */
  static String jsonKey(String column) {
    StringBuilder key = new StringBuilder();
    boolean upper = false;
    for (char c : column.toCharArray()) {
      if (c == '_') {
        upper = true;
      } else {
        key.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return key.toString();
  }

  /** A value as the table and the CSV show it: numbers in plain digits, nothing for null. */
  static String text(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof BigDecimal d) {
      return d.toPlainString();
    }
    return value.toString();
  }

  /** The chart's number for a row (null counts as 0). */
  double number(List<Object> row) {
    Object value = row.get(kind.chartColumn);
    return value instanceof Number n ? n.doubleValue() : 0;
  }

  JsonObject toJson() {
    JsonArray out = new JsonArray();
    for (List<Object> row : rows) {
      JsonObject o = new JsonObject();
      for (int i = 0; i < columns.size(); i++) {
        o.put(jsonKey(columns.get(i)), row.get(i));
      }
      out.add(o);
    }
    return new JsonObject().put("title", kind.title).put("definition", kind.definition)
        .put("csv", kind.key + ".csv").put("rows", out);
  }

  String csvName(String scope) {
    return (scope + "-" + kind.key + ".csv").toLowerCase(Locale.ROOT);
  }
}
