package app.shipyard.voting;

import app.shipyard.web.AppError;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns what a voter sent into the choices of a valid ballot, or refuses it. Pure: the round's rules, its projects
 * and the voter's own teams come in, so a test needs no server. Malformed ballots are field problems (400); a
 * ballot that breaks a rule of the round is a {@link VoteRefused}. Ranked ballots score by Borda count: with a top
 * K, first place gets K points, second K - 1, and so on.
 */
public final class BallotRules {

  private static final String NOT_IN_ROUND = "names a project that is not in this round";
  private static final String TWICE = "names a project more than once";

  private BallotRules() {}

  /** Refuses a voter the round does not take now: it is not open, or they are not in its electorate. */
  public static void mayVote(RoundState state, Electorate electorate, boolean takingPart, boolean employee) {
    if (state == RoundState.DRAFT) {
      throw Refusal.ROUND_NOT_OPEN.refuse();
    }
    if (state == RoundState.CLOSED) {
      throw Refusal.ROUND_CLOSED.refuse();
    }
    if (electorate == Electorate.PARTICIPANTS && !takingPart) {
      throw Refusal.NOT_TAKING_PART.refuse();
    }
    if (electorate == Electorate.EMPLOYEES && !employee) {
      throw Refusal.NOT_TAKING_PART.refuse("Only employees vote in this round.");
    }
  }

  /** Refuses a voter whose location is not the heat's: in a heat only people of its location vote. */
  public static void mayVoteInHeat(Integer heatLocation, Integer voterLocation) {
    if (heatLocation != null && !heatLocation.equals(voterLocation)) {
      throw Refusal.NOT_IN_HEAT.refuse();
    }
  }

  /** The choices of a valid ballot: within the round's rules, naming only its projects, and not one's own team. */
  public static List<Choice> choices(RoundRules rules, VoteRequest vote, Set<Long> projects, Set<Long> ownTeams) {
    List<Choice> choices = switch (rules.ballot()) {
      case SINGLE -> single(vote);
      case BUDGET -> budget(rules, vote);
      case RANKED -> ranked(rules, vote);
    };
    String field = field(rules.ballot());
    if (choices.stream().anyMatch(c -> !projects.contains(c.pitchId()))) {
      throw AppError.invalid(field, NOT_IN_ROUND);
    }
    if (!rules.ownTeamAllowed() && choices.stream().anyMatch(c -> ownTeams.contains(c.pitchId()))) {
      throw Refusal.OWN_TEAM.refuse();
    }
    return choices;
  }

  /** The request field that carries a ballot of this type. */
  public static String field(BallotType type) {
    return switch (type) {
      case SINGLE -> "pitchId";
      case BUDGET -> "points";
      case RANKED -> "ranking";
    };
  }

  private static List<Choice> single(VoteRequest vote) {
    if (vote.pitchId() == null) {
      throw AppError.invalid("pitchId", "is required");
    }
    return List.of(new Choice(vote.pitchId(), 1, null));
  }

  private static List<Choice> budget(RoundRules rules, VoteRequest vote) {
    List<VoteRequest.Points> given = vote.points().stream().filter(p -> p.points() > 0).toList();
    if (given.isEmpty()) {
      throw AppError.invalid("points", "must give at least one project a point");
    }
    distinct(given.stream().map(VoteRequest.Points::pitchId).toList(), "points");
    if (given.stream().anyMatch(p -> p.points() > rules.maxPerProject())) {
      throw Refusal.BUDGET_EXCEEDED.refuse("You may give at most " + rules.maxPerProject() + " points to one project.");
    }
    int total = given.stream().mapToInt(VoteRequest.Points::points).sum();
    if (total > rules.budget()) {
      throw Refusal.BUDGET_EXCEEDED.refuse("Your ballot gives " + total + " points; you have " + rules.budget()
          + " to spread.");
    }
    return given.stream().map(p -> new Choice(p.pitchId(), p.points(), null)).toList();
  }

  private static List<Choice> ranked(RoundRules rules, VoteRequest vote) {
    List<Long> ranking = vote.ranking();
    if (ranking.isEmpty()) {
      throw AppError.invalid("ranking", "is required");
    }
    if (ranking.size() > rules.rankSize()) {
      throw AppError.invalid("ranking", "may rank at most " + rules.rankSize() + " projects");
    }
    distinct(ranking, "ranking");
    List<Choice> choices = new ArrayList<>();
    for (int i = 0; i < ranking.size(); i++) {
      choices.add(new Choice(ranking.get(i), bordaPoints(rules.rankSize(), i + 1), i + 1));
    }
    return choices;
  }

  /** Borda count: with a top {@code k}, rank 1 earns k points and rank k earns 1. */
  public static int bordaPoints(int k, int rank) {
    return k - rank + 1;
  }

  private static void distinct(List<Long> pitchIds, String field) {
    if (new HashSet<>(pitchIds).size() != pitchIds.size()) {
      throw AppError.invalid(field, TWICE);
    }
  }
}
