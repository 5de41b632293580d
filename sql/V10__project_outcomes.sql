-- What became of a project after its event. Every record is kept: the newest (recorded_at, id) is the project's
-- current outcome, the others its history. Impact is optional; when given it has a kind, a value and whether the
-- value is an estimate or measured.
CREATE TABLE project_outcomes (
  id               bigserial PRIMARY KEY,
  pitch_id         bigint NOT NULL REFERENCES pitches (id) ON DELETE CASCADE,
  kind             text NOT NULL CHECK (kind IN ('shipped', 'roadmap', 'lab', 'spun_off', 'parked')),
  happened_on      date NOT NULL,
  link             text CHECK (link IS NULL OR length(link) <= 2000),
  note             text NOT NULL DEFAULT '' CHECK (length(note) <= 5000),
  impact_kind      text CHECK (impact_kind IN ('hours_saved', 'cost_avoided', 'revenue', 'customers_reached')),
  impact_value     numeric(14, 2) CHECK (impact_value >= 0),
  impact_estimated boolean,
  recorded_by      bigint NOT NULL REFERENCES people (id),
  recorded_at      timestamptz NOT NULL DEFAULT clock_timestamp(),
  CONSTRAINT project_outcomes_impact CHECK (
    (impact_kind IS NULL) = (impact_value IS NULL) AND (impact_kind IS NULL) = (impact_estimated IS NULL))
);
CREATE INDEX project_outcomes_pitch ON project_outcomes (pitch_id, recorded_at DESC, id DESC);
CREATE INDEX project_outcomes_kind ON project_outcomes (kind, happened_on DESC);
