package app.shipyard.voting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.shipyard.web.AppError;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Ballot rules (no server)")
class BallotRulesTest {

  private static final Set<Long> PROJECTS = Set.of(1L, 2L, 3L, 4L);
  private static final Set<Long> NO_TEAM = Set.of();

  private static RoundRules rules(BallotType type, Integer budget, Integer max, Integer rankSize, boolean ownTeam) {
    return new RoundRules(type, budget, max, rankSize, Electorate.PARTICIPANTS, ownTeam, false, Visibility.LIVE);
  }

  private static VoteRequest single(long pitch) {
    return new VoteRequest(UUID.randomUUID(), 9, pitch, List.of(), List.of());
  }

  private static VoteRequest budget(long... pairs) {
    List<VoteRequest.Points> points = new java.util.ArrayList<>();
    for (int i = 0; i < pairs.length; i += 2) {
      points.add(new VoteRequest.Points(pairs[i], (int) pairs[i + 1]));
    }
    return new VoteRequest(UUID.randomUUID(), 9, null, points, List.of());
  }

  private static VoteRequest ranked(Long... pitches) {
    return new VoteRequest(UUID.randomUUID(), 9, null, List.of(), List.of(pitches));
  }

  private static Map<String, String> fields(Runnable ballot) {
    return assertThrows(AppError.class, ballot::run).fields();
  }

  private static VoteRefused refused(Runnable ballot) {
    return assertThrows(VoteRefused.class, ballot::run);
  }

  @Test
  @DisplayName("A single ballot gives its one project one point, and needs a project of the round")
  void single() {
    RoundRules rules = rules(BallotType.SINGLE, null, null, null, false);
    assertEquals(List.of(new Choice(2, 1, null)), BallotRules.choices(rules, single(2), PROJECTS, NO_TEAM));
    assertEquals(Map.of("pitchId", "names a project that is not in this round"),
        fields(() -> BallotRules.choices(rules, single(99), PROJECTS, NO_TEAM)));
    assertEquals(Map.of("pitchId", "is required"), fields(() -> BallotRules.choices(rules,
        new VoteRequest(UUID.randomUUID(), 9, null, List.of(), List.of()), PROJECTS, NO_TEAM)));
  }

  @Test
  @DisplayName("A budget ballot spreads at most its points, at most M per project; zero points are no choice")
  void budget() {
    RoundRules rules = rules(BallotType.BUDGET, 10, 4, null, false);
    assertEquals(List.of(new Choice(1, 4, null), new Choice(3, 4, null), new Choice(4, 2, null)),
        BallotRules.choices(rules, budget(1, 4, 2, 0, 3, 4, 4, 2), PROJECTS, NO_TEAM));
    VoteRefused total = refused(() -> BallotRules.choices(rules, budget(1, 4, 2, 4, 3, 3), PROJECTS, NO_TEAM));
    assertEquals(Refusal.BUDGET_EXCEEDED, total.refusal());
    assertEquals("Your ballot gives 11 points; you have 10 to spread.", total.getMessage());
    VoteRefused one = refused(() -> BallotRules.choices(rules, budget(1, 5), PROJECTS, NO_TEAM));
    assertEquals("You may give at most 4 points to one project.", one.getMessage());
    assertEquals(Map.of("points", "must give at least one project a point"),
        fields(() -> BallotRules.choices(rules, budget(1, 0), PROJECTS, NO_TEAM)));
    assertEquals(Map.of("points", "names a project more than once"),
        fields(() -> BallotRules.choices(rules, budget(1, 2, 1, 2), PROJECTS, NO_TEAM)));
  }

