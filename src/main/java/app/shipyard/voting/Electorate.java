package app.shipyard.voting;

/** Who may vote in a round: the people taking part in its event, or every employee. */
public enum Electorate implements Keyed {
  PARTICIPANTS, EMPLOYEES
}
