package app.shipyard.insight;

/**
 * The SQL of every figure. Each takes {@code $1}, the ids of the events in scope ({@code bigint[]}), and returns the
 * figure's rows, columns in display order. The figures sum the per-event facts the database keeps (migration V18:
 * {@code insight_event_facts} and its neighbours, rebuilt for stale events by {@link #REFRESH} before a dashboard
 * reads them) and read live only what is small and changes outside events (people, person skills, names, surveys).
 * The words (see {@code docs/API.md}): a <b>team</b> is a pitch that is approved, not hidden, and has at least its
 * event's smallest team size (captain included); a <b>project's current outcome</b> is its newest outcome record.
 */
final class InsightSql {

  private InsightSql() {}

  /** Rebuilds the facts of every event changed since they were last built (a no-op when none was). */
  static final String REFRESH = "SELECT insight_refresh_stale()";

  static final String PERIOD_EVENTS = """
      SELECT id FROM events WHERE phase <> 'draft' AND starts_at >= $1 AND starts_at < $2 ORDER BY starts_at, id
      """;

  /** The events' facts summed: {@code f.<column>} is the total over the scope (0 when it has none). */
  private static final String SUMMED = """
      f AS (SELECT %s FROM insight_event_facts WHERE event_id = ANY ($1))
      """.formatted(String.join(", ", java.util.Arrays.stream(("pitches hidden teams demos awarded with_outcome "
      + "shipped dept_teams dept_awarded dept_shipped loc_teams loc_awarded loc_shipped member_teams member_awarded "
      + "member_shipped").split(" ")).map(c -> "coalesce(sum(" + c + "), 0)::bigint AS " + c).toList()));

  /**
   * First-timers: no event taken part in before their first one in scope; returning: they took part in an earlier
   * event ({@code insight_people_first} keeps each person's first).
   */
  static final String PARTICIPATION = """
      WITH here AS (
             SELECT f.person_id, min(f.starts_at) FILTER (WHERE f.took_part) AS first_here,
                    bool_or(f.took_part) AS took_part, bool_or(f.pitched) AS pitched, bool_or(f.joined) AS joined,
                    bool_or(f.mentored) AS mentored, bool_or(f.voted) AS voted
               FROM insight_person_events f WHERE f.event_id = ANY ($1) GROUP BY f.person_id),
           counts AS (
             SELECT count(*) FILTER (WHERE h.took_part) AS took_part,
                    count(*) FILTER (WHERE h.took_part AND p.first_at >= h.first_here) AS first_timers,
                    count(*) FILTER (WHERE h.took_part AND p.first_at < h.first_here) AS returning,
                    count(*) FILTER (WHERE h.pitched) AS pitched, count(*) FILTER (WHERE h.joined) AS joined,
                    count(*) FILTER (WHERE h.mentored) AS mentored, count(*) FILTER (WHERE h.voted) AS voted,
                    (SELECT count(*) FROM people) AS workforce
               FROM here h LEFT JOIN insight_people_first p ON p.person_id = h.person_id)
      SELECT m.measure, m.people, round(100.0 * m.people / nullif(c.workforce, 0), 1) AS share_of_workforce
        FROM counts c, LATERAL (VALUES (1, 'took part', c.took_part), (2, 'first-timers', c.first_timers),
                                       (3, 'returning', c.returning), (4, 'pitched', c.pitched),
                                       (5, 'joined a team', c.joined), (6, 'mentored', c.mentored),
                                       (7, 'voted', c.voted)) AS m(position, measure, people)
       ORDER BY m.position
      """;

  private static final String SHARE_BY = """
      WITH workforce AS (SELECT %1$s AS key, count(*) AS people FROM people pe %2$s GROUP BY 1),
           taking AS (SELECT %1$s AS key, count(*) AS people
                        FROM (SELECT DISTINCT person_id FROM insight_person_events
                               WHERE event_id = ANY ($1) AND took_part) f
                        JOIN people pe ON pe.id = f.person_id %2$s GROUP BY 1)
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
      WITH %s
      SELECT s.step, s.projects, round(100.0 * s.projects / nullif(f.pitches, 0), 1) AS share_of_pitches
        FROM f, LATERAL (VALUES (1, 'pitches', f.pitches), (2, 'hidden by moderators', f.hidden),
                                (3, 'teams', f.teams), (4, 'demos', f.demos), (5, 'awards', f.awarded),
                                (6, 'outcomes', f.with_outcome), (7, 'shipped', f.shipped))
                         AS s(position, step, projects)
       ORDER BY s.position
      """.formatted(SUMMED);

