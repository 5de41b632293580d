-- The change clock behind what each Shipyard process keeps in memory (package cache/): the pages of published events
-- and who a session token speaks for. One row whose tick moves on in every transaction that changes what the showcase
-- shows of a published event, or a person, their roles or skills; a request reads it (one small read shared by the
-- requests that arrive meanwhile), and what was kept for an older tick is not used again. The tick becomes visible
-- exactly when the change commits, on every instance at once, and comes from a sequence no table owns, so it never
-- repeats, not even after TRUNCATE ... RESTART IDENTITY.
CREATE SEQUENCE cache_clock_ticks;
CREATE TABLE cache_clock (
  id   boolean PRIMARY KEY DEFAULT true CHECK (id),
  tick bigint NOT NULL
);
INSERT INTO cache_clock (tick) VALUES (nextval('cache_clock_ticks'));

-- Once per transaction. Called by deferred triggers, so at commit, after every other lock the transaction takes: the
-- clock's row is held only while the transaction commits, and waiting for it can close no cycle of locks.
CREATE FUNCTION cache_clock_tick() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('shipyard.cache_ticked', true) IS DISTINCT FROM 'on' THEN
    PERFORM set_config('shipyard.cache_ticked', 'on', true);
    INSERT INTO cache_clock (tick) VALUES (nextval('cache_clock_ticks'))
    ON CONFLICT (id) DO UPDATE SET tick = excluded.tick;
  END IF;
  RETURN NULL;
END $$;

-- The showcase: every change to a published event raises its version (V13, V17), so the clock follows those rows.
CREATE CONSTRAINT TRIGGER cache_showcase AFTER INSERT OR UPDATE OR DELETE ON showcase_versions
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION cache_clock_tick();
-- A pitch added to or removed from a published event changes its gallery (V13 only followed updates); a project page
-- lists its skills.
CREATE TRIGGER showcase_pitches_added AFTER INSERT OR DELETE ON pitches
  FOR EACH ROW EXECUTE FUNCTION showcase_row_changed('event_id');
CREATE TRIGGER showcase_pitch_skills AFTER INSERT OR UPDATE OR DELETE ON pitch_skills
  FOR EACH ROW EXECUTE FUNCTION showcase_row_changed('pitch_id');

-- People as a session sees them (roles, name, department, location, skills, session epoch), and what project pages
-- show of them (their location; names and departments already raise the versions): any change moves the clock.
CREATE CONSTRAINT TRIGGER cache_people AFTER UPDATE OR DELETE ON people
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION cache_clock_tick();
CREATE CONSTRAINT TRIGGER cache_person_roles AFTER INSERT OR UPDATE OR DELETE ON person_roles
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION cache_clock_tick();
CREATE CONSTRAINT TRIGGER cache_person_skills AFTER INSERT OR UPDATE OR DELETE ON person_skills
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION cache_clock_tick();
CREATE CONSTRAINT TRIGGER cache_locations AFTER UPDATE OR DELETE ON locations
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION cache_clock_tick();
CREATE CONSTRAINT TRIGGER cache_skills AFTER UPDATE OR DELETE ON skills
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION cache_clock_tick();

-- Emptied tables (the tests' reset empties them all, the clock's row included): the clock moves on (and is back).
CREATE FUNCTION cache_clock_emptied() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO cache_clock (tick) VALUES (nextval('cache_clock_ticks'))
  ON CONFLICT (id) DO UPDATE SET tick = excluded.tick;
  RETURN NULL;
END $$;
CREATE TRIGGER cache_clock_reset AFTER TRUNCATE ON cache_clock FOR EACH STATEMENT EXECUTE FUNCTION cache_clock_emptied();
CREATE TRIGGER cache_showcase_reset AFTER TRUNCATE ON showcase_versions
  FOR EACH STATEMENT EXECUTE FUNCTION cache_clock_emptied();
CREATE TRIGGER cache_people_reset AFTER TRUNCATE ON people FOR EACH STATEMENT EXECUTE FUNCTION cache_clock_emptied();
CREATE TRIGGER cache_person_roles_reset AFTER TRUNCATE ON person_roles
  FOR EACH STATEMENT EXECUTE FUNCTION cache_clock_emptied();
CREATE TRIGGER cache_pitches_reset AFTER TRUNCATE ON pitches FOR EACH STATEMENT EXECUTE FUNCTION cache_clock_emptied();
