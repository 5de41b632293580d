package app.shipyard.event;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * An event and its schedule as an iCalendar file (RFC 5545), built with ical4j: one VEVENT for the event and one
 * per schedule item, in UTC, with stable UIDs. ical4j escapes the text; lines are folded here at 75 octets, as
 * the RFC asks (ical4j folds at 75 characters, which is too long for non-ASCII text).
 */
public final class EventCalendar {

  private static final int MAX_OCTETS = 75;

  private EventCalendar() {}

  /**
   * Builds one small calendar off the event loop, so that ical4j's one-off class loading and configuration
   * lookup on the class path happen at start-up rather than in the first request.
   */
  public static Future<Void> warmUp(Vertx vertx) {
    return vertx.executeBlocking(() -> {
      OffsetDateTime now = OffsetDateTime.now();
      return write(new Event(0, "day", "Warm-up", "", "", Phase.DRAFT, now, now.plusHours(1), "UTC",
          new Event.Rules(1, 1, 1, false, false), List.of(), List.of(), 0), List.of(), null, now.toInstant());
    }).mapEmpty();
  }

  /** The calendar text; {@code eventUrl} (the event's page) may be null. Pure CPU work. */
  public static String write(Event event, List<ScheduleItem> schedule, URI eventUrl, Instant stamp) {
    Calendar calendar = new Calendar();
    calendar.add(new ProdId("-//Shipyard//Events//EN"));
    calendar.add(ImmutableVersion.VERSION_2_0);
    calendar.add(ImmutableCalScale.GREGORIAN);
    String about = event.theme().isEmpty() ? event.description()
        : event.description().isEmpty() ? event.theme() : event.theme() + "\n\n" + event.description();
    calendar.add(vevent("event-" + event.id(), event.title(), about, String.join(", ", event.locations()),
        event.startsAt(), event.endsAt(), eventUrl, stamp));
    for (ScheduleItem item : schedule) {
      calendar.add(vevent("schedule-" + item.id(), item.title(), "Part of " + event.title(),
          item.locationName() == null ? "" : item.locationName(), item.startsAt(), item.endsAt(), eventUrl, stamp));
    }
    StringWriter out = new StringWriter();
    try {
      new CalendarOutputter(false, Integer.MAX_VALUE).output(calendar, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return fold(out.toString());
  }

  private static VEvent vevent(String uid, String title, String description, String location, OffsetDateTime starts,
                               OffsetDateTime ends, URI url, Instant stamp) {
    VEvent v = new VEvent(false);
    v.add(new Uid(uid + "@shipyard"));
    v.add(new DtStamp(stamp));
    v.add(new DtStart<>(starts.toInstant()));
    v.add(new DtEnd<>(ends.toInstant()));
    v.add(new Summary(text(title)));
    if (!description.isBlank()) {
      v.add(new Description(text(description)));
    }
    if (!location.isBlank()) {
      v.add(new Location(text(location)));
    }
    if (url != null) {
      v.add(new Url(url));
    }
    return v;
  }

  /** Line breaks as plain {@code \n} (escaped by ical4j), and no other control characters, which TEXT forbids. */
  private static String text(String value) {
    return value.replace("\r\n", "\n").replace('\r', '\n').replaceAll("[\\p{Cntrl}&&[^\n\t]]", "");
  }

  /** Folds every content line to at most 75 octets of UTF-8, never inside a character (RFC 5545, 3.1). */
  static String fold(String unfolded) {
    StringBuilder out = new StringBuilder(unfolded.length() + unfolded.length() / 64 * 3);
    for (String line : unfolded.split("\r\n")) {
      int octets = 0;
      for (int i = 0; i < line.length(); i += Character.charCount(line.codePointAt(i))) {
        int codePoint = line.codePointAt(i);
        int size = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
        if (octets + size > MAX_OCTETS) {
          out.append("\r\n ");
          octets = 1;
        }
        out.appendCodePoint(codePoint);
        octets += size;
      }
      out.append("\r\n");
    }
    return out.toString();
  }
}
