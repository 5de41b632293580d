-- What pitches, teams, schedules and portfolios need beyond the basics of V2.

-- Pitch details. `approved` is false while an event's pitches need an organiser's approval.
ALTER TABLE pitches
  ADD COLUMN tags      text[] NOT NULL DEFAULT '{}',
  ADD COLUMN links     text[] NOT NULL DEFAULT '{}',
  ADD COLUMN remote_ok boolean NOT NULL DEFAULT true,
  ADD COLUMN approved  boolean NOT NULL DEFAULT true,
  ADD COLUMN hidden_by bigint REFERENCES people (id),
  ADD COLUMN hidden_at timestamptz,
  ADD CONSTRAINT pitches_hidden_reason_length CHECK (hidden_reason IS NULL OR length(trim(hidden_reason)) BETWEEN 1 AND 500);

CREATE TABLE pitch_locations (
  pitch_id    bigint NOT NULL REFERENCES pitches (id) ON DELETE CASCADE,
  location_id integer NOT NULL REFERENCES locations (id),
  PRIMARY KEY (pitch_id, location_id)
);

-- The version of a pitch as it was before each edit.
CREATE TABLE pitch_revisions (
  id        bigserial PRIMARY KEY,
  pitch_id  bigint NOT NULL REFERENCES pitches (id) ON DELETE CASCADE,
  edited_by bigint NOT NULL REFERENCES people (id),
  edited_at timestamptz NOT NULL DEFAULT now(),
  title     text NOT NULL,
  summary   text NOT NULL,
  problem   text NOT NULL,
  idea      text NOT NULL,
  capacity  integer NOT NULL,
  skills    text[] NOT NULL DEFAULT '{}',
  tags      text[] NOT NULL DEFAULT '{}',
  links     text[] NOT NULL DEFAULT '{}'
);
CREATE INDEX pitch_revisions_pitch ON pitch_revisions (pitch_id, edited_at);

CREATE TABLE pitch_interest (
  pitch_id   bigint NOT NULL REFERENCES pitches (id) ON DELETE CASCADE,
  person_id  bigint NOT NULL REFERENCES people (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (pitch_id, person_id)
);

CREATE TABLE pitch_comments (
  id         bigserial PRIMARY KEY,
  pitch_id   bigint NOT NULL REFERENCES pitches (id) ON DELETE CASCADE,
  author_id  bigint NOT NULL REFERENCES people (id),
  body       text NOT NULL CHECK (length(trim(body)) BETWEEN 1 AND 4000),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX pitch_comments_pitch ON pitch_comments (pitch_id, created_at);

-- A lab project's path through its stages (idea, prototype, pilot, shipped, parked).
CREATE TABLE pitch_stage_changes (
  id         bigserial PRIMARY KEY,
  pitch_id   bigint NOT NULL REFERENCES pitches (id) ON DELETE CASCADE,
  from_stage text NOT NULL,
  to_stage   text NOT NULL,
  note       text NOT NULL DEFAULT '' CHECK (length(note) <= 1000),
  changed_by bigint NOT NULL REFERENCES people (id),
  changed_at timestamptz NOT NULL DEFAULT now()
);

-- Requests to join a team, where the event has captains approve joiners.
CREATE TABLE join_requests (
  id         bigserial PRIMARY KEY,
  pitch_id   bigint NOT NULL REFERENCES pitches (id) ON DELETE CASCADE,
  person_id  bigint NOT NULL REFERENCES people (id),
  event_id   bigint NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  message    text NOT NULL DEFAULT '' CHECK (length(message) <= 1000),
  status     text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'declined', 'withdrawn')),
  created_at timestamptz NOT NULL DEFAULT now(),
  decided_by bigint REFERENCES people (id),
  decided_at timestamptz
);
CREATE UNIQUE INDEX join_requests_one_pending ON join_requests (pitch_id, person_id) WHERE status = 'pending';

-- People without a team who list themselves, and people offering help, for one event.
CREATE TABLE free_agents (
  event_id   bigint NOT NULL,
  person_id  bigint NOT NULL,
  wants      text NOT NULL DEFAULT '' CHECK (length(wants) <= 1000),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (event_id, person_id),
  FOREIGN KEY (event_id, person_id) REFERENCES event_participants (event_id, person_id) ON DELETE CASCADE
);

CREATE TABLE free_agent_skills (
  event_id  bigint NOT NULL,
  person_id bigint NOT NULL,
  skill_id  integer NOT NULL REFERENCES skills (id),
  PRIMARY KEY (event_id, person_id, skill_id),
  FOREIGN KEY (event_id, person_id) REFERENCES free_agents (event_id, person_id) ON DELETE CASCADE
);

CREATE TABLE mentors (
  event_id   bigint NOT NULL,
  person_id  bigint NOT NULL,
  note       text NOT NULL DEFAULT '' CHECK (length(note) <= 1000),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (event_id, person_id),
  FOREIGN KEY (event_id, person_id) REFERENCES event_participants (event_id, person_id) ON DELETE CASCADE
);

CREATE TABLE mentor_skills (
  event_id  bigint NOT NULL,
  person_id bigint NOT NULL,
  skill_id  integer NOT NULL REFERENCES skills (id),
  PRIMARY KEY (event_id, person_id, skill_id),
  FOREIGN KEY (event_id, person_id) REFERENCES mentors (event_id, person_id) ON DELETE CASCADE
);

-- An event's schedule: hacking window, demo session, lab demo days...
CREATE TABLE event_schedule (
  id          bigserial PRIMARY KEY,
  event_id    bigint NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  title       text NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 120),
  starts_at   timestamptz NOT NULL,
  ends_at     timestamptz NOT NULL,
  location_id integer REFERENCES locations (id),
  CONSTRAINT event_schedule_ends_after_start CHECK (ends_at > starts_at)
);
CREATE INDEX event_schedule_event ON event_schedule (event_id, starts_at);

-- A person's short reflection on a project they took part in, for their portfolio.
CREATE TABLE reflections (
  person_id  bigint NOT NULL REFERENCES people (id),
  pitch_id   bigint NOT NULL REFERENCES pitches (id) ON DELETE CASCADE,
  body       text NOT NULL CHECK (length(trim(body)) BETWEEN 1 AND 2000),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (person_id, pitch_id)
);
