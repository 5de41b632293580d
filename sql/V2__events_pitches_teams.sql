-- Innovation events (ShipIt days and lab programmes), their phases, pitches and teams.

CREATE TABLE events (
  id                     bigserial PRIMARY KEY,
  kind                   text NOT NULL CHECK (kind IN ('day', 'lab')),
  title                  text NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 120),
  theme                  text NOT NULL DEFAULT '' CHECK (length(theme) <= 200),
  description            text NOT NULL DEFAULT '' CHECK (length(description) <= 20000),
  phase                  text NOT NULL DEFAULT 'draft'
                           CHECK (phase IN ('draft', 'pitching', 'team_forming', 'building', 'demos', 'results', 'archived')),
  starts_at              timestamptz NOT NULL,
  ends_at                timestamptz NOT NULL,
  time_zone              text NOT NULL DEFAULT 'UTC',
  team_min               integer NOT NULL DEFAULT 1 CHECK (team_min >= 1),
  team_max               integer NOT NULL DEFAULT 6 CHECK (team_max >= team_min AND team_max <= 50),
  teams_per_person       integer NOT NULL DEFAULT 1 CHECK (teams_per_person BETWEEN 1 AND 5),
  pitches_need_approval  boolean NOT NULL DEFAULT false,
  join_by_request        boolean NOT NULL DEFAULT false,
  created_by             bigint NOT NULL REFERENCES people (id),
  created_at             timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT events_ends_after_start CHECK (ends_at > starts_at)
);

CREATE TABLE event_locations (
  event_id    bigint NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  location_id integer NOT NULL REFERENCES locations (id),
  PRIMARY KEY (event_id, location_id)
);

-- Who moved an event from which phase to which, and when.
CREATE TABLE event_phase_changes (
  id         bigserial PRIMARY KEY,
  event_id   bigint NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  from_phase text NOT NULL,
  to_phase   text NOT NULL,
  changed_by bigint NOT NULL REFERENCES people (id),
  changed_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE pitches (
  id          bigserial PRIMARY KEY,
  event_id    bigint NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  captain_id  bigint NOT NULL REFERENCES people (id),
  title       text NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 120),
  summary     text NOT NULL CHECK (length(trim(summary)) BETWEEN 1 AND 200),
  problem     text NOT NULL DEFAULT '' CHECK (length(problem) <= 10000),
  idea        text NOT NULL DEFAULT '' CHECK (length(idea) <= 10000),
  capacity    integer NOT NULL CHECK (capacity BETWEEN 1 AND 50),
  stage       text NOT NULL DEFAULT 'idea' CHECK (stage IN ('idea', 'prototype', 'pilot', 'shipped', 'parked')),
  hidden_reason text,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX pitches_event ON pitches (event_id);

CREATE TABLE pitch_skills (
  pitch_id bigint NOT NULL REFERENCES pitches (id) ON DELETE CASCADE,
  skill_id integer NOT NULL REFERENCES skills (id),
  PRIMARY KEY (pitch_id, skill_id)
);

-- One row per person taking part in an event: the lock that serialises their team changes.
CREATE TABLE event_participants (
  event_id  bigint NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  person_id bigint NOT NULL REFERENCES people (id),
  joined_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (event_id, person_id)
);

CREATE TABLE team_members (
  pitch_id  bigint NOT NULL REFERENCES pitches (id) ON DELETE CASCADE,
  person_id bigint NOT NULL REFERENCES people (id),
  event_id  bigint NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  is_captain boolean NOT NULL DEFAULT false,
  joined_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (pitch_id, person_id),
  FOREIGN KEY (event_id, person_id) REFERENCES event_participants (event_id, person_id)
);
CREATE INDEX team_members_person ON team_members (event_id, person_id);
CREATE UNIQUE INDEX team_members_one_captain ON team_members (pitch_id) WHERE is_captain;