  @Test
  @DisplayName("A ranked ballot scores by Borda count: with a top 3, first gets 3 points, second 2, third 1")
  void rankedBorda() {
    RoundRules top3 = rules(BallotType.RANKED, null, null, 3, false);
    assertEquals(List.of(new Choice(4, 3, 1), new Choice(2, 2, 2), new Choice(1, 1, 3)),
        BallotRules.choices(top3, ranked(4L, 2L, 1L), PROJECTS, NO_TEAM));
    RoundRules top5 = rules(BallotType.RANKED, null, null, 5, false);
    assertEquals(List.of(new Choice(3, 5, 1), new Choice(1, 4, 2)),
        BallotRules.choices(top5, ranked(3L, 1L), PROJECTS, NO_TEAM), "ranking fewer than K keeps the points by place");
    assertEquals(Map.of("ranking", "may rank at most 3 projects"),
        fields(() -> BallotRules.choices(top3, ranked(1L, 2L, 3L, 4L), PROJECTS, NO_TEAM)));
    assertEquals(Map.of("ranking", "names a project more than once"),
        fields(() -> BallotRules.choices(top3, ranked(1L, 1L), PROJECTS, NO_TEAM)));
    assertEquals(Map.of("ranking", "is required"), fields(() -> BallotRules.choices(top3, ranked(), PROJECTS, NO_TEAM)));
  }

  @Test
  @DisplayName("Naming one's own team is refused unless the round allows it")
  void ownTeam() {
    RoundRules refusing = rules(BallotType.BUDGET, 10, 5, null, false);
    VoteRefused own = refused(() -> BallotRules.choices(refusing, budget(1, 3, 2, 3), PROJECTS, Set.of(2L)));
    assertEquals(Refusal.OWN_TEAM, own.refusal());
    assertEquals("You cannot vote for your own team in this round.", own.getMessage());
    RoundRules allowing = rules(BallotType.BUDGET, 10, 5, null, true);
    assertEquals(2, BallotRules.choices(allowing, budget(1, 3, 2, 3), PROJECTS, Set.of(2L)).size());
  }

  @Test
  @DisplayName("Only an open round takes votes, and only from its electorate")
  void mayVote() {
    assertEquals(Refusal.ROUND_NOT_OPEN, assertThrows(VoteRefused.class,
        () -> BallotRules.mayVote(RoundState.DRAFT, Electorate.EMPLOYEES, true, true)).refusal());
    assertEquals(Refusal.ROUND_CLOSED, assertThrows(VoteRefused.class,
        () -> BallotRules.mayVote(RoundState.CLOSED, Electorate.EMPLOYEES, true, true)).refusal());
    assertEquals(Refusal.NOT_TAKING_PART, assertThrows(VoteRefused.class,
        () -> BallotRules.mayVote(RoundState.OPEN, Electorate.PARTICIPANTS, false, true)).refusal());
    assertEquals("Only employees vote in this round.", assertThrows(VoteRefused.class,
        () -> BallotRules.mayVote(RoundState.OPEN, Electorate.EMPLOYEES, true, false)).getMessage());
    BallotRules.mayVote(RoundState.OPEN, Electorate.EMPLOYEES, false, true);
    BallotRules.mayVote(RoundState.OPEN, Electorate.PARTICIPANTS, true, false);
  }

  @Test
  @DisplayName("The fingerprint of a vote depends on what was chosen, not on the vote id or the order of points")
  void fingerprint() {
    VoteRequest a = budget(1, 2, 3, 4);
    VoteRequest sameChoices = budget(3, 4, 1, 2);
    assertEquals(a.fingerprint(), sameChoices.fingerprint());
    assertEquals(false, a.fingerprint().equals(budget(1, 2, 3, 3).fingerprint()));
    assertEquals(false, ranked(1L, 2L).fingerprint().equals(ranked(2L, 1L).fingerprint()));
  }

  @Test
  @DisplayName("In a heat only people of its location vote; a round for every location takes anyone")
  void heats() {
    BallotRules.mayVoteInHeat(null, 3);
    BallotRules.mayVoteInHeat(2, 2);
    assertEquals(Refusal.NOT_IN_HEAT, assertThrows(VoteRefused.class,
        () -> BallotRules.mayVoteInHeat(2, 3)).refusal());
    assertEquals(Refusal.NOT_IN_HEAT, assertThrows(VoteRefused.class,
        () -> BallotRules.mayVoteInHeat(2, null)).refusal(), "someone without a location is in no heat");
  }
}
