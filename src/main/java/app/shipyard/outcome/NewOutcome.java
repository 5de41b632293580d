package app.shipyard.outcome;

import app.shipyard.outcome.Outcome.Impact;
import app.shipyard.pitch.PitchDetails;
import app.shipyard.web.Input;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** An outcome as a captain or organiser sends it, read from a form or JSON with a message for each bad field. */
public record NewOutcome(OutcomeKind kind, LocalDate happenedOn, String link, String note, Impact impact) {

  static final int MAX_LINK = 2000;
  static final int MAX_NOTE = 5000;
  private static final BigDecimal MAX_IMPACT = new BigDecimal("999999999999.99");
  /** Where it is already tomorrow first: a date after today there has not happened anywhere yet. */
  private static final ZoneOffset EARLIEST_ZONE = ZoneOffset.ofHours(14);

  /** Reads the fields; throws every problem at once as a 400 with field messages. */
  public static NewOutcome read(Input input) {
    String kindKey = input.required("kind", 20);
    Optional<OutcomeKind> kind = OutcomeKind.parse(kindKey);
    if (!kindKey.isEmpty() && kind.isEmpty()) {
      input.problem("kind", "must be " + OutcomeKind.keys());
    }
    LocalDate happenedOn = date(input);
    String link = input.optional("link", MAX_LINK);
    if (!link.isEmpty() && !PitchDetails.isWebAddress(link)) {
      input.problem("link", "must be an http or https address");
    }
    String note = input.optional("note", MAX_NOTE);
    Impact impact = impact(input);
    input.check();
    return new NewOutcome(kind.orElseThrow(), happenedOn, link.isEmpty() ? null : link, note, impact);
  }

  private static LocalDate date(Input input) {
    String text = input.required("happenedOn", 10);
    if (text.isEmpty()) {
      return null;
    }
    try {
      LocalDate date = LocalDate.parse(text);
      if (date.isAfter(LocalDate.now(EARLIEST_ZONE))) {
        input.problem("happenedOn", "must not be in the future");
      }
      return date;
    } catch (DateTimeParseException e) {
      input.problem("happenedOn", "must be a date like 2026-05-01");
      return null;
    }
  }

  /** Impact is optional; given, it needs all three: what it is measured in, how much, and whether estimated. */
  private static Impact impact(Input input) {
    String kindKey = input.optional("impactKind", 30);
    Optional<BigDecimal> value = input.decimal("impactValue", 2, MAX_IMPACT);
    String basis = input.optional("impactBasis", 20);
    if (kindKey.isEmpty()) {
      if (value.isPresent() || !basis.isEmpty()) {
        input.problem("impactKind", "is required with an impact value or basis");
      }
      return null;
    }
    Optional<ImpactKind> kind = ImpactKind.parse(kindKey);
    if (kind.isEmpty()) {
      input.problem("impactKind", "must be " + ImpactKind.keys());
    }
    if (value.isEmpty()) {
      input.problem("impactValue", "is required with an impact kind");
    }
    if (!basis.equals("estimated") && !basis.equals("actual")) {
      input.problem("impactBasis", "must be estimated or actual");
    }
    return kind.isEmpty() || value.isEmpty() ? null : new Impact(kind.get(), value.get(), basis.equals("estimated"));
  }
}
