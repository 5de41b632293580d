package app.shipyard.voting;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Places projects by their points, most first. Projects with equal points share a place and the next place is
 * skipped (1, 1, 3), so a tie stays a tie; within a tie the order (by title) is only for reading.
 */
public final class Standings {

  /** The points a project got in one category. */
  public record Score(long pitchId, String title, long points) {}

  private static final Comparator<Score> ORDER = Comparator.comparingLong(Score::points).reversed()
      .thenComparing(s -> s.title().toLowerCase()).thenComparingLong(Score::pitchId);

  private Standings() {}

  public static List<Standing> of(List<Score> scores) {
    List<Score> sorted = scores.stream().sorted(ORDER).toList();
    Map<Long, Long> sharing = sorted.stream().collect(Collectors.groupingBy(Score::points, Collectors.counting()));
    int[] places = new int[sorted.size()];
    for (int i = 0; i < sorted.size(); i++) {
      places[i] = i > 0 && sorted.get(i).points() == sorted.get(i - 1).points() ? places[i - 1] : i + 1;
    }
    return IntStream.range(0, sorted.size()).mapToObj(i -> {
      Score s = sorted.get(i);
      return new Standing(s.pitchId(), s.title(), s.points(), places[i], sharing.get(s.points()) > 1);
    }).toList();
  }

  /** The projects in first place, when anyone got a point; several when the first place is tied. */
  public static List<Long> winners(List<Standing> standings) {
    return standings.stream().filter(s -> s.place() == 1 && s.points() > 0).map(Standing::pitchId).toList();
  }
}
