package app.shipyard.event;

import app.shipyard.identity.Person;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How times are shown on pages: in the viewer's own location time zone, with the event's local time alongside
 * when the two differ. A viewer without a location sees the event's zone.
 */
public final class Times {

  private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
  private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm", Locale.ENGLISH);

  private Times() {}

  /** A moment or span as the viewer reads it ({@code mine}), and in event time ({@code local}, null when the same). */
  public record Shown(String mine, String local) {}

  public static ZoneId viewerZone(Person viewer, Event event) {
    return viewer.location() == null ? zone(event.timeZone()) : zone(viewer.location().timeZone());
  }

  public static ZoneId zone(String id) {
    try {
      return ZoneId.of(id);
    } catch (DateTimeException e) {
      return ZoneId.of("UTC");
    }
  }

  /** {@code Tue 1 Dec 2026, 20:00} in {@code zone}. */
  public static String shown(OffsetDateTime t, ZoneId zone) {
    return t.atZoneSameInstant(zone).format(DAY_AND_TIME);
  }

  /** {@code Tue 1 Dec 2026, 20:00 (Australia/Sydney)}. */
  public static String withZone(OffsetDateTime t, ZoneId zone) {
    return shown(t, zone) + " (" + zone.getId() + ")";
  }

  /** {@code Tue 1 Dec 2026, 20:00–21:00 (Australia/Sydney)}, or with both dates when the span crosses midnight. */
  public static String span(OffsetDateTime start, OffsetDateTime end, ZoneId zone) {
    boolean sameDay = start.atZoneSameInstant(zone).toLocalDate().equals(end.atZoneSameInstant(zone).toLocalDate());
    String to = sameDay ? end.atZoneSameInstant(zone).format(TIME) : shown(end, zone);
    return shown(start, zone) + (sameDay ? "–" : " – ") + to + " (" + zone.getId() + ")";
  }

  public static Shown moment(OffsetDateTime t, ZoneId mine, ZoneId local) {
    return new Shown(withZone(t, mine), mine.equals(local) ? null : withZone(t, local));
  }

  public static Shown span(OffsetDateTime start, OffsetDateTime end, ZoneId mine, ZoneId local) {
    return new Shown(span(start, end, mine), mine.equals(local) ? null : span(start, end, local));
  }

  /** The value of an {@code <input type="datetime-local">} showing {@code t} in {@code zone}. */
  public static String forInput(OffsetDateTime t, ZoneId zone) {
    return t.atZoneSameInstant(zone).format(INPUT);
  }
}
