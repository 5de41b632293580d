package app.shipyard.voting;

/**
 * How a round is voted: the ballot type with its numbers (budget: points and the most per project; ranked: how many
 * projects a voter ranks), who may vote, whether one's own team and changes of vote are allowed, and who sees results.
 */
public record RoundRules(BallotType ballot, Integer budget, Integer maxPerProject, Integer rankSize,
                         Electorate electorate, boolean ownTeamAllowed, boolean changesAllowed, Visibility visibility) {

  /** A sentence for pages, e.g. "10 points to spread, at most 4 per project". */
  public String summary() {
    return switch (ballot) {
      case BUDGET -> budget + " points to spread, at most " + maxPerProject + " per project";
      case RANKED -> "Rank up to " + rankSize + " projects: " + rankSize + " points for first place, down to 1";
      case SINGLE -> "One project per category";
    };
  }
}
