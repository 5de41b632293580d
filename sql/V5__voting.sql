-- Voting rounds of an event: their categories, the projects on the ballot, ballots and their choices, receipts
-- that make a re-sent vote idempotent, and the audit trail. The database keeps the integrity of the vote:
--   * one ballot per voter per category (ballots_one_per_voter);
--   * a ballot names only projects of its round, and a round's projects only pitches of the round's event
--     (composite foreign keys down to pitches (id, event_id));
--   * at commit, every ballot written in the transaction is checked against its round: the round must be open
--     and the ballot within its points (voting_check_ballot, run by deferred constraint triggers).

-- Lets a round's projects reference (pitch, event) pairs.
ALTER TABLE pitches ADD CONSTRAINT pitches_id_event_key UNIQUE (id, event_id);

CREATE TABLE voting_rounds (
  id               bigserial PRIMARY KEY,
  event_id         bigint NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  title            text NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 120),
  ballot           text NOT NULL CHECK (ballot IN ('single', 'budget', 'ranked')),
  budget_points    integer CHECK (budget_points BETWEEN 1 AND 100),
  max_per_project  integer CHECK (max_per_project >= 1),
  rank_size        integer CHECK (rank_size BETWEEN 1 AND 10),
  electorate       text NOT NULL DEFAULT 'participants' CHECK (electorate IN ('participants', 'employees')),
  own_team_allowed boolean NOT NULL DEFAULT false,
  changes_allowed  boolean NOT NULL DEFAULT false,
  visibility       text NOT NULL DEFAULT 'after_close'
                     CHECK (visibility IN ('live', 'after_voting', 'after_close', 'on_reveal', 'never')),
  -- A heat: the round is scoped to one location of the event (used by heats and finals later).
  location_id      integer REFERENCES locations (id),
  state            text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'open', 'closed')),
  created_by       bigint NOT NULL REFERENCES people (id),
  created_at       timestamptz NOT NULL DEFAULT now(),
  opened_at        timestamptz,
  closed_at        timestamptz,
  revealed_at      timestamptz,
  -- The most points one ballot may give in all, and to one project (ranked: Borda, K for first ... 1 for K-th).
  ballot_points    integer GENERATED ALWAYS AS (CASE ballot WHEN 'single' THEN 1 WHEN 'budget' THEN budget_points
                                                  ELSE rank_size * (rank_size + 1) / 2 END) STORED,
  project_points   integer GENERATED ALWAYS AS (CASE ballot WHEN 'single' THEN 1 WHEN 'budget' THEN max_per_project
                                                  ELSE rank_size END) STORED,
  CONSTRAINT voting_rounds_id_event_key UNIQUE (id, event_id),
  CONSTRAINT voting_rounds_ballot_settings CHECK (
    (ballot = 'budget') = (budget_points IS NOT NULL AND max_per_project IS NOT NULL)
    AND (ballot = 'ranked') = (rank_size IS NOT NULL)
    AND (max_per_project IS NULL OR max_per_project <= budget_points)),
  CONSTRAINT voting_rounds_state_times CHECK (
    (state = 'draft') = (opened_at IS NULL)
    AND (state = 'closed') = (closed_at IS NOT NULL)
    AND (revealed_at IS NULL OR (state = 'closed' AND visibility = 'on_reveal')))
);
CREATE INDEX voting_rounds_event ON voting_rounds (event_id, id);

CREATE TABLE voting_categories (
  id       bigserial PRIMARY KEY,
  round_id bigint NOT NULL REFERENCES voting_rounds (id) ON DELETE CASCADE,
  name     text NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 60),
  position integer NOT NULL,
  CONSTRAINT voting_categories_id_round_key UNIQUE (id, round_id),
  CONSTRAINT voting_categories_position_key UNIQUE (round_id, position)
);
CREATE UNIQUE INDEX voting_categories_name_key ON voting_categories (round_id, lower(name));

-- The projects on a round's ballot: pitches of the round's event.
CREATE TABLE voting_round_projects (
  round_id bigint NOT NULL,
  pitch_id bigint NOT NULL,
  event_id bigint NOT NULL,
  PRIMARY KEY (round_id, pitch_id),
  FOREIGN KEY (round_id, event_id) REFERENCES voting_rounds (id, event_id) ON DELETE CASCADE,
  FOREIGN KEY (pitch_id, event_id) REFERENCES pitches (id, event_id) ON DELETE CASCADE
);

