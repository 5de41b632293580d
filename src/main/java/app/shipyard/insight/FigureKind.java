package app.shipyard.insight;

import java.util.Arrays;
import java.util.Optional;

/**
 * The dashboard's figures, in page order: what each is called (its key names its CSV), what it counts, its SQL, and
 * which column its chart draws.
 */
enum FigureKind {
  PARTICIPATION("participation", "Participation",
      "People who took part (in event_participants), and of them first-timers (no earlier event) and returning; "
          + "people who pitched, joined a team as a member other than its captain, mentored or cast a ballot. "
          + "Shares are of everyone in the directory.", InsightSql.PARTICIPATION, 1),
  DEPARTMENTS("departments", "Share of each department taking part",
      "People of each department who took part, against the department's size.", InsightSql.DEPARTMENTS, 3),
  LOCATIONS("locations", "Share of each location taking part",
      "People of each location who took part, against the location's size.", InsightSql.LOCATIONS, 3),
  FUNNEL("funnel", "From pitch to shipped",
      "Pitches: all submitted, hidden ones included. Teams: approved, not hidden pitches whose team reached the "
          + "event's smallest team size. Of those teams: demos were on a voting round's ballot, awards won at least "
          + "one award, outcomes have an outcome recorded, shipped have 'shipped' as their current outcome.",
      InsightSql.FUNNEL, 1),
  CROSS_FUNCTIONAL("cross-functional", "Cross-functional teams",
      "Teams whose members come from two or more departments (or locations), and how many of them won an award "
          + "or shipped, beside teams from one.", InsightSql.CROSS_FUNCTIONAL, 1),
  SKILL_GAPS("skill-gaps", "Skills asked for against skills people have",
      "Skills the shown pitches asked for, how many pitches asked, and how many people in the directory have "
          + "them: the most wanted per holder first.", InsightSql.SKILL_GAPS, 3),
  SKILL_GROWTH("skill-growth", "Skills used for the first time",
      "Members of teams whose pitch asked for a skill they have, and who had been on no team of an earlier event "
          + "whose pitch asked for it.", InsightSql.SKILL_GROWTH, 1),
  PROJECTS_BY_LOCATION("projects-by-location", "Projects per location",
      "Teams by the locations their pitch names; a team in several locations counts in each.",
      InsightSql.PROJECTS_BY_LOCATION, 1),
  IMPACT("impact", "Impact recorded",
      "The impact of each project's current outcome, summed per kind: measured and estimated apart.",
      InsightSql.IMPACT, 2),
  TRENDS("trends", "Event by event",
      "Each event in scope, oldest first: people taking part, pitches, teams, mentors, awarded and shipped teams, "
          + "and its survey's average rating and NPS.", InsightSql.TRENDS, 2);

  final String key;
  final String title;
  final String definition;
  final String sql;
  /** The column the chart draws as bars (labelled by the first column). */
  final int chartColumn;

  FigureKind(String key, String title, String definition, String sql, int chartColumn) {
    this.key = key;
    this.title = title;
    this.definition = definition;
    this.sql = sql;
    this.chartColumn = chartColumn;
  }

  static Optional<FigureKind> byKey(String key) {
    return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
  }
}
