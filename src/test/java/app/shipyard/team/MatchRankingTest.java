package app.shipyard.team;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.shipyard.team.MatchRanking.Opening;
import app.shipyard.team.MatchRanking.PitchMatch;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Matching ranks plainly and explains itself")
class MatchRankingTest {

  private static final Instant T0 = Instant.parse("2026-05-01T09:00:00Z");

  private static Opening opening(long id, String title, int open, int minutes, String... wanted) {
    return new Opening(id, title, open, T0.plusSeconds(60L * minutes), List.of(wanted));
  }

  private static List<String> titles(List<PitchMatch> matches) {
    return matches.stream().map(m -> m.pitch().title()).toList();
  }

  @Test
  @DisplayName("Pitches rank by matched skills, then open places, then newest, then higher id; full or unmatched pitches drop out")
  void pitchOrder() {
    List<Opening> openings = List.of(
        opening(1, "one match, roomy", 5, 0, "React"),
        opening(2, "two matches", 1, 0, "React", "Kafka"),
        opening(3, "one match, newer", 2, 10, "Kafka"),
        opening(4, "one match, older", 2, 5, "React"),
        opening(5, "same as newer, higher id", 2, 10, "React"),
        opening(6, "full", 0, 20, "React", "Kafka"),
        opening(7, "nothing in common", 9, 30, "Go"));
    List<PitchMatch> matches = MatchRanking.pitchesFor(List.of("react", " KAFKA "), openings);
    assertEquals(List.of("two matches", "one match, roomy", "same as newer, higher id", "one match, newer",
        "one match, older"), titles(matches));
    assertEquals(List.of("React", "Kafka"), matches.get(0).matched());
  }

  @Test
  @DisplayName("Gaps are the wanted skills no member has, compared case-insensitively, in the pitch's spelling")
  void gaps() {
    assertEquals(List.of("UX research", "Go"),
        MatchRanking.gaps(List.of("React", "UX research", "Go"), List.of("react", "Java")));
    assertEquals(List.of(), MatchRanking.gaps(List.of("React"), List.of("REACT")));
  }

  @Test
  @DisplayName("Candidates rank by gaps filled, then lower person id; those filling nothing drop out")
  void fillers() {
    record Candidate(long id, List<String> skills) {}
    List<Candidate> candidates = List.of(new Candidate(9, List.of("ux RESEARCH")), new Candidate(3, List.of("Go")),
        new Candidate(7, List.of("go", "ux research")), new Candidate(5, List.of("Java")));
    List<MatchRanking.Filler<Candidate>> ranked = MatchRanking.fillers(List.of("UX research", "Go"), candidates,
        Candidate::skills, Candidate::id);
    assertEquals(List.of(7L, 3L, 9L), ranked.stream().map(f -> f.who().id()).toList());
    assertEquals(List.of("UX research", "Go"), ranked.get(0).fills());
    assertEquals(List.of("Go"), ranked.get(1).fills());
  }
}
