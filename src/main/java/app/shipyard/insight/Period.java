package app.shipyard.insight;

import app.shipyard.web.AppError;
import app.shipyard.web.Params;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.LinkedHashMap;
import java.util.Map;

/** The days a cross-event dashboard covers, both included: events that started on one of them (UTC) are in scope. */
record Period(LocalDate from, LocalDate to) {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu-MM-dd")
      .withResolverStyle(ResolverStyle.STRICT);
  private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
  private static final LocalDate LATEST = LocalDate.of(2999, 12, 31);

  /** {@code from} and {@code to} from the query (YYYY-MM-DD); by default the twelve months up to {@code today}. */
  static Period of(RoutingContext ctx, LocalDate today) {
    Map<String, String> problems = new LinkedHashMap<>();
    LocalDate to = day(ctx, "to", problems);
    LocalDate from = day(ctx, "from", problems);
    if (!problems.isEmpty()) {
      throw AppError.invalid(problems);
    }
    LocalDate end = to == null ? (from == null || !from.isAfter(today) ? today : from) : to;
    LocalDate start = from == null ? end.minusMonths(12).plusDays(1) : from;
    if (start.isAfter(end)) {
      throw AppError.invalid("to", "must be on or after from");
    }
    return new Period(start, end);
  }

  private static LocalDate day(RoutingContext ctx, String name, Map<String, String> problems) {
    String text = Params.text(ctx, name, 40);
    if (text.isEmpty()) {
      return null;
    }
    try {
      LocalDate day = LocalDate.parse(text, DAY);
      if (day.isBefore(EARLIEST) || day.isAfter(LATEST)) {
        problems.put(name, "must be a date from 2000-01-01 to 2999-12-31");
        return null;
      }
      return day;
    } catch (DateTimeParseException e) {
      problems.put(name, "must be a date written YYYY-MM-DD");
      return null;
    }
  }

  String query() {
    return "from=" + from + "&to=" + to;
  }
}
