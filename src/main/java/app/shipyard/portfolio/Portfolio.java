package app.shipyard.portfolio;

import app.shipyard.award.Award;
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

  /** A project (pitch with a team) the person was on, with the awards it won. */
  public record Project(long pitchId, String title, String summary, String stage, boolean captain, int teamSize,
                        List<String> skills, String reflection, OffsetDateTime reflectedAt, List<Award> awards) {

    Project withAwards(List<Award> won) {
      return new Project(pitchId, title, summary, stage, captain, teamSize, skills, reflection, reflectedAt, won);
    }

    /** The reflection rendered from Markdown and sanitised, for pages. */
    public String reflectionHtml() {
      return reflection == null ? "" : Markdown.toHtml(reflection);
    }
  }

  /** Every project's id, for reading their awards. */
  public List<Long> pitchIds() {
    return events.stream().flatMap(e -> e.projects().stream()).map(Project::pitchId).toList();
  }

  /** The same portfolio with each project's awards. */
  public Portfolio withAwards(Map<Long, List<Award>> awards) {
    return new Portfolio(personId, events.stream().map(e -> new EventEntry(e.eventId(), e.title(), e.kind(), e.phase(),
        e.startsAt(), e.mentor(), e.freeAgent(), e.projects().stream()
            .map(p -> p.withAwards(awards.getOrDefault(p.pitchId(), List.of()))).toList())).toList());
  }

  /** Every award of the person's projects. */
  public int awardCount() {
    return events.stream().flatMap(e -> e.projects().stream()).mapToInt(p -> p.awards().size()).sum();
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
