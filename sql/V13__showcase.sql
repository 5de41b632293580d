-- The showcase: the archive of published events (in results or archived) and their projects.

-- Demo links of a project (video, repository, slides), kept by its captain and the organisers.
CREATE TABLE project_links (
  id        bigserial PRIMARY KEY,
  pitch_id  bigint NOT NULL REFERENCES pitches (id) ON DELETE CASCADE,
  kind      text NOT NULL CHECK (kind IN ('video', 'repository', 'slides', 'other')),
  url       text NOT NULL CHECK (length(url) <= 2000 AND url ~* '^https?://[^/?#\s]+'),
  label     text NOT NULL DEFAULT '' CHECK (length(label) <= 120),
  added_by  bigint NOT NULL REFERENCES people (id),
  added_at  timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT project_links_once UNIQUE (pitch_id, url)
);

-- Each project's current outcome (the newest record of project_outcomes), kept by a trigger, so that "everything that
-- shipped" is a range of one index instead of a newest-per-project search through all the history.
CREATE TABLE project_current_outcomes (
  pitch_id    bigint PRIMARY KEY REFERENCES pitches (id) ON DELETE CASCADE,
  outcome_id  bigint NOT NULL REFERENCES project_outcomes (id) ON DELETE CASCADE,
  kind        text NOT NULL,
  happened_on date NOT NULL
);
CREATE INDEX project_current_outcomes_kind ON project_current_outcomes (kind, happened_on DESC, pitch_id DESC);

CREATE FUNCTION project_outcome_becomes_current() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO project_current_outcomes (pitch_id, outcome_id, kind, happened_on)
  VALUES (NEW.pitch_id, NEW.id, NEW.kind, NEW.happened_on)
  ON CONFLICT (pitch_id) DO UPDATE SET outcome_id = excluded.outcome_id, kind = excluded.kind,
                                       happened_on = excluded.happened_on;
  RETURN NULL;
END $$;
CREATE TRIGGER project_outcomes_current AFTER INSERT ON project_outcomes
  FOR EACH ROW EXECUTE FUNCTION project_outcome_becomes_current();
INSERT INTO project_current_outcomes (pitch_id, outcome_id, kind, happened_on)
SELECT DISTINCT ON (pitch_id) pitch_id, id, kind, happened_on FROM project_outcomes
 ORDER BY pitch_id, recorded_at DESC, id DESC;

-- Change counters for conditional requests (ETag), one per published event. Every change to what the showcase shows
-- of a published event adds 1 to its counter in the writer's transaction, so a new ETag becomes visible exactly when
-- the change does; the whole showcase's version is the sum of the counters (a few hundred rows), so there is no one
-- row every writer would queue on. Writes in events that are not published leave them alone.
CREATE TABLE showcase_versions (
  event_id bigint PRIMARY KEY REFERENCES events (id) ON DELETE CASCADE,
  version  bigint NOT NULL DEFAULT 0
);

CREATE FUNCTION showcase_touch(changed_event bigint, published boolean) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF published OR EXISTS (SELECT 1 FROM events WHERE id = changed_event AND phase IN ('results', 'archived')) THEN
    INSERT INTO showcase_versions (event_id, version) VALUES (changed_event, 1)
    ON CONFLICT (event_id) DO UPDATE SET version = showcase_versions.version + 1;
  END IF;
END $$;

CREATE FUNCTION showcase_event_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM showcase_touch(NEW.id, OLD.phase IN ('results', 'archived') OR NEW.phase IN ('results', 'archived'));
  RETURN NULL;
END $$;
CREATE TRIGGER showcase_events AFTER UPDATE ON events
  FOR EACH ROW WHEN (OLD IS DISTINCT FROM NEW) EXECUTE FUNCTION showcase_event_changed();

-- TG_ARGV[0] names how to find the event: 'event_id' (the row has it) or 'pitch_id' (through the pitch).
CREATE FUNCTION showcase_row_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed record;
BEGIN
  changed := CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
  IF TG_ARGV[0] = 'event_id' THEN
    PERFORM showcase_touch((to_jsonb(changed) ->> 'event_id')::bigint, false);
  ELSE
    PERFORM showcase_touch((SELECT event_id FROM pitches WHERE id = (to_jsonb(changed) ->> 'pitch_id')::bigint), false);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER showcase_pitches AFTER UPDATE ON pitches
  FOR EACH ROW WHEN (OLD IS DISTINCT FROM NEW) EXECUTE FUNCTION showcase_row_changed('event_id');
CREATE TRIGGER showcase_team_members AFTER INSERT OR UPDATE OR DELETE ON team_members
  FOR EACH ROW EXECUTE FUNCTION showcase_row_changed('event_id');
CREATE TRIGGER showcase_awards AFTER INSERT OR UPDATE OR DELETE ON awards
  FOR EACH ROW EXECUTE FUNCTION showcase_row_changed('event_id');
CREATE TRIGGER showcase_outcomes AFTER INSERT OR UPDATE OR DELETE ON project_outcomes
  FOR EACH ROW EXECUTE FUNCTION showcase_row_changed('pitch_id');
CREATE TRIGGER showcase_links AFTER INSERT OR UPDATE OR DELETE ON project_links
  FOR EACH ROW EXECUTE FUNCTION showcase_row_changed('pitch_id');

-- A renamed person (or one who moved department) shows up changed on the project pages of their teams.
CREATE FUNCTION showcase_person_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM showcase_touch(m.event_id, false) FROM (SELECT DISTINCT event_id FROM team_members WHERE person_id = NEW.id) m;
  RETURN NULL;
END $$;
CREATE TRIGGER showcase_people AFTER UPDATE OF display_name, department ON people
  FOR EACH ROW WHEN (OLD.display_name IS DISTINCT FROM NEW.display_name OR OLD.department IS DISTINCT FROM NEW.department)
  EXECUTE FUNCTION showcase_person_changed();

-- The archive lists published events newest first; leadership sees each one's count of pitches not shown.
CREATE INDEX events_published ON events (starts_at DESC, id DESC) WHERE phase IN ('results', 'archived');
CREATE INDEX pitches_unshown_per_event ON pitches (event_id) WHERE NOT (approved AND hidden_reason IS NULL);
CREATE INDEX project_links_pitch ON project_links (pitch_id, id);
