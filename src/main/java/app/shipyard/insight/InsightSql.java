package app.shipyard.insight;

/**
 * The SQL of every figure. Each takes {@code $1}, the ids of the events in scope ({@code bigint[]}), and returns the
 * figure's rows as the database aggregated them, columns in display order. The words (see {@code docs/API.md}):
 * a <b>team</b> is a pitch that is approved, not hidden, and has at least its event's smallest team size (captain
 * included); a <b>project's current outcome</b> is its newest outcome record.
 */
final class InsightSql {

  private InsightSql() {}

  /** The teams in scope. */
  private static final String TEAMS = """
      teams AS (SELECT p.id, p.event_id FROM pitches p JOIN events e ON e.id = p.event_id
                  JOIN pitch_standings s ON s.pitch_id = p.id
                 WHERE p.event_id = ANY ($1) AND p.approved AND p.hidden_reason IS NULL AND s.members >= e.team_min)
      """;
  private static final String AWARDED = "EXISTS (SELECT 1 FROM awards a WHERE a.pitch_id = %1$s)";
  private static final String SHIPPED = """
      coalesce((SELECT o.kind = 'shipped' FROM project_outcomes o WHERE o.pitch_id = %1$s
                 ORDER BY o.recorded_at DESC, o.id DESC LIMIT 1), false)""";

  private static String awarded(String pitch) {
    return AWARDED.formatted(pitch);
  }

  private static String shipped(String pitch) {
    return SHIPPED.formatted(pitch);
  }

  static final String PERIOD_EVENTS = """
      SELECT id FROM events WHERE phase <> 'draft' AND starts_at >= $1 AND starts_at < $2 ORDER BY starts_at, id
      """;

  /**
   * First-timers: no event before their first one in scope; returning: they took part in an earlier event. The start
   * of each earlier event is read by its key (a scalar subquery): a join let the planner scan all events per person.
   */
  static final String PARTICIPATION = """
      WITH here AS (
             SELECT ep.person_id, min(e.starts_at) AS first_here
               FROM event_participants ep JOIN events e ON e.id = ep.event_id
              WHERE ep.event_id = ANY ($1) GROUP BY ep.person_id),
           taking AS MATERIALIZED (
             SELECT h.person_id,
                    EXISTS (SELECT 1 FROM event_participants ep WHERE ep.person_id = h.person_id
                               AND (SELECT starts_at FROM events WHERE id = ep.event_id) < h.first_here) AS earlier
               FROM here h),
           counts AS (
             SELECT count(*) AS took_part,
                    count(*) FILTER (WHERE NOT earlier) AS first_timers,
                    count(*) FILTER (WHERE earlier) AS returning,
                    (SELECT count(DISTINCT captain_id) FROM pitches WHERE event_id = ANY ($1)) AS pitched,
                    (SELECT count(DISTINCT person_id) FROM team_members
                      WHERE event_id = ANY ($1) AND NOT is_captain) AS joined,
                    (SELECT count(DISTINCT person_id) FROM mentors WHERE event_id = ANY ($1)) AS mentored,
                    (SELECT count(DISTINCT b.voter_id) FROM ballots b JOIN voting_rounds r ON r.id = b.round_id
                      WHERE r.event_id = ANY ($1)) AS voted,
                    (SELECT count(*) FROM people) AS workforce
               FROM taking)
      SELECT m.measure, m.people, round(100.0 * m.people / nullif(c.workforce, 0), 1) AS share_of_workforce
        FROM counts c, LATERAL (VALUES (1, 'took part', c.took_part), (2, 'first-timers', c.first_timers),
                                       (3, 'returning', c.returning), (4, 'pitched', c.pitched),
                                       (5, 'joined a team', c.joined), (6, 'mentored', c.mentored),
                                       (7, 'voted', c.voted)) AS m(position, measure, people)
       ORDER BY m.position
      """;

  private static final String SHARE_BY = """
      WITH workforce AS (SELECT %1$s AS key, count(*) AS people FROM people pe %2$s GROUP BY 1),
           taking AS (SELECT %1$s AS key, count(DISTINCT pe.id) AS people
                        FROM people pe JOIN event_participants ep ON ep.person_id = pe.id %2$s
                       WHERE ep.event_id = ANY ($1) GROUP BY 1)
      SELECT w.key AS %3$s, w.people AS workforce, coalesce(t.people, 0) AS took_part,
             round(100.0 * coalesce(t.people, 0) / w.people, 1) AS share
        FROM workforce w LEFT JOIN taking t USING (key)
       ORDER BY share DESC, took_part DESC, w.key
      """;

