-- Voting rounds, the rest: scheduled opening and closing, heats by location, per-category visibility, tie-break
-- decisions, finalists carried from heats into a final, and published awards. The database keeps:
--   * no ballot committed outside its round's window: the round must be open AND the commit before closes_at, even
--     when the scheduler has not closed the round yet (voting_check_ballot, replaced below);
--   * in a heat (a round with a location) only people of that location vote (same check, VT003);
--   * one tie-break decision per category, naming one of its projects;
--   * one finalist award per project per final, one winner award per project per category.

-- When the scheduler opens and closes a round; either may be left empty (the organiser does it by hand).
ALTER TABLE voting_rounds ADD COLUMN opens_at timestamptz, ADD COLUMN closes_at timestamptz,
  ADD CONSTRAINT voting_rounds_schedule CHECK (opens_at IS NULL OR closes_at IS NULL OR closes_at > opens_at);
-- The scheduler's two questions ("which drafts are due to open, which open rounds are due to close") read these.
CREATE INDEX voting_rounds_due_to_open ON voting_rounds (opens_at) WHERE state = 'draft' AND opens_at IS NOT NULL;
CREATE INDEX voting_rounds_due_to_close ON voting_rounds (closes_at) WHERE state = 'open' AND closes_at IS NOT NULL;

-- A category may override its round's visibility (e.g. one category live, another hidden until the reveal). The
-- reveal is then allowed when the round or any category waits for it, which a row check cannot see: the old check is
-- relaxed to "revealed only once closed", and the reveal's rule lives with RoundChange.
ALTER TABLE voting_categories ADD COLUMN visibility text
  CHECK (visibility IN ('live', 'after_voting', 'after_close', 'on_reveal', 'never'));
ALTER TABLE voting_rounds DROP CONSTRAINT voting_rounds_state_times, ADD CONSTRAINT voting_rounds_state_times CHECK (
  (state = 'draft') = (opened_at IS NULL)
  AND (state = 'closed') = (closed_at IS NOT NULL)
  AND (revealed_at IS NULL OR state = 'closed'));

-- An organiser's decision of a tied first place, with the reason; it may be decided again (the newest stands,
-- and every decision is in the audit trail).
CREATE TABLE voting_tie_breaks (
  category_id bigint PRIMARY KEY,
  round_id    bigint NOT NULL,
  pitch_id    bigint NOT NULL,
  reason      text NOT NULL CHECK (length(trim(reason)) BETWEEN 1 AND 500),
  decided_by  bigint NOT NULL REFERENCES people (id),
  decided_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
  FOREIGN KEY (category_id, round_id) REFERENCES voting_categories (id, round_id) ON DELETE CASCADE,
  FOREIGN KEY (round_id, pitch_id) REFERENCES voting_round_projects (round_id, pitch_id) ON DELETE CASCADE
);

-- The heats a final's projects were carried from, and how many of each heat's top places went through.
CREATE TABLE voting_final_heats (
  final_id bigint NOT NULL REFERENCES voting_rounds (id) ON DELETE CASCADE,
  heat_id  bigint NOT NULL REFERENCES voting_rounds (id) ON DELETE CASCADE,
  top      integer NOT NULL CHECK (top BETWEEN 1 AND 50),
  PRIMARY KEY (final_id, heat_id),
  CHECK (final_id <> heat_id)
);

-- Finalists: one award per project per final round (their category is empty, so the category key cannot hold it).
CREATE UNIQUE INDEX awards_one_finalist_per_final ON awards (round_id, pitch_id) WHERE kind = 'finalist';
CREATE INDEX awards_round ON awards (round_id) WHERE round_id IS NOT NULL;

-- The scheduler opens and closes rounds too: such entries have no actor. Organisers' new actions are listed.
ALTER TABLE voting_audit ALTER COLUMN actor_id DROP NOT NULL,
  DROP CONSTRAINT voting_audit_action_check, ADD CONSTRAINT voting_audit_action_check CHECK (action IN (
    'round.created', 'round.opened', 'round.closed', 'round.revealed', 'vote.recorded', 'vote.changed',
    'round.scheduled', 'round.carried', 'category.visibility', 'category.tie_broken', 'awards.published'));

-- The commit-time check of one ballot (see sql/V5): as before, plus the scheduled close (a commit at or after
-- closes_at is outside the window, whether or not the scheduler has run) and the heat's location.
CREATE OR REPLACE FUNCTION voting_check_ballot(checked bigint) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  rules record;
  spent record;
BEGIN
  SELECT r.state, r.ballot, r.ballot_points, r.project_points, r.rank_size, r.closes_at, r.location_id,
         p.location_id AS voter_location INTO rules
    FROM ballots b JOIN voting_rounds r ON r.id = b.round_id JOIN people p ON p.id = b.voter_id
   WHERE b.id = checked FOR SHARE OF r;
  IF NOT FOUND THEN
    RETURN;
  END IF;
  IF rules.state <> 'open' OR (rules.closes_at IS NOT NULL AND clock_timestamp() >= rules.closes_at) THEN
    RAISE EXCEPTION 'ballot % was committed outside its round''s open window', checked USING ERRCODE = 'VT001';
  END IF;
  IF rules.location_id IS NOT NULL AND rules.voter_location IS DISTINCT FROM rules.location_id THEN
    RAISE EXCEPTION 'ballot % was cast in a heat of another location', checked USING ERRCODE = 'VT003';
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
