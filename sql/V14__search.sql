-- Archive search: one search document per searchable project, kept up to date by triggers in the writer's own
-- transaction, whoever the writer is (pitch edits, teams, moderation, phase moves, awards, outcomes, sample data).
--
-- A project is searchable when its event is published (phase results or archived), it is approved and not hidden:
-- project_search holds exactly those rows, so a search never filters visibility and a hidden pitch, a pitch awaiting
-- approval or a draft event's pitch has no document at all.
--
-- Text: the configuration shipyard_search is english (stemming, stop words) with accents folded (unaccent). The
-- document is weighted A title, B summary, tags and skills, C problem, idea, outcome notes and award titles, D the
-- team members' names. Facet keys are columns (scalars) and arrays (GIN-indexed), so filters and facet counts read
-- the one table. search_words is the vocabulary of the searchable text (unstemmed words, accents folded) with a
-- trigram index: a query word that matches nothing is corrected to the most similar known word.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;

CREATE TEXT SEARCH CONFIGURATION shipyard_search (COPY = english);
ALTER TEXT SEARCH CONFIGURATION shipyard_search
  ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;
CREATE TEXT SEARCH CONFIGURATION shipyard_words (COPY = simple);
ALTER TEXT SEARCH CONFIGURATION shipyard_words
  ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;

CREATE TABLE project_search (
  pitch_id        bigint PRIMARY KEY REFERENCES pitches (id) ON DELETE CASCADE,
  event_id        bigint NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  year            integer NOT NULL,
  kind            text NOT NULL,
  starts_at       timestamptz NOT NULL,
  -- The pitch's own locations and its members' locations.
  location_ids    integer[] NOT NULL,
  -- Departments and tags in one spelling each (the first), and the lower-cased keys filters match.
  departments     text[] NOT NULL,
  department_keys text[] NOT NULL,
  tags            text[] NOT NULL,
  tag_keys        text[] NOT NULL,
  skill_keys      text[] NOT NULL,
  -- Kinds of the project's awards (winner, finalist, prize) and its current outcome's kind.
  awards          text[] NOT NULL,
  outcome         text,
  document        tsvector NOT NULL
);
CREATE INDEX project_search_document ON project_search USING gin (document);
CREATE INDEX project_search_newest ON project_search (starts_at DESC, pitch_id DESC);
CREATE INDEX project_search_event ON project_search (event_id);
CREATE INDEX project_search_year ON project_search (year);
CREATE INDEX project_search_keys ON project_search
  USING gin (location_ids, department_keys, tag_keys, skill_keys, awards);

CREATE TABLE search_words (
  word text PRIMARY KEY CHECK (length(word) BETWEEN 3 AND 40)
);
CREATE INDEX search_words_trigrams ON search_words USING gin (word gin_trgm_ops);