  static final String DEPARTMENTS = SHARE_BY.formatted(
      "CASE WHEN pe.department = '' THEN '(no department)' ELSE pe.department END", "", "department");

  static final String LOCATIONS = SHARE_BY.formatted(
      "coalesce(l.name, '(no location)')", "LEFT JOIN locations l ON l.id = pe.location_id", "location");

  /** Each step counts on its own: teams, and of the teams those demoed, awarded, with an outcome, shipped. */
  static final String FUNNEL = """
      WITH %s,
           counts AS (
             SELECT (SELECT count(*) FROM pitches WHERE event_id = ANY ($1)) AS pitches,
                    (SELECT count(*) FROM pitches WHERE event_id = ANY ($1) AND hidden_reason IS NOT NULL) AS hidden,
                    count(*) AS teams,
                    count(*) FILTER (WHERE EXISTS (SELECT 1 FROM voting_round_projects v WHERE v.pitch_id = t.id))
                      AS demos,
                    count(*) FILTER (WHERE %s) AS awards,
                    count(*) FILTER (WHERE EXISTS (SELECT 1 FROM project_outcomes o WHERE o.pitch_id = t.id))
                      AS outcomes,
                    count(*) FILTER (WHERE %s) AS shipped
               FROM teams t)
      SELECT s.step, s.projects, round(100.0 * s.projects / nullif(c.pitches, 0), 1) AS share_of_pitches
        FROM counts c, LATERAL (VALUES (1, 'pitches', c.pitches), (2, 'hidden by moderators', c.hidden),
                                       (3, 'teams', c.teams), (4, 'demos', c.demos), (5, 'awards', c.awards),
                                       (6, 'outcomes', c.outcomes), (7, 'shipped', c.shipped))
                                AS s(position, step, projects)
       ORDER BY s.position
      """.formatted(TEAMS, awarded("t.id"), shipped("t.id"));

  /** Departments and locations of a team's members (people without one do not add one). */
  static final String CROSS_FUNCTIONAL = """
      WITH %s,
           spread AS (
             SELECT t.id, count(DISTINCT nullif(pe.department, '')) AS departments,
                    count(DISTINCT pe.location_id) AS locations, %s AS awarded, %s AS shipped
               FROM teams t JOIN team_members m ON m.pitch_id = t.id JOIN people pe ON pe.id = m.person_id
              GROUP BY t.id)
      SELECT g.teams_spanning, count(s.id) AS teams, count(s.id) FILTER (WHERE s.awarded) AS awarded,
             count(s.id) FILTER (WHERE s.shipped) AS shipped,
             round(100.0 * count(s.id) FILTER (WHERE s.awarded) / nullif(count(s.id), 0), 1) AS awarded_share,
             round(100.0 * count(s.id) FILTER (WHERE s.shipped) / nullif(count(s.id), 0), 1) AS shipped_share
        FROM (VALUES (1, 'two or more departments'), (2, 'one department'), (3, 'two or more locations'),
                     (4, 'one location')) AS g(position, teams_spanning)
        LEFT JOIN spread s ON CASE g.position WHEN 1 THEN s.departments >= 2 WHEN 2 THEN s.departments < 2
                                              WHEN 3 THEN s.locations >= 2 ELSE s.locations < 2 END
       GROUP BY g.position, g.teams_spanning
       ORDER BY g.position
      """.formatted(TEAMS, awarded("t.id"), shipped("t.id"));

  /** Skills the shown pitches asked for, against how many people have them: the most wanted per holder first. */
  static final String SKILL_GAPS = """
      WITH asked AS (SELECT ps.skill_id, count(*) AS pitches FROM pitch_skills ps JOIN pitches p ON p.id = ps.pitch_id
                      WHERE p.event_id = ANY ($1) AND p.approved AND p.hidden_reason IS NULL GROUP BY ps.skill_id),
           held AS (SELECT skill_id, count(*) AS people FROM person_skills
                     WHERE skill_id IN (SELECT skill_id FROM asked) GROUP BY skill_id)
      SELECT s.name AS skill, a.pitches AS pitches_asking, coalesce(h.people, 0) AS people_with_skill,
             round(a.pitches::numeric / greatest(coalesce(h.people, 0), 1), 2) AS pitches_per_person
        FROM asked a JOIN skills s ON s.id = a.skill_id LEFT JOIN held h USING (skill_id)
       ORDER BY pitches_per_person DESC, pitches_asking DESC, lower(s.name)
       LIMIT 20
      """;

