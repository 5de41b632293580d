package app.shipyard.voting;

/**
 * Why a vote is refused, in words a voter understands. Each has a stable code, so the live channel can send the
 * same refusal as HTTP does; over HTTP the words are the error message and the status says what kind it is.
 */
public enum Refusal {
  ROUND_NOT_OPEN(409, "This round is not open for votes yet."),
  ROUND_CLOSED(409, "This round is closed; it no longer takes votes."),
  NOT_TAKING_PART(403, "You are not taking part in this event, so you cannot vote in this round."),
  NOT_IN_HEAT(403, "This round is a heat of another location; only people of that location vote in it."),
  OWN_TEAM(409, "You cannot vote for your own team in this round."),
  ALREADY_VOTED(409, "You have already voted in this category, and your first vote stands."),
  BUDGET_EXCEEDED(409, "Your ballot gives more points than this round allows."),
  VOTE_ID_REUSED(409, "That vote id was already used for a different vote; send a new one.");

  private final int status;
  private final String message;

  Refusal(int status, String message) {
    this.status = status;
    this.message = message;
  }

  public String code() {
    return name().toLowerCase();
  }

  public int status() {
    return status;
  }

  public VoteRefused refuse() {
    return new VoteRefused(this, message);
  }

  /** The same refusal in more precise words (how many points, who may vote). */
  public VoteRefused refuse(String words) {
    return new VoteRefused(this, words);
  }
}
