-- Insight facts: per-event summary rows the insights dashboard sums, so a year's dashboard reads ~100 events' rows
-- instead of recomputing every figure from pitches, teams, ballots and outcomes.
--
-- Exactness: statement-level triggers on every table a figure reads mark the events they touch as stale
-- (insight_stale, one tiny insert per statement, nothing recomputed on the write path: team forming and voting stay
-- as fast as before). insight_refresh_stale() rebuilds the facts of every stale event; the dashboard calls it before
-- it reads, so the figures are those of the data as of that moment, exactly as if recomputed from rows.
-- Figures that depend on other events (first-timers, skills used for the first time) read facts kept per person
-- (insight_people_first) and per person and skill (insight_skill_firsts), rebuilt for the people an event refresh
-- touches. What is cheap and changes outside events (people, departments, person skills, names, surveys) is still
-- read live.

-- Append-only marks, without a key: a writer's insert never waits, not even on a refresh deleting the marks of the
-- same event (with a key, an insert conflicting with a row being deleted waits for that transaction: a vote would
-- wait for the dashboard). Marks added while a refresh runs are not in its snapshot and stay for the next one.
CREATE TABLE insight_stale (
  event_id bigint NOT NULL
);
CREATE INDEX insight_stale_event ON insight_stale (event_id);

-- One row per event: the counts the funnel, cross-functional and trend figures sum.
CREATE TABLE insight_event_facts (
  event_id           bigint PRIMARY KEY REFERENCES events (id) ON DELETE CASCADE,
  people             bigint NOT NULL,
  pitches            bigint NOT NULL,
  hidden             bigint NOT NULL,
  mentors            bigint NOT NULL,
  teams              bigint NOT NULL,
  demos              bigint NOT NULL,
  awarded            bigint NOT NULL,
  with_outcome       bigint NOT NULL,
  shipped            bigint NOT NULL,
  -- Teams whose members span two or more departments / locations, and of them awarded and shipped.
  dept_teams         bigint NOT NULL,
  dept_awarded       bigint NOT NULL,
  dept_shipped       bigint NOT NULL,
  loc_teams          bigint NOT NULL,
  loc_awarded        bigint NOT NULL,
  loc_shipped        bigint NOT NULL,
  -- Teams with at least one member (the others have no department or location at all).
  member_teams       bigint NOT NULL,
  member_awarded     bigint NOT NULL,
  member_shipped     bigint NOT NULL
);

-- Everyone with a part in an event, and which parts: took part (a participant), pitched (a captain), joined (a
-- member other than the captain), mentored, voted (cast a ballot in one of its rounds).
CREATE TABLE insight_person_events (
  event_id  bigint NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  person_id bigint NOT NULL,
  starts_at timestamptz NOT NULL,
  took_part boolean NOT NULL,
  pitched   boolean NOT NULL,
  joined    boolean NOT NULL,
  mentored  boolean NOT NULL,
  voted     boolean NOT NULL,
  PRIMARY KEY (event_id, person_id)
);
CREATE INDEX insight_person_events_person ON insight_person_events (person_id, starts_at) WHERE took_part;

-- The start of each person's first event taken part in (first-timers against returning).
CREATE TABLE insight_people_first (
  person_id bigint PRIMARY KEY,
  first_at  timestamptz NOT NULL
);

