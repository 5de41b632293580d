-- Awards: recognitions given to a project (a pitch that got a team). A category's winner or a finalist comes from a
-- voting round's results (round and category set); a judges' prize is given by hand (round and category empty).
-- A tie is recorded as several winners of one category; a tie-break decision names its reason.
CREATE TABLE awards (
  id          bigserial PRIMARY KEY,
  event_id    bigint NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  pitch_id    bigint NOT NULL,
  kind        text NOT NULL CHECK (kind IN ('winner', 'finalist', 'prize')),
  title       text NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 120),
  round_id    bigint REFERENCES voting_rounds (id) ON DELETE SET NULL,
  category_id bigint REFERENCES voting_categories (id) ON DELETE SET NULL,
  place       integer CHECK (place >= 1),
  points      integer CHECK (points >= 0),
  tie_break   text CHECK (tie_break IS NULL OR length(trim(tie_break)) BETWEEN 1 AND 500),
  awarded_by  bigint NOT NULL REFERENCES people (id),
  awarded_at  timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (pitch_id, event_id) REFERENCES pitches (id, event_id) ON DELETE CASCADE,
  CONSTRAINT awards_one_per_category UNIQUE (category_id, pitch_id)
);
CREATE INDEX awards_pitch ON awards (pitch_id);
CREATE INDEX awards_event ON awards (event_id, kind);
