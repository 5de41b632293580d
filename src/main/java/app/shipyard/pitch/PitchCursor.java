package app.shipyard.pitch;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;

/**
 * A place in a sorted pitch list (keyset paging): the sort keys of the pitch next to it, and whether the page runs
 * {@code before} it or after it. Clients get it as an opaque text and send it back unchanged; it is plain data, so a
 * made-up cursor only moves the place in the list, and what a person may see is still decided by the query.
 */
public record PitchCursor(PitchFilter.Sort sort, boolean before, int rank, OffsetDateTime createdAt, long id) {

  static final int MAX_LENGTH = 100;

  /** The place after {@code p}: the next page starts with the pitch that follows it. */
  static PitchCursor after(PitchFilter.Sort sort, PitchSummary p) {
    return new PitchCursor(sort, false, sort.rankOf(p), p.createdAt(), p.id());
  }

  /** The place before {@code p}: the previous page ends with the pitch that precedes it. */
  static PitchCursor before(PitchFilter.Sort sort, PitchSummary p) {
    return new PitchCursor(sort, true, sort.rankOf(p), p.createdAt(), p.id());
  }

  /** The same place, looking the other way (for the way back from an empty page). */
  PitchCursor reversed() {
    return new PitchCursor(sort, !before, rank, createdAt, id);
  }

  public String encode() {
    String text = String.join(".", sort.key(), before ? "b" : "a", String.valueOf(rank),
        String.valueOf(ChronoUnit.MICROS.between(Instant.EPOCH, createdAt.toInstant())), String.valueOf(id));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The cursor {@link #encode} made, or empty for anything else. */
  static Optional<PitchCursor> decode(String encoded) {
    try {
      String[] parts = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8).split("\\.", -1);
      if (parts.length != 5 || !(parts[1].equals("a") || parts[1].equals("b"))) {
        return Optional.empty();
      }
      int rank = Integer.parseInt(parts[2]);
      Instant at = Instant.EPOCH.plus(Long.parseLong(parts[3]), ChronoUnit.MICROS);
      long id = Long.parseLong(parts[4]);
      return rank < 0 || id < 1 ? Optional.empty() : PitchFilter.Sort.parse(parts[0])
          .map(sort -> new PitchCursor(sort, parts[1].equals("b"), rank, at.atOffset(ZoneOffset.UTC), id));
    } catch (IllegalArgumentException | ArithmeticException | DateTimeException e) {
      return Optional.empty();
    }
  }
}