-- Per event, person and skill: the person was on a team of a pitch asking for the skill; team when that pitch is a
-- team (approved, shown, at least the event's smallest team size).
CREATE TABLE insight_skill_asks (
  event_id  bigint NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  person_id bigint NOT NULL,
  skill_id  integer NOT NULL,
  starts_at timestamptz NOT NULL,
  team      boolean NOT NULL,
  PRIMARY KEY (event_id, person_id, skill_id)
);
CREATE INDEX insight_skill_asks_pair ON insight_skill_asks (person_id, skill_id, starts_at);

-- The events where a person was first asked for a skill (no earlier ask), on a team: the candidates for "used a
-- skill for the first time" (the dashboard keeps those whose person has the skill now).
CREATE TABLE insight_skill_firsts (
  event_id  bigint NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  person_id bigint NOT NULL,
  skill_id  integer NOT NULL,
  PRIMARY KEY (event_id, person_id, skill_id)
);
CREATE INDEX insight_skill_firsts_pair ON insight_skill_firsts (person_id, skill_id);

-- Teams per location their pitch names (no location: location_id null), skills asked for by shown pitches, and the
-- impact of current outcomes per kind.
CREATE TABLE insight_event_locations (
  event_id    bigint NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  location_id integer,
  teams       bigint NOT NULL
);
CREATE INDEX insight_event_locations_event ON insight_event_locations (event_id);

CREATE TABLE insight_event_skills (
  event_id bigint NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  skill_id integer NOT NULL,
  pitches  bigint NOT NULL,
  PRIMARY KEY (event_id, skill_id)
);

CREATE TABLE insight_event_impacts (
  event_id    bigint NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  impact_kind text NOT NULL,
  projects    bigint NOT NULL,
  measured    numeric NOT NULL,
  estimated   numeric NOT NULL,
  PRIMARY KEY (event_id, impact_kind)
);

-- Rebuilds one event's facts (none when it no longer exists), then the per-person and per-skill facts of the people
-- it touched, before and after.
CREATE FUNCTION insight_refresh(e bigint) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  touched bigint[];
BEGIN
  -- Scratch tables of this session, emptied at commit: the teams of the event, the person-skill pairs touched.
  IF to_regclass('pg_temp.insight_pairs') IS NULL THEN
    CREATE TEMP TABLE insight_pairs (person_id bigint, skill_id integer) ON COMMIT DELETE ROWS;
    CREATE TEMP TABLE insight_teams (id bigint PRIMARY KEY, awarded boolean, shipped boolean) ON COMMIT DELETE ROWS;
  END IF;
  TRUNCATE insight_pairs, insight_teams;
  touched := ARRAY(SELECT person_id FROM insight_person_events WHERE event_id = e);
  INSERT INTO insight_pairs SELECT person_id, skill_id FROM insight_skill_asks WHERE event_id = e;
  DELETE FROM insight_event_facts WHERE event_id = e;
  DELETE FROM insight_person_events WHERE event_id = e;
  DELETE FROM insight_skill_asks WHERE event_id = e;
  DELETE FROM insight_event_locations WHERE event_id = e;
  DELETE FROM insight_event_skills WHERE event_id = e;
  DELETE FROM insight_event_impacts WHERE event_id = e;

  IF EXISTS (SELECT 1 FROM events WHERE id = e) THEN
    INSERT INTO insight_teams
    SELECT p.id, EXISTS (SELECT 1 FROM awards a WHERE a.pitch_id = p.id),
           coalesce((SELECT o.kind = 'shipped' FROM project_outcomes o WHERE o.pitch_id = p.id
                      ORDER BY o.recorded_at DESC, o.id DESC LIMIT 1), false)
      FROM pitches p JOIN events ev ON ev.id = p.event_id JOIN pitch_standings s ON s.pitch_id = p.id
     WHERE p.event_id = e AND p.approved AND p.hidden_reason IS NULL AND s.members >= ev.team_min;

    INSERT INTO insight_event_facts
    SELECT e,
           (SELECT count(*) FROM event_participants WHERE event_id = e),
           (SELECT count(*) FROM pitches WHERE event_id = e),
           (SELECT count(*) FROM pitches WHERE event_id = e AND hidden_reason IS NOT NULL),
           (SELECT count(*) FROM mentors WHERE event_id = e),
           count(*),
           count(*) FILTER (WHERE EXISTS (SELECT 1 FROM voting_round_projects v WHERE v.pitch_id = t.id)),
           count(*) FILTER (WHERE t.awarded),
           count(*) FILTER (WHERE EXISTS (SELECT 1 FROM project_outcomes o WHERE o.pitch_id = t.id)),
           count(*) FILTER (WHERE t.shipped),
           count(*) FILTER (WHERE sp.departments >= 2),
           count(*) FILTER (WHERE sp.departments >= 2 AND t.awarded),
           count(*) FILTER (WHERE sp.departments >= 2 AND t.shipped),
           count(*) FILTER (WHERE sp.locations >= 2),
           count(*) FILTER (WHERE sp.locations >= 2 AND t.awarded),
           count(*) FILTER (WHERE sp.locations >= 2 AND t.shipped),
           count(sp.id), count(sp.id) FILTER (WHERE t.awarded), count(sp.id) FILTER (WHERE t.shipped)
      FROM insight_teams t
      LEFT JOIN (SELECT m.pitch_id AS id, count(DISTINCT nullif(pe.department, '')) AS departments,
                        count(DISTINCT pe.location_id) AS locations
                   FROM team_members m JOIN people pe ON pe.id = m.person_id
                  WHERE m.pitch_id IN (SELECT id FROM insight_teams) GROUP BY m.pitch_id) sp ON sp.id = t.id;

    INSERT INTO insight_person_events
    SELECT e, x.person_id, (SELECT starts_at FROM events WHERE id = e), bool_or(x.part = 't'), bool_or(x.part = 'p'),
           bool_or(x.part = 'j'), bool_or(x.part = 'm'), bool_or(x.part = 'v')
      FROM (SELECT person_id, 't' AS part FROM event_participants WHERE event_id = e
            UNION ALL SELECT captain_id, 'p' FROM pitches WHERE event_id = e
            UNION ALL SELECT person_id, 'j' FROM team_members WHERE event_id = e AND NOT is_captain
            UNION ALL SELECT person_id, 'm' FROM mentors WHERE event_id = e
            UNION ALL SELECT b.voter_id, 'v' FROM ballots b JOIN voting_rounds r ON r.id = b.round_id
                       WHERE r.event_id = e) x
     GROUP BY x.person_id;

    INSERT INTO insight_skill_asks
    SELECT e, m.person_id, ps.skill_id, ev.starts_at, bool_or(m.pitch_id IN (SELECT id FROM insight_teams))
      FROM team_members m JOIN pitches p ON p.id = m.pitch_id JOIN events ev ON ev.id = p.event_id
      JOIN pitch_skills ps ON ps.pitch_id = m.pitch_id
     WHERE m.event_id = e
     GROUP BY m.person_id, ps.skill_id, ev.starts_at;

    INSERT INTO insight_event_locations
    SELECT e, pl.location_id, count(DISTINCT t.id)
      FROM insight_teams t LEFT JOIN pitch_locations pl ON pl.pitch_id = t.id
     GROUP BY pl.location_id;

    INSERT INTO insight_event_skills
    SELECT e, ps.skill_id, count(*) FROM pitch_skills ps JOIN pitches p ON p.id = ps.pitch_id
     WHERE p.event_id = e AND p.approved AND p.hidden_reason IS NULL GROUP BY ps.skill_id;

    INSERT INTO insight_event_impacts
    SELECT e, c.impact_kind, count(*), coalesce(sum(c.impact_value) FILTER (WHERE NOT c.impact_estimated), 0),
           coalesce(sum(c.impact_value) FILTER (WHERE c.impact_estimated), 0)
      FROM (SELECT DISTINCT ON (o.pitch_id) o.impact_kind, o.impact_value, o.impact_estimated
              FROM project_outcomes o JOIN pitches p ON p.id = o.pitch_id
             WHERE p.event_id = e ORDER BY o.pitch_id, o.recorded_at DESC, o.id DESC) c
     WHERE c.impact_kind IS NOT NULL
     GROUP BY c.impact_kind;

    touched := touched || ARRAY(SELECT person_id FROM insight_person_events WHERE event_id = e);
    INSERT INTO insight_pairs SELECT person_id, skill_id FROM insight_skill_asks WHERE event_id = e;
  END IF;

  DELETE FROM insight_people_first WHERE person_id = ANY (touched);
  INSERT INTO insight_people_first
  SELECT person_id, min(starts_at) FROM insight_person_events WHERE person_id = ANY (touched) AND took_part
   GROUP BY person_id;

  DELETE FROM insight_skill_firsts f USING (SELECT DISTINCT person_id, skill_id FROM insight_pairs) x
   WHERE f.person_id = x.person_id AND f.skill_id = x.skill_id;
  INSERT INTO insight_skill_firsts
  SELECT a.event_id, a.person_id, a.skill_id
    FROM (SELECT DISTINCT person_id, skill_id FROM insight_pairs) x
    JOIN insight_skill_asks a ON a.person_id = x.person_id AND a.skill_id = x.skill_id
   WHERE a.team AND a.starts_at = (SELECT min(b.starts_at) FROM insight_skill_asks b
                                    WHERE b.person_id = x.person_id AND b.skill_id = x.skill_id);
END $$;

-- Rebuilds the facts of every stale event, in id order, taking the marks it sees. A second caller's DELETE waits for
-- the first to commit, then skips the marks already taken, so what either reads next is fresh. Marks a writer adds
-- meanwhile stay for the next refresh (Shipyard runs one every minute, and before each dashboard answer). Returns
-- how many events it rebuilt.
CREATE FUNCTION insight_refresh_stale() RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  e bigint;
  n integer := 0;
BEGIN
  FOR e IN WITH taken AS (DELETE FROM insight_stale RETURNING event_id)
           SELECT DISTINCT event_id FROM taken ORDER BY event_id LOOP
    PERFORM insight_refresh(e);
    n := n + 1;
  END LOOP;
  RETURN n;
END $$;

-- Marks the events a statement touched as stale: nothing else on the write path. The rows are the statement's
-- transition tables (new, old or both, as the operation has them); each table names its event its own way.
CREATE FUNCTION insight_follow() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  touched text := CASE TG_OP WHEN 'INSERT' THEN 'new_rows' WHEN 'DELETE' THEN 'old_rows'
                  ELSE '(SELECT * FROM new_rows UNION ALL SELECT * FROM old_rows)' END;
  stale text := CASE
    WHEN TG_TABLE_NAME = 'events' THEN 'SELECT id FROM new_rows'
    WHEN TG_TABLE_NAME = 'people' THEN
      'SELECT m.event_id FROM new_rows n JOIN old_rows o ON o.id = n.id JOIN team_members m ON m.person_id = n.id
        WHERE (n.department, n.location_id) IS DISTINCT FROM (o.department, o.location_id)'
    WHEN TG_TABLE_NAME IN ('project_outcomes', 'pitch_skills', 'pitch_locations') THEN
      'SELECT p.event_id FROM pitches p WHERE p.id IN (SELECT pitch_id FROM ' || touched || ' x)'
    WHEN TG_TABLE_NAME = 'ballots' THEN
      'SELECT r.event_id FROM voting_rounds r WHERE r.id IN (SELECT round_id FROM ' || touched || ' x)'
    ELSE 'SELECT event_id FROM ' || touched || ' x' END;
BEGIN
  EXECUTE 'INSERT INTO insight_stale SELECT DISTINCT event_id FROM (' || stale || ') AS t (event_id) '
       || 'WHERE NOT EXISTS (SELECT 1 FROM insight_stale s WHERE s.event_id = t.event_id)';
  RETURN NULL;
END $$;

-- Events: inserted or changed (phase, times, smallest team size). People: a department or location changed (teams
-- spanning departments). The rest: any row written or deleted.
DO $$
DECLARE
  t text;
  op text;
BEGIN
  FOREACH t IN ARRAY ARRAY['events', 'people', 'pitches', 'team_members', 'event_participants', 'mentors', 'awards',
                           'project_outcomes', 'pitch_skills', 'pitch_locations', 'ballots', 'voting_round_projects'] LOOP
    FOREACH op IN ARRAY ARRAY['insert', 'update', 'delete'] LOOP
      CONTINUE WHEN t = 'people' AND op <> 'update' OR t = 'events' AND op = 'delete';
      EXECUTE format('CREATE TRIGGER insight_%1$s_%2$s AFTER %2$s ON %1$I REFERENCING %3$s FOR EACH STATEMENT '
                     'EXECUTE FUNCTION insight_follow()', t, op, CASE op WHEN 'insert' THEN 'NEW TABLE AS new_rows'
                     WHEN 'delete' THEN 'OLD TABLE AS old_rows' ELSE 'OLD TABLE AS old_rows NEW TABLE AS new_rows' END);
    END LOOP;
  END LOOP;
END $$;

INSERT INTO insight_stale SELECT id FROM events;
SELECT insight_refresh_stale();

-- Archive search facet counts kept per year: for a search without words whose only filter (if any) is the year,
-- the counts are sums of these rows instead of a pass over every matching project. Kept by a statement-level trigger
-- on project_search in the writer's transaction (one delta per statement: publishing an event adds its projects'
-- values once). label is a department's or tag's spelling ('' for the other facets); facet '' is the total.
CREATE TABLE search_facet_counts (
  year  integer NOT NULL,
  facet text NOT NULL,
  key   text NOT NULL,
  label text NOT NULL,
  n     bigint NOT NULL,
  PRIMARY KEY (year, facet, key, label)
);