-- One voter's ballot in one category. `version` counts the changes of vote (1 = never changed).
CREATE TABLE ballots (
  id          bigserial PRIMARY KEY,
  round_id    bigint NOT NULL,
  category_id bigint NOT NULL,
  voter_id    bigint NOT NULL REFERENCES people (id),
  version     integer NOT NULL DEFAULT 1,
  cast_at     timestamptz NOT NULL DEFAULT clock_timestamp(),
  changed_at  timestamptz,
  CONSTRAINT ballots_id_round_key UNIQUE (id, round_id),
  CONSTRAINT ballots_one_per_voter UNIQUE (category_id, voter_id),
  FOREIGN KEY (category_id, round_id) REFERENCES voting_categories (id, round_id) ON DELETE CASCADE
);
CREATE INDEX ballots_round ON ballots (round_id, category_id);

-- What a ballot gives to each project: points (single 1, budget 1..M, ranked K - rank + 1) and, when ranked, the rank.
CREATE TABLE ballot_choices (
  ballot_id bigint NOT NULL,
  round_id  bigint NOT NULL,
  pitch_id  bigint NOT NULL,
  points    integer NOT NULL CHECK (points >= 1),
  rank      integer CHECK (rank >= 1),
  PRIMARY KEY (ballot_id, pitch_id),
  CONSTRAINT ballot_choices_one_per_rank UNIQUE (ballot_id, rank),
  FOREIGN KEY (ballot_id, round_id) REFERENCES ballots (id, round_id) ON DELETE CASCADE,
  CONSTRAINT ballot_choices_project_in_round FOREIGN KEY (round_id, pitch_id)
    REFERENCES voting_round_projects (round_id, pitch_id) ON DELETE CASCADE
);

-- Every vote id a voter's client sent that was recorded, so that a re-sent vote gets the same answer. The
-- fingerprint is a hash of what was sent (category and choices); choices themselves live only in ballot_choices.
CREATE TABLE vote_receipts (
  vote_id     uuid PRIMARY KEY,
  voter_id    bigint NOT NULL REFERENCES people (id),
  round_id    bigint NOT NULL REFERENCES voting_rounds (id) ON DELETE CASCADE,
  category_id bigint NOT NULL,
  fingerprint text NOT NULL,
  outcome     text NOT NULL CHECK (outcome IN ('recorded', 'changed')),
  recorded_at timestamptz NOT NULL DEFAULT clock_timestamp()
);

-- Who did what when: organisers' actions on rounds and every vote. Never for whom: there is no project column.
CREATE TABLE voting_audit (
  id          bigserial PRIMARY KEY,
  at          timestamptz NOT NULL DEFAULT clock_timestamp(),
  actor_id    bigint NOT NULL REFERENCES people (id),
  action      text NOT NULL CHECK (action IN ('round.created', 'round.opened', 'round.closed', 'round.revealed',
                                              'vote.recorded', 'vote.changed')),
  round_id    bigint NOT NULL REFERENCES voting_rounds (id) ON DELETE CASCADE,
  category_id bigint
);
CREATE INDEX voting_audit_round ON voting_audit (round_id, id);

-- The commit-time check of one ballot. It share-locks the round row, so a close (which takes FOR UPDATE) either
-- waits for this transaction to commit or has committed before, and then the ballot is refused: no ballot is
-- committed outside its round's open window. It also checks the ballot's points against the round's.
CREATE FUNCTION voting_check_ballot(checked bigint) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  rules record;
  spent record;
BEGIN
  SELECT r.state, r.ballot, r.ballot_points, r.project_points, r.rank_size INTO rules
    FROM ballots b JOIN voting_rounds r ON r.id = b.round_id WHERE b.id = checked FOR SHARE OF r;
  IF NOT FOUND THEN
    RETURN;
  END IF;
  IF rules.state <> 'open' THEN
    RAISE EXCEPTION 'ballot % was committed outside its round''s open window', checked USING ERRCODE = 'VT001';
  END IF;
  SELECT count(*) AS choices, coalesce(sum(points), 0) AS total, coalesce(max(points), 0) AS most,
         coalesce(bool_and(CASE WHEN rules.ballot = 'ranked'
                                THEN rank IS NOT NULL AND rank <= rules.rank_size AND points = rules.rank_size - rank + 1
                                ELSE rank IS NULL END), true) AS shaped
    INTO spent FROM ballot_choices WHERE ballot_id = checked;
  IF spent.choices = 0 OR spent.total > rules.ballot_points OR spent.most > rules.project_points OR NOT spent.shaped THEN
    RAISE EXCEPTION 'ballot % gives more points than its round allows', checked USING ERRCODE = 'VT002';
  END IF;
END $$;

CREATE FUNCTION voting_ballot_written() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM voting_check_ballot(NEW.id);
  RETURN NULL;
END $$;

CREATE FUNCTION voting_choice_written() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM voting_check_ballot(NEW.ballot_id);
  RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER ballots_checked_at_commit AFTER INSERT OR UPDATE ON ballots
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION voting_ballot_written();
CREATE CONSTRAINT TRIGGER ballot_choices_checked_at_commit AFTER INSERT OR UPDATE ON ballot_choices
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION voting_choice_written();
