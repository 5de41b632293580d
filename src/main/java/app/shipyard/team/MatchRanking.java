package app.shipyard.team;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/**
 * Explained matching between people and teams. Skill names are compared case-insensitively (and ignoring
 * surrounding spaces), and every match lists the skills that made it, in the pitch's spelling and order.
 *
 * <p><b>Pitches for a person</b> ({@link #pitchesFor}): a pitch matches when it has an open place and wants at least
 * one skill the person has. The best match comes first:
 * <ol>
 *   <li>more matched skills first;</li>
 *   <li>then more open places first (a roomier team is likelier to take someone);</li>
 *   <li>then the newer pitch first;</li>
 *   <li>then the higher pitch id first, so that equal pitches always come in the same order.</li>
 * </ol>
 *
 * <p><b>People for a team</b> ({@link #gaps}, {@link #fillers}): a team's gaps are the skills its pitch wants that
 * no current member has. A candidate (free agent or mentor) matches when they offer at least one gap skill; more
 * gaps filled comes first, then the lower person id (the earlier account), so the order is fixed for a data set.
 */
public final class MatchRanking {

  private MatchRanking() {}

  /** A pitch as matching sees it. */
  public record Opening(long pitchId, String title, int openPlaces, Instant createdAt, List<String> wanted) {}

  /** A pitch that matches, with the skills it wants that the person has. */
  public record PitchMatch(Opening pitch, List<String> matched) {}

  /** A candidate who fills some of a team's gaps, with those skills. */
  public record Filler<T>(T who, List<String> fills) {}

  /** The pitches with open places that want some of {@code skills}, best first. */
  public static List<PitchMatch> pitchesFor(Collection<String> skills, List<Opening> openings) {
    return openings.stream().filter(o -> o.openPlaces() > 0)
        .map(o -> new PitchMatch(o, shared(o.wanted(), skills)))
        .filter(m -> !m.matched().isEmpty())
        .sorted(Comparator.<PitchMatch>comparingInt(m -> m.matched().size()).reversed()
            .thenComparing(Comparator.<PitchMatch>comparingInt(m -> m.pitch().openPlaces()).reversed())
            .thenComparing(Comparator.<PitchMatch, Instant>comparing(m -> m.pitch().createdAt()).reversed())
            .thenComparing(Comparator.<PitchMatch>comparingLong(m -> m.pitch().pitchId()).reversed()))
        .toList();
  }

  /** The wanted skills that none of {@code covered} (the members' skills) provides, in the wanted order. */
  public static List<String> gaps(List<String> wanted, Collection<String> covered) {
    Set<String> have = keys(covered);
    return wanted.stream().filter(w -> !have.contains(key(w))).toList();
  }

  /** The candidates offering at least one gap skill, best first, each with the gaps they fill. */
  public static <T> List<Filler<T>> fillers(List<String> gaps, List<T> candidates,
                                            Function<T, Collection<String>> skillsOf, ToLongFunction<T> idOf) {
    return candidates.stream().map(c -> new Filler<>(c, shared(gaps, skillsOf.apply(c))))
        .filter(f -> !f.fills().isEmpty())
        .sorted(Comparator.<Filler<T>>comparingInt(f -> f.fills().size()).reversed()
            .thenComparingLong(f -> idOf.applyAsLong(f.who())))
        .toList();
  }

  /** The entries of {@code wanted} (in its order and spelling) that {@code offered} has, case-insensitively. */
  public static List<String> shared(List<String> wanted, Collection<String> offered) {
    Set<String> have = keys(offered);
    return wanted.stream().filter(w -> have.contains(key(w))).toList();
  }

  /** How two spellings of one skill are recognised as the same. */
  public static String key(String skill) {
    return skill.strip().toLowerCase(Locale.ROOT);
  }

  private static Set<String> keys(Collection<String> skills) {
    return skills.stream().map(MatchRanking::key).collect(Collectors.toSet());
  }
}