-- The facet values of project_search rows, one row per value, as the search counts them.
CREATE FUNCTION search_facet_values(r project_search) RETURNS TABLE (facet text, key text, label text)
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  RETURN QUERY
  SELECT '', '', '' UNION ALL SELECT 'year', r.year::text, '' UNION ALL SELECT 'event', r.event_id::text, ''
  UNION ALL SELECT 'kind', r.kind, ''
  UNION ALL SELECT 'location', l::text, '' FROM unnest(r.location_ids) l
  UNION ALL SELECT 'department', lower(d), d FROM unnest(r.departments) d
  UNION ALL SELECT 'tag', lower(t), t FROM unnest(r.tags) t
  UNION ALL SELECT 'skill', k, '' FROM unnest(r.skill_keys) k
  UNION ALL SELECT 'award', a, '' FROM unnest(r.awards) a
  UNION ALL SELECT 'outcome', r.outcome, '' WHERE r.outcome IS NOT NULL;
END $$;

CREATE FUNCTION search_facet_counts_follow() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  signed text := CASE TG_OP WHEN 'INSERT' THEN 'SELECT 1 AS sign, ROW(r.*)::project_search AS r FROM new_rows r'
                 WHEN 'DELETE' THEN 'SELECT -1 AS sign, ROW(r.*)::project_search AS r FROM old_rows r'
                 ELSE 'SELECT 1 AS sign, ROW(r.*)::project_search AS r FROM new_rows r '
                      || 'UNION ALL SELECT -1, ROW(r.*)::project_search FROM old_rows r' END;
BEGIN
  EXECUTE 'INSERT INTO search_facet_counts (year, facet, key, label, n) '
       || 'SELECT (x.r).year, v.facet, v.key, v.label, sum(x.sign) FROM (' || signed || ') x, '
       || 'search_facet_values(x.r) v GROUP BY 1, 2, 3, 4 HAVING sum(x.sign) <> 0 ORDER BY 1, 2, 3, 4 '
       || 'ON CONFLICT (year, facet, key, label) DO UPDATE SET n = search_facet_counts.n + EXCLUDED.n';
  RETURN NULL;
END $$;

CREATE TRIGGER search_facet_counts_insert AFTER INSERT ON project_search REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_facet_counts_follow();
CREATE TRIGGER search_facet_counts_update AFTER UPDATE ON project_search REFERENCING OLD TABLE AS old_rows
  NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_facet_counts_follow();
CREATE TRIGGER search_facet_counts_delete AFTER DELETE ON project_search REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_facet_counts_follow();

INSERT INTO search_facet_counts (year, facet, key, label, n)
SELECT s.year, v.facet, v.key, v.label, count(*) FROM project_search s, search_facet_values(s) v GROUP BY 1, 2, 3, 4;
