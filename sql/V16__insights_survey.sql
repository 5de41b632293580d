-- The post-event feedback survey, and the indexes the insights dashboard reads through.

-- One survey per event, opened by an organiser after the event and closed when feedback is in. Answers may change
-- while it is open; a close takes the survey row FOR UPDATE, an answer holds it FOR SHARE while it checks the state,
-- so no answer is written after the close committed.
CREATE TABLE surveys (
  id        bigserial PRIMARY KEY,
  event_id  bigint NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  state     text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'closed')),
  opened_by bigint NOT NULL REFERENCES people (id),
  opened_at timestamptz NOT NULL DEFAULT now(),
  closed_at timestamptz,
  CONSTRAINT surveys_one_per_event UNIQUE (event_id),
  CONSTRAINT surveys_id_event_key UNIQUE (id, event_id),
  CONSTRAINT surveys_closed_at CHECK ((state = 'closed') = (closed_at IS NOT NULL))
);

-- One answer per person per survey, and only from someone who took part in the survey's event.
-- rating: 1-5 overall; again: 0-10 "would you take part again" (NPS: 9-10 promoters, 0-6 detractors).
CREATE TABLE survey_answers (
  survey_id   bigint NOT NULL,
  event_id    bigint NOT NULL,
  person_id   bigint NOT NULL,
  rating      smallint NOT NULL CHECK (rating BETWEEN 1 AND 5),
  again       smallint NOT NULL CHECK (again BETWEEN 0 AND 10),
  went_well   text NOT NULL DEFAULT '' CHECK (length(went_well) <= 2000),
  better      text NOT NULL DEFAULT '' CHECK (length(better) <= 2000),
  answered_at timestamptz NOT NULL DEFAULT now(),
  changed_at  timestamptz,
  CONSTRAINT survey_answers_one_per_person PRIMARY KEY (survey_id, person_id),
  FOREIGN KEY (survey_id, event_id) REFERENCES surveys (id, event_id) ON DELETE CASCADE,
  FOREIGN KEY (event_id, person_id) REFERENCES event_participants (event_id, person_id) ON DELETE CASCADE
);

-- Insights: the events of a period, a person's earlier events (first-timers), who voted, which projects were demoed.
CREATE INDEX events_starts_at ON events (starts_at, id);
CREATE INDEX event_participants_person ON event_participants (person_id, event_id);
CREATE INDEX ballots_round_voter ON ballots (round_id, voter_id);
CREATE INDEX voting_round_projects_pitch ON voting_round_projects (pitch_id);
CREATE INDEX pitch_skills_skill ON pitch_skills (skill_id);