-- Rebuilds the documents of these pitches: deletes those no longer searchable, writes the others (in id order, so
-- two writers lock documents in the same order), and adds their new words to the vocabulary.
CREATE FUNCTION project_search_refresh(ids bigint[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF cardinality(ids) = 0 THEN
    RETURN;
  END IF;
  DELETE FROM project_search s WHERE s.pitch_id = ANY (ids) AND NOT EXISTS (
    SELECT 1 FROM pitches p JOIN events e ON e.id = p.event_id
     WHERE p.id = s.pitch_id AND p.approved AND p.hidden_reason IS NULL AND e.phase IN ('results', 'archived'));
  WITH source AS (
    SELECT p.id, p.event_id, e.kind, e.starts_at, extract(year FROM e.starts_at AT TIME ZONE e.time_zone)::int AS year,
           p.title, p.summary, p.problem || ' ' || p.idea AS body, p.tags,
           ARRAY(SELECT sk.name FROM pitch_skills ps JOIN skills sk ON sk.id = ps.skill_id
                  WHERE ps.pitch_id = p.id ORDER BY lower(sk.name)) AS skills,
           ARRAY(SELECT pl.location_id FROM pitch_locations pl WHERE pl.pitch_id = p.id
                 UNION SELECT pe.location_id FROM team_members m JOIN people pe ON pe.id = m.person_id
                        WHERE m.pitch_id = p.id AND pe.location_id IS NOT NULL) AS location_ids,
           ARRAY(SELECT min(trim(pe.department)) FROM team_members m JOIN people pe ON pe.id = m.person_id
                  WHERE m.pitch_id = p.id AND trim(pe.department) <> ''
                  GROUP BY lower(trim(pe.department)) ORDER BY lower(trim(pe.department))) AS departments,
           (SELECT coalesce(string_agg(pe.display_name, ' '), '') FROM team_members m
              JOIN people pe ON pe.id = m.person_id WHERE m.pitch_id = p.id) AS members,
           ARRAY(SELECT DISTINCT a.kind FROM awards a WHERE a.pitch_id = p.id ORDER BY a.kind) AS awards,
           (SELECT coalesce(string_agg(a.title, ' '), '') FROM awards a WHERE a.pitch_id = p.id) AS award_titles,
           (SELECT o.kind FROM project_outcomes o WHERE o.pitch_id = p.id
             ORDER BY o.recorded_at DESC, o.id DESC LIMIT 1) AS outcome,
           (SELECT coalesce(string_agg(o.note, ' '), '') FROM project_outcomes o WHERE o.pitch_id = p.id) AS notes
      FROM pitches p JOIN events e ON e.id = p.event_id
     WHERE p.id = ANY (ids) AND p.approved AND p.hidden_reason IS NULL AND e.phase IN ('results', 'archived')
  ), written AS (
    INSERT INTO project_search (pitch_id, event_id, year, kind, starts_at, location_ids, departments,
                                     department_keys, tags, tag_keys, skill_keys, awards, outcome, document)
    SELECT id, event_id, year, kind, starts_at, location_ids, departments,
           ARRAY(SELECT lower(d) FROM unnest(departments) d),
           ARRAY(SELECT min(t) FROM unnest(tags) t GROUP BY lower(t) ORDER BY lower(t)),
           ARRAY(SELECT DISTINCT lower(t) FROM unnest(tags) t),
           ARRAY(SELECT lower(k) FROM unnest(skills) k), awards, outcome,
           setweight(to_tsvector('shipyard_search', title), 'A')
           || setweight(to_tsvector('shipyard_search', summary || ' ' || array_to_string(tags, ' ') || ' '
                                    || array_to_string(skills, ' ')), 'B')
           || setweight(to_tsvector('shipyard_search', body || ' ' || notes || ' ' || award_titles), 'C')
           || setweight(to_tsvector('shipyard_search', members), 'D')
      FROM source ORDER BY id
    ON CONFLICT (pitch_id) DO UPDATE SET event_id = EXCLUDED.event_id, year = EXCLUDED.year, kind = EXCLUDED.kind,
      starts_at = EXCLUDED.starts_at, location_ids = EXCLUDED.location_ids, departments = EXCLUDED.departments,
      department_keys = EXCLUDED.department_keys, tags = EXCLUDED.tags, tag_keys = EXCLUDED.tag_keys,
      skill_keys = EXCLUDED.skill_keys, awards = EXCLUDED.awards, outcome = EXCLUDED.outcome,
      document = EXCLUDED.document
  )
  INSERT INTO search_words (word)
  SELECT DISTINCT w.lexeme
    FROM source, unnest(to_tsvector('shipyard_words', title || ' ' || summary || ' ' || array_to_string(tags, ' ')
                                    || ' ' || array_to_string(skills, ' ') || ' ' || body || ' ' || notes || ' '
                                    || award_titles || ' ' || members)) AS w
   WHERE length(w.lexeme) BETWEEN 3 AND 40
   ORDER BY w.lexeme
  ON CONFLICT (word) DO NOTHING;
END $$;

-- Statement-level triggers: one refresh per statement, however many rows it touched (batched inserts of sample
-- data, a phase move of an event with thousands of pitches). Each names the pitches whose documents may change.
CREATE FUNCTION project_search_follow() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids bigint[];
BEGIN
  IF TG_TABLE_NAME = 'pitches' THEN
    ids := ARRAY(SELECT id FROM new_rows);
  ELSIF TG_TABLE_NAME = 'events' THEN
    ids := ARRAY(SELECT p.id FROM new_rows n JOIN old_rows o ON o.id = n.id JOIN pitches p ON p.event_id = n.id
                  WHERE (n.phase, n.kind, n.starts_at, n.time_zone) IS DISTINCT FROM (o.phase, o.kind, o.starts_at, o.time_zone));
  ELSIF TG_TABLE_NAME = 'people' THEN
    ids := ARRAY(SELECT DISTINCT m.pitch_id FROM new_rows n JOIN old_rows o ON o.id = n.id
                   JOIN team_members m ON m.person_id = n.id
                  WHERE (n.display_name, n.department, n.location_id)
                        IS DISTINCT FROM (o.display_name, o.department, o.location_id));
  ELSIF TG_TABLE_NAME = 'skills' THEN
    ids := ARRAY(SELECT DISTINCT ps.pitch_id FROM new_rows n JOIN old_rows o ON o.id = n.id
                   JOIN pitch_skills ps ON ps.skill_id = n.id WHERE n.name IS DISTINCT FROM o.name);
  ELSIF TG_OP = 'INSERT' THEN
    ids := ARRAY(SELECT DISTINCT pitch_id FROM new_rows);
  ELSIF TG_OP = 'DELETE' THEN
    ids := ARRAY(SELECT DISTINCT pitch_id FROM old_rows);
  ELSE
    ids := ARRAY(SELECT pitch_id FROM new_rows UNION SELECT pitch_id FROM old_rows);
  END IF;
  PERFORM project_search_refresh(ids);
  RETURN NULL;
END $$;

-- Pitches: their own columns. Events (phase, kind, times), people (name, department, location) and skills (name):
-- the pitches they reach. The lists a document is built from: the pitch they name.
DO $$
DECLARE
  t text;
BEGIN
  EXECUTE 'CREATE TRIGGER project_search_pitches_insert AFTER INSERT ON pitches '
       || 'REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION project_search_follow()';
  EXECUTE 'CREATE TRIGGER project_search_pitches_update AFTER UPDATE ON pitches '
       || 'REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION project_search_follow()';
  FOREACH t IN ARRAY ARRAY['events', 'people', 'skills', 'team_members', 'pitch_skills', 'pitch_locations', 'awards',
                           'project_outcomes'] LOOP
    EXECUTE format('CREATE TRIGGER project_search_%1$s_update AFTER UPDATE ON %1$I REFERENCING OLD TABLE AS old_rows '
                   'NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION project_search_follow()', t);
  END LOOP;
  FOREACH t IN ARRAY ARRAY['team_members', 'pitch_skills', 'pitch_locations', 'awards', 'project_outcomes'] LOOP
    EXECUTE format('CREATE TRIGGER project_search_%1$s_insert AFTER INSERT ON %1$I REFERENCING NEW TABLE AS new_rows '
                   'FOR EACH STATEMENT EXECUTE FUNCTION project_search_follow()', t);
    EXECUTE format('CREATE TRIGGER project_search_%1$s_delete AFTER DELETE ON %1$I REFERENCING OLD TABLE AS old_rows '
                   'FOR EACH STATEMENT EXECUTE FUNCTION project_search_follow()', t);
  END LOOP;
END $$;

SELECT project_search_refresh(ARRAY(SELECT id FROM pitches));
