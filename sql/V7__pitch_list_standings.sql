-- What the pitch lists sort by, one row per pitch, kept up to date by triggers: a page of any sort is then a range of
-- one index, however many pitches the event has. A table of its own rather than columns on pitches: interest marks
-- and comments hold the pitch row FOR SHARE, and two of them updating that row would deadlock.
CREATE TABLE pitch_standings (
  pitch_id    bigint PRIMARY KEY REFERENCES pitches (id) ON DELETE CASCADE,
  event_id    bigint NOT NULL,
  created_at  timestamptz NOT NULL,
  capacity    integer NOT NULL,
  members     integer NOT NULL DEFAULT 0 CHECK (members >= 0),
  interest    integer NOT NULL DEFAULT 0 CHECK (interest >= 0),
  open_places integer GENERATED ALWAYS AS (greatest(capacity - members, 0)) STORED
);
CREATE INDEX pitch_standings_newest ON pitch_standings (event_id, created_at, pitch_id);
CREATE INDEX pitch_standings_interest ON pitch_standings (event_id, interest, created_at, pitch_id);
CREATE INDEX pitch_standings_open ON pitch_standings (event_id, open_places, created_at, pitch_id);

CREATE FUNCTION pitch_standings_follow_pitch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO pitch_standings (pitch_id, event_id, created_at, capacity)
    VALUES (NEW.id, NEW.event_id, NEW.created_at, NEW.capacity);
  ELSE
    UPDATE pitch_standings SET event_id = NEW.event_id, created_at = NEW.created_at, capacity = NEW.capacity
     WHERE pitch_id = NEW.id;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER pitch_standings_on_insert AFTER INSERT ON pitches
  FOR EACH ROW EXECUTE FUNCTION pitch_standings_follow_pitch();
CREATE TRIGGER pitch_standings_on_update AFTER UPDATE OF event_id, created_at, capacity ON pitches
  FOR EACH ROW WHEN (OLD.event_id IS DISTINCT FROM NEW.event_id OR OLD.created_at IS DISTINCT FROM NEW.created_at
                     OR OLD.capacity IS DISTINCT FROM NEW.capacity)
  EXECUTE FUNCTION pitch_standings_follow_pitch();

-- Counts rows of team_members (TG_ARGV[0] = 'members') or pitch_interest ('interest') per pitch.
CREATE FUNCTION pitch_standings_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    IF TG_ARGV[0] = 'members' THEN
      UPDATE pitch_standings SET members = members - 1 WHERE pitch_id = OLD.pitch_id;
    ELSE
      UPDATE pitch_standings SET interest = interest - 1 WHERE pitch_id = OLD.pitch_id;
    END IF;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    IF TG_ARGV[0] = 'members' THEN
      UPDATE pitch_standings SET members = members + 1 WHERE pitch_id = NEW.pitch_id;
    ELSE
      UPDATE pitch_standings SET interest = interest + 1 WHERE pitch_id = NEW.pitch_id;
    END IF;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER pitch_standings_members AFTER INSERT OR DELETE ON team_members
  FOR EACH ROW EXECUTE FUNCTION pitch_standings_count('members');
CREATE TRIGGER pitch_standings_members_moved AFTER UPDATE OF pitch_id ON team_members
  FOR EACH ROW WHEN (OLD.pitch_id IS DISTINCT FROM NEW.pitch_id) EXECUTE FUNCTION pitch_standings_count('members');
CREATE TRIGGER pitch_standings_interest AFTER INSERT OR DELETE ON pitch_interest
  FOR EACH ROW EXECUTE FUNCTION pitch_standings_count('interest');
CREATE TRIGGER pitch_standings_interest_moved AFTER UPDATE OF pitch_id ON pitch_interest
  FOR EACH ROW WHEN (OLD.pitch_id IS DISTINCT FROM NEW.pitch_id) EXECUTE FUNCTION pitch_standings_count('interest');

INSERT INTO pitch_standings (pitch_id, event_id, created_at, capacity, members, interest)
SELECT p.id, p.event_id, p.created_at, p.capacity,
       (SELECT count(*) FROM team_members m WHERE m.pitch_id = p.id),
       (SELECT count(*) FROM pitch_interest i WHERE i.pitch_id = p.id)
  FROM pitches p;
