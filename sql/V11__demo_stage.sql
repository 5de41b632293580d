-- The demo session: each event's running order of demo slots (one per team) and the on-stage clock.
-- demo_stages is the lock row of an event's running order (taken right after the event row, see event/EventLocks).
CREATE TABLE demo_stages (
  event_id   bigint PRIMARY KEY REFERENCES events (id) ON DELETE CASCADE,
  changed_at timestamptz NOT NULL DEFAULT now()
);

-- A slot's clock: elapsed_ms is the time it ran before run_started_at; run_started_at is set while it runs (on stage
-- and not paused). Elapsed now = elapsed_ms + (now - run_started_at when running).
CREATE TABLE demo_slots (
  id             bigserial PRIMARY KEY,
  event_id       bigint NOT NULL REFERENCES demo_stages (event_id) ON DELETE CASCADE,
  pitch_id       bigint NOT NULL,
  position       integer NOT NULL CHECK (position >= 1),
  seconds        integer NOT NULL DEFAULT 180 CHECK (seconds BETWEEN 30 AND 1800),
  state          text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'on_stage', 'done', 'skipped')),
  elapsed_ms     bigint NOT NULL DEFAULT 0 CHECK (elapsed_ms >= 0),
  run_started_at timestamptz,
  FOREIGN KEY (pitch_id, event_id) REFERENCES pitches (id, event_id) ON DELETE CASCADE,
  CONSTRAINT demo_slots_pitch_once UNIQUE (event_id, pitch_id),
  CONSTRAINT demo_slots_position_unique UNIQUE (event_id, position) DEFERRABLE INITIALLY DEFERRED,
  CONSTRAINT demo_slots_runs_on_stage CHECK (run_started_at IS NULL OR state = 'on_stage')
);
CREATE UNIQUE INDEX demo_slots_one_on_stage ON demo_slots (event_id) WHERE state = 'on_stage';
CREATE INDEX demo_slots_pitch ON demo_slots (pitch_id);
