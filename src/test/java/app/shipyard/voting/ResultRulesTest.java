package app.shipyard.voting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.shipyard.event.Phase;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Standings, visibility and round changes (no server)")
class ResultRulesTest {

  private static Standings.Score score(long id, String title, long points) {
    return new Standings.Score(id, title, points);
  }

  @Test
  @DisplayName("Equal points share a place and the next place is skipped; ties are marked and every tied first wins")
  void ties() {
    List<Standing> standings = Standings.of(List.of(score(1, "Alpha", 3), score(2, "Bravo", 7), score(3, "Charlie", 7),
        score(4, "Delta", 3), score(5, "Echo", 1)));
    assertEquals(List.of(new Standing(2, "Bravo", 7, 1, true), new Standing(3, "Charlie", 7, 1, true),
        new Standing(1, "Alpha", 3, 3, true), new Standing(4, "Delta", 3, 3, true),
        new Standing(5, "Echo", 1, 5, false)), standings);
    assertEquals(List.of(2L, 3L), Standings.winners(standings));
  }

  @Test
  @DisplayName("Without any points nobody wins, although everyone shares first place")
  void noVotes() {
    List<Standing> standings = Standings.of(List.of(score(1, "Alpha", 0), score(2, "Bravo", 0)));
    assertTrue(standings.stream().allMatch(s -> s.place() == 1 && s.tied()));
    assertEquals(List.of(), Standings.winners(standings));
    assertEquals(List.of(7L), Standings.winners(Standings.of(List.of(score(7, "Solo", 2), score(8, "Other", 0)))));
  }

  @Test
  @DisplayName("Each visibility shows results when it says; those who run the round always see them")
  void visibility() {
    assertFalse(Visibility.LIVE.shows(RoundState.DRAFT, false, false, false));
    assertTrue(Visibility.LIVE.shows(RoundState.OPEN, false, false, false));
    assertFalse(Visibility.AFTER_VOTING.shows(RoundState.OPEN, false, false, false));
    assertTrue(Visibility.AFTER_VOTING.shows(RoundState.OPEN, false, false, true));
    assertTrue(Visibility.AFTER_VOTING.shows(RoundState.CLOSED, false, false, false));
    assertFalse(Visibility.AFTER_CLOSE.shows(RoundState.OPEN, false, false, true));
    assertTrue(Visibility.AFTER_CLOSE.shows(RoundState.CLOSED, false, false, false));
    assertFalse(Visibility.ON_REVEAL.shows(RoundState.CLOSED, false, false, true));
    assertTrue(Visibility.ON_REVEAL.shows(RoundState.CLOSED, true, false, false));
    assertFalse(Visibility.NEVER.shows(RoundState.CLOSED, true, false, true));
    for (Visibility v : Visibility.values()) {
      assertTrue(v.shows(RoundState.OPEN, false, true, false), v + " for organisers");
    }
  }

  @Test
  @DisplayName("A round goes draft, open, closed and, when it waits for one, revealed; anything else is refused in words")
  void changes() {
    Visibility hidden = Visibility.ON_REVEAL;
    assertEquals(Optional.empty(), RoundChange.OPEN.refusal(RoundState.DRAFT, hidden, false, Phase.DEMOS));
    assertEquals(Optional.of("An archived event is read-only; its rounds cannot be opened."),
        RoundChange.OPEN.refusal(RoundState.DRAFT, hidden, false, Phase.ARCHIVED));
    assertEquals(Optional.of("A closed round cannot be opened again."),
        RoundChange.OPEN.refusal(RoundState.CLOSED, hidden, false, Phase.DEMOS));
    assertEquals(Optional.of("This round has not been opened yet, so it cannot be closed."),
        RoundChange.CLOSE.refusal(RoundState.DRAFT, hidden, false, Phase.DEMOS));
    assertEquals(Optional.empty(), RoundChange.CLOSE.refusal(RoundState.OPEN, hidden, false, Phase.DEMOS));
    assertEquals(Optional.of("Results are revealed once the round is closed."),
        RoundChange.REVEAL.refusal(RoundState.OPEN, hidden, false, Phase.DEMOS));
    assertEquals(Optional.empty(), RoundChange.REVEAL.refusal(RoundState.CLOSED, hidden, false, Phase.DEMOS));
    assertEquals(Optional.of("This round's results are already revealed."),
        RoundChange.REVEAL.refusal(RoundState.CLOSED, hidden, true, Phase.DEMOS));
    assertEquals(Optional.of("Only a round whose results wait for an organiser's reveal can be revealed."),
        RoundChange.REVEAL.refusal(RoundState.CLOSED, Visibility.AFTER_CLOSE, false, Phase.DEMOS));
  }

  private static Tally.CategoryTally category(Tally.TieBreak decision, Standings.Score... scores) {
    return new Tally.CategoryTally(1, "People's Choice", 9, Standings.of(List.of(scores)), decision);
  }

  @Test
  @DisplayName("A tie-break names the winner among those tied first; the standings keep the tie; a stale decision is ignored")
  void tieBreaks() {
    Tally.CategoryTally tied = category(null, score(1, "Alpha", 4), score(2, "Bravo", 4), score(3, "Charlie", 1));
    assertTrue(tied.tiedFirst());
    assertEquals(List.of(1L, 2L), tied.winners());
    Tally.CategoryTally decided = category(new Tally.TieBreak(2, "Judges"), score(1, "Alpha", 4), score(2, "Bravo", 4),
        score(3, "Charlie", 1));
    assertEquals(List.of(2L), decided.winners());
    assertTrue(decided.tiedFirst() && decided.standings().get(0).tied());
    assertEquals(List.of(1L, 2L), category(new Tally.TieBreak(3, "Not tied first"), score(1, "Alpha", 4),
        score(2, "Bravo", 4), score(3, "Charlie", 1)).winners(), "a decision for a project not tied first decides nothing");
  }

  @Test
  @DisplayName("The top N carry every project tied at the cut-off, never one without points, and follow a tie-break for N = 1")
  void topPlaces() {
    Tally.CategoryTally heat = category(null, score(1, "Alpha", 5), score(2, "Bravo", 3), score(3, "Charlie", 3),
        score(4, "Delta", 0));
    assertEquals(List.of(1L), heat.top(1));
    assertEquals(List.of(1L, 2L, 3L), heat.top(2), "Bravo and Charlie tie for second: both go through");
    assertEquals(List.of(1L, 2L, 3L), heat.top(4), "Delta has no points");
    Tally.CategoryTally tiedFirst = category(new Tally.TieBreak(2, "Judges"), score(1, "Alpha", 5), score(2, "Bravo", 5));
    assertEquals(List.of(2L), tiedFirst.top(1));
    assertEquals(List.of(1L, 2L), tiedFirst.top(2));
  }
}
