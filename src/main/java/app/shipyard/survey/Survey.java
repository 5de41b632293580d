package app.shipyard.survey;

import java.time.OffsetDateTime;

/** An event's feedback survey: open (answers may come and change) or closed (final). */
public record Survey(long id, long eventId, boolean open, OffsetDateTime openedAt, OffsetDateTime closedAt) {

  public String state() {
    return open ? "open" : "closed";
  }
}