  /** Departments and locations of a team's members (people without one do not add one; teams without members none). */
  static final String CROSS_FUNCTIONAL = """
      WITH %s
      SELECT g.teams_spanning, g.teams, g.awarded, g.shipped,
             round(100.0 * g.awarded / nullif(g.teams, 0), 1) AS awarded_share,
             round(100.0 * g.shipped / nullif(g.teams, 0), 1) AS shipped_share
        FROM f, LATERAL (VALUES
               (1, 'two or more departments', f.dept_teams, f.dept_awarded, f.dept_shipped),
               (2, 'one department', f.member_teams - f.dept_teams, f.member_awarded - f.dept_awarded,
                f.member_shipped - f.dept_shipped),
               (3, 'two or more locations', f.loc_teams, f.loc_awarded, f.loc_shipped),
               (4, 'one location', f.member_teams - f.loc_teams, f.member_awarded - f.loc_awarded,
                f.member_shipped - f.loc_shipped)) AS g(position, teams_spanning, teams, awarded, shipped)
       ORDER BY g.position
      """.formatted(SUMMED);

  /** Skills the shown pitches asked for, against how many people have them: the most wanted per holder first. */
  static final String SKILL_GAPS = """
      WITH asked AS (SELECT skill_id, sum(pitches)::bigint AS pitches FROM insight_event_skills
                      WHERE event_id = ANY ($1) GROUP BY skill_id),
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
   * earlier event whose pitch asked for it ({@code insight_skill_firsts}: the events of each person's first ask).
   * Counted once per person and skill.
   */
  static final String SKILL_GROWTH = """
      SELECT s.name AS skill, count(*) AS people_using_it_first
        FROM (SELECT DISTINCT person_id, skill_id FROM insight_skill_firsts WHERE event_id = ANY ($1)) f
        JOIN person_skills h ON h.person_id = f.person_id AND h.skill_id = f.skill_id
        JOIN skills s ON s.id = f.skill_id
       GROUP BY s.name ORDER BY people_using_it_first DESC, lower(s.name)
       LIMIT 20
      """;

  /** A team in several locations counts in each. */
  static final String PROJECTS_BY_LOCATION = """
      SELECT coalesce(l.name, '(no location given)') AS location, sum(x.teams)::bigint AS projects
        FROM insight_event_locations x LEFT JOIN locations l ON l.id = x.location_id
       WHERE x.event_id = ANY ($1)
       GROUP BY l.name
       ORDER BY projects DESC, location
      """;

  /** The impact of each pitch's current outcome, per kind: measured and estimated apart. */
  static final String IMPACT = """
      SELECT k.impact, coalesce(sum(i.projects), 0)::bigint AS projects, coalesce(sum(i.measured), 0) AS measured,
             coalesce(sum(i.estimated), 0) AS estimated
        FROM (VALUES (1, 'hours_saved'), (2, 'cost_avoided'), (3, 'revenue'), (4, 'customers_reached'))
             AS k(position, impact)
        LEFT JOIN insight_event_impacts i ON i.impact_kind = k.impact AND i.event_id = ANY ($1)
       GROUP BY k.position, k.impact
       ORDER BY k.position
      """;

  /** One row per event in scope, oldest first, with its survey's average rating and NPS where it had one. */
  static final String TRENDS = """
      WITH feedback AS (SELECT s.event_id, round(avg(a.rating), 2) AS rating,
                               round(100.0 * (count(*) FILTER (WHERE a.again >= 9)
                                              - count(*) FILTER (WHERE a.again <= 6)) / count(*)) AS nps
                          FROM surveys s JOIN survey_answers a ON a.survey_id = s.id
                         WHERE s.event_id = ANY ($1) GROUP BY s.event_id)
      SELECT e.title AS event, to_char(e.starts_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS starts_on,
             coalesce(c.people, 0) AS people, coalesce(c.pitches, 0) AS pitches, coalesce(c.teams, 0) AS teams,
             coalesce(c.mentors, 0) AS mentors, coalesce(c.awarded, 0) AS awarded, coalesce(c.shipped, 0) AS shipped,
             f.rating, f.nps
        FROM events e LEFT JOIN insight_event_facts c ON c.event_id = e.id LEFT JOIN feedback f ON f.event_id = e.id
       WHERE e.id = ANY ($1)
       ORDER BY e.starts_at, e.id
      """;
}
