package app.shipyard.portfolio;

import app.shipyard.event.Phase;
import app.shipyard.web.Markdown;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A person's record across events, newest event first. */
public record Portfolio(long personId, List<EventEntry> events) {

  /** One event the person took part in, and what they did there. */
  public record EventEntry(long eventId, String title, String kind, Phase phase, OffsetDateTime startsAt,
                           boolean mentor, boolean freeAgent, List<Project> projects) {}

  /** A project (pitch with a team) the person was on. */
  public record Project(long pitchId, String title, String summary, String stage, boolean captain, int teamSize,
                        List<String> skills, String reflection, OffsetDateTime reflectedAt) {

    /** The reflection rendered from Markdown and sanitised, for pages. */
    public String reflectionHtml() {
      return reflection == null ? "" : Markdown.toHtml(reflection);
    }
  }

  /** Distinct skills across the person's projects, each with how many projects asked for it; most used first. */
  public List<SkillUse> skillsUsed() {
    Map<String, Integer> counts = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    events.stream().flatMap(e -> e.projects().stream()).flatMap(p -> p.skills().stream())
        .forEach(s -> counts.merge(s, 1, Integer::sum));
    return counts.entrySet().stream().map(e -> new SkillUse(e.getKey(), e.getValue()))
        .sorted(Comparator.comparingInt(SkillUse::projects).reversed()).toList();
  }

  public int projectCount() {
    return events.stream().mapToInt(e -> e.projects().size()).sum();
  }

  public record SkillUse(String name, int projects) {}
}