  /**
   * Growth: a member of a team in scope whose pitch asked for a skill the member has, who was on no team of an
   * earlier event whose pitch asked for it. Counted once per person and skill.
   */
  static final String SKILL_GROWTH = """
      WITH %s,
           used AS (
             SELECT m.person_id, ps.skill_id, min(e.starts_at) AS first_here
               FROM teams t JOIN team_members m ON m.pitch_id = t.id JOIN events e ON e.id = t.event_id
               JOIN pitch_skills ps ON ps.pitch_id = t.id
               JOIN person_skills h ON h.person_id = m.person_id AND h.skill_id = ps.skill_id
              GROUP BY m.person_id, ps.skill_id),
           firsts AS (
             SELECT u.skill_id FROM used u
              WHERE NOT EXISTS (SELECT 1 FROM team_members m
                                  JOIN pitch_skills ps ON ps.pitch_id = m.pitch_id AND ps.skill_id = u.skill_id
                                 WHERE m.person_id = u.person_id
                                   AND (SELECT starts_at FROM events WHERE id = m.event_id) < u.first_here))
      SELECT s.name AS skill, count(*) AS people_using_it_first
        FROM firsts f JOIN skills s ON s.id = f.skill_id
       GROUP BY s.name ORDER BY people_using_it_first DESC, lower(s.name)
       LIMIT 20
      """.formatted(TEAMS);

  /** A team in several locations counts in each. */
  static final String PROJECTS_BY_LOCATION = """
      WITH %s
      SELECT coalesce(l.name, '(no location given)') AS location, count(DISTINCT t.id) AS projects
        FROM teams t LEFT JOIN pitch_locations pl ON pl.pitch_id = t.id LEFT JOIN locations l ON l.id = pl.location_id
       GROUP BY l.name
       ORDER BY projects DESC, location
      """.formatted(TEAMS);

  /** The impact of each pitch's current outcome, per kind: measured and estimated apart. */
  static final String IMPACT = """
      WITH current AS (
             SELECT DISTINCT ON (o.pitch_id) o.pitch_id, o.impact_kind, o.impact_value, o.impact_estimated
               FROM project_outcomes o JOIN pitches p ON p.id = o.pitch_id
              WHERE p.event_id = ANY ($1)
              ORDER BY o.pitch_id, o.recorded_at DESC, o.id DESC)
      SELECT k.impact, count(c.pitch_id) AS projects,
             coalesce(sum(c.impact_value) FILTER (WHERE NOT c.impact_estimated), 0) AS measured,
             coalesce(sum(c.impact_value) FILTER (WHERE c.impact_estimated), 0) AS estimated
        FROM (VALUES (1, 'hours_saved'), (2, 'cost_avoided'), (3, 'revenue'), (4, 'customers_reached'))
             AS k(position, impact)
        LEFT JOIN current c ON c.impact_kind = k.impact
       GROUP BY k.position, k.impact
       ORDER BY k.position
      """;

  /** One row per event in scope, oldest first, with its survey's average rating and NPS where it had one. */
  static final String TRENDS = """
      WITH %s,
           team_counts AS (SELECT t.event_id, count(*) AS teams, count(*) FILTER (WHERE %s) AS awarded,
                                  count(*) FILTER (WHERE %s) AS shipped
                             FROM teams t GROUP BY t.event_id),
           feedback AS (SELECT s.event_id, round(avg(a.rating), 2) AS rating,
                               round(100.0 * (count(*) FILTER (WHERE a.again >= 9)
                                              - count(*) FILTER (WHERE a.again <= 6)) / count(*)) AS nps
                          FROM surveys s JOIN survey_answers a ON a.survey_id = s.id
                         WHERE s.event_id = ANY ($1) GROUP BY s.event_id)
      SELECT e.title AS event, to_char(e.starts_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS starts_on,
             (SELECT count(*) FROM event_participants ep WHERE ep.event_id = e.id) AS people,
             (SELECT count(*) FROM pitches p WHERE p.event_id = e.id) AS pitches,
             coalesce(c.teams, 0) AS teams,
             (SELECT count(*) FROM mentors mt WHERE mt.event_id = e.id) AS mentors,
             coalesce(c.awarded, 0) AS awarded, coalesce(c.shipped, 0) AS shipped, f.rating, f.nps
        FROM events e LEFT JOIN team_counts c ON c.event_id = e.id LEFT JOIN feedback f ON f.event_id = e.id
       WHERE e.id = ANY ($1)
       ORDER BY e.starts_at, e.id
      """.formatted(TEAMS, awarded("t.id"), shipped("t.id"));
}
