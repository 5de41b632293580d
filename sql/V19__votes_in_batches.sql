-- Votes written in batches (issue 10: the vote path measured ~2.5 ms of PostgreSQL CPU per vote, ~450 votes/s, on
-- a 2-core machine whose raw single-row insert rate was ~8,000/s). What cost it, from perf profiles of pgbench runs:
-- about 25 statements per vote (7 round trips, the row-level deferred checks twice per ballot, 8 foreign-key
-- checks, a dynamically planned insight trigger), and plans cached while the ballot tables were nearly empty: the
-- foreign-key and check lookups kept scanning ballots sequentially as a round filled, and the commit check joined
-- people by a merge join over the whole people index.
--
-- Now a batch of votes is one call of voting_cast: the round locks, every rule, and set-based inserts of ballots,
-- choices, audit lines and receipts, so the statements are paid once per batch, not once per vote. The application
-- forms the batches (voting/VoteBatcher): a vote waits only while the batches before it are in flight.
--
-- The round's open window is kept with an advisory lock instead of a share lock on the round row (many sharers of
-- one row take a new MultiXact each): a vote holds the round's lock shared until it commits (voting_cast, and the
-- commit-time check of ballots written by hand), and any change to an open round takes it exclusively
-- (voting_rounds_closing), so a close waits for the votes in flight and no vote commits after it. Lock order, added
-- to the codebase's: a vote takes the round locks first (ascending round id), then rows; an organiser takes the
-- round row FOR NO KEY UPDATE (which does not wait for the votes' foreign-key share locks), then the round lock.

-- The namespace of the round locks (first key of the two-key advisory locks): "Vote" in ASCII.
CREATE FUNCTION voting_lock_space() RETURNS integer LANGUAGE sql IMMUTABLE AS 'SELECT 1450144869';

-- A close's time, when it was "now", is taken once the votes it waited for committed: no ballot is cast after it.
-- A scheduled close keeps its closing time (votes from then on are refused).
CREATE FUNCTION voting_round_closing() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.state = 'open' THEN
    PERFORM pg_advisory_xact_lock(voting_lock_space(), (OLD.id % 2147483647)::integer);
    IF NEW.state = 'closed' AND NEW.closed_at IS DISTINCT FROM OLD.closes_at THEN
      NEW.closed_at := greatest(NEW.closed_at, clock_timestamp());
    END IF;
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER voting_rounds_closing BEFORE UPDATE ON voting_rounds
  FOR EACH ROW EXECUTE FUNCTION voting_round_closing();

-- The commit-time check of a ballot written by hand (see sql/V5, V12): as before, with the round lock instead of the
-- round row's share lock, and lookups by key only. Skipped in a transaction of voting_cast, which checks its
-- ballots itself under the same lock.
CREATE OR REPLACE FUNCTION voting_check_ballot(checked bigint) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  written record;
  rules record;
  spent record;
BEGIN
  IF current_setting('shipyard.votes_checked', true) = 'on' THEN
    RETURN;
  END IF;
  SELECT b.round_id, b.voter_id INTO written FROM ballots b WHERE b.id = checked;
  IF NOT FOUND THEN
    RETURN;
  END IF;
  PERFORM pg_advisory_xact_lock_shared(voting_lock_space(), (written.round_id % 2147483647)::integer);
  SELECT r.state, r.ballot, r.ballot_points, r.project_points, r.rank_size, r.closes_at, r.location_id,
         (SELECT p.location_id FROM people p WHERE p.id = written.voter_id) AS voter_location INTO rules
    FROM voting_rounds r WHERE r.id = written.round_id;
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

-- Casts a batch of votes: vote k is (p_round[k], p_category[k], p_voter[k], p_vote[k], p_fingerprint[k]) with the
-- choices whose c_vote is k (c_rank 0: unranked). At most one vote per (category, voter) in a batch. One row per vote,
-- its answer: 'written' with its outcome ('recorded', 'changed') and receipt time; 'repeated' for a vote id already
-- recorded for the same vote, with that receipt's outcome and time; or a refusal code: those of voting/Refusal in
-- lower case, 'not_found' (no such round), 'category' (not a category of the round), 'project' (a project not in
-- the round).
-- Meant to run as its own transaction (one statement): its locks and checks hold until that commits.
CREATE FUNCTION voting_cast(p_round bigint[], p_category bigint[], p_voter bigint[], p_vote uuid[],
                            p_fingerprint text[], c_vote integer[], c_pitch bigint[], c_points integer[],
                            c_rank integer[])
RETURNS TABLE (k integer, answer text, outcome text, recorded_at timestamptz) LANGUAGE plpgsql
-- Generic plans: planned once per connection. Custom plans (the planner's choice, the arrays' sizes being known)
-- were re-planned at every call and cost more than the votes.
SET plan_cache_mode = force_generic_plan AS $$
#variable_conflict use_column
DECLARE
  locked_round bigint;
  judged record;
  accepted integer[] := '{}';
  written_k integer[];
  written_id bigint[];
  written_version integer[];
BEGIN
  PERFORM set_config('shipyard.votes_checked', 'on', true);
  FOR locked_round IN SELECT DISTINCT x FROM unnest(p_round) AS x ORDER BY x LOOP
    PERFORM pg_advisory_xact_lock_shared(voting_lock_space(), (locked_round % 2147483647)::integer);
  END LOOP;
  -- Each voter's participation, shared: a team change (FOR UPDATE of that row) waits, so the own-team rule holds.
  PERFORM 1 FROM event_participants ep
    JOIN voting_rounds r ON r.event_id = ep.event_id
    JOIN unnest(p_round, p_voter) AS v (round_id, voter_id) ON v.round_id = r.id AND v.voter_id = ep.person_id
   ORDER BY ep.event_id, ep.person_id FOR SHARE OF ep;

  FOR judged IN
    WITH v AS (SELECT v.*, v.n::integer AS k
                 FROM unnest(p_round, p_category, p_voter, p_vote, p_fingerprint) WITH ORDINALITY
                      AS v (round_id, category_id, voter_id, vote_id, fingerprint, n)),
         c AS (SELECT * FROM unnest(c_vote, c_pitch, c_points, c_rank) AS c (k, pitch_id, points, rank)),
         spent AS (
           SELECT c.k, count(*) AS choices, sum(c.points) AS total, max(c.points) AS most,
                  bool_and(rp.pitch_id IS NOT NULL) AS in_round, bool_or(tm.pitch_id IS NOT NULL) AS own,
                  bool_and(CASE WHEN r.ballot = 'ranked'
                                THEN c.rank BETWEEN 1 AND r.rank_size AND c.points = r.rank_size - c.rank + 1
                                ELSE c.rank = 0 END) AS shaped
             FROM c JOIN v ON v.k = c.k JOIN voting_rounds r ON r.id = v.round_id
             LEFT JOIN voting_round_projects rp ON rp.round_id = v.round_id AND rp.pitch_id = c.pitch_id
             LEFT JOIN team_members tm ON tm.person_id = v.voter_id AND tm.pitch_id = c.pitch_id
            GROUP BY c.k)
    SELECT v.k, s.voter_id AS receipt_voter, s.fingerprint AS receipt_fingerprint, s.outcome AS receipt_outcome,
           s.recorded_at AS receipt_at, v.voter_id, v.fingerprint, CASE
             WHEN s.vote_id IS NOT NULL THEN NULL
             WHEN r.id IS NULL THEN 'not_found'
             WHEN NOT EXISTS (SELECT 1 FROM voting_categories g WHERE g.id = v.category_id AND g.round_id = r.id)
               THEN 'category'
             WHEN r.state = 'draft' THEN 'round_not_open'
             WHEN r.state <> 'open' OR r.closes_at <= clock_timestamp() THEN 'round_closed'
             WHEN r.electorate = 'participants' AND NOT EXISTS (
                    SELECT 1 FROM event_participants ep WHERE ep.event_id = r.event_id AND ep.person_id = v.voter_id)
               THEN 'not_taking_part'
             WHEN r.location_id IS NOT NULL AND r.location_id IS DISTINCT FROM
                    (SELECT p.location_id FROM people p WHERE p.id = v.voter_id) THEN 'not_in_heat'
             WHEN sp.k IS NULL THEN 'budget_exceeded'
             WHEN NOT sp.in_round THEN 'project'
             WHEN NOT r.own_team_allowed AND sp.own THEN 'own_team'
             WHEN sp.total > r.ballot_points OR sp.most > r.project_points OR NOT sp.shaped THEN 'budget_exceeded'
           END AS refusal
      FROM v LEFT JOIN vote_receipts s ON s.vote_id = v.vote_id
      LEFT JOIN voting_rounds r ON r.id = v.round_id
      LEFT JOIN spent sp ON sp.k = v.k
  LOOP
    IF judged.receipt_voter IS NOT NULL THEN
      k := judged.k;
      IF judged.receipt_voter = judged.voter_id AND judged.receipt_fingerprint = judged.fingerprint THEN
        answer := 'repeated'; outcome := judged.receipt_outcome; recorded_at := judged.receipt_at;
      ELSE
        answer := 'vote_id_reused'; outcome := NULL; recorded_at := NULL;
      END IF;
      RETURN NEXT;
    ELSIF judged.refusal IS NOT NULL THEN
      k := judged.k; answer := judged.refusal; outcome := NULL; recorded_at := NULL;
      RETURN NEXT;
    ELSE
      accepted := accepted || judged.k;
    END IF;
  END LOOP;
  IF cardinality(accepted) = 0 THEN
    RETURN;
  END IF;

  -- One ballot per voter and category: a second vote replaces the first where the round allows changes; elsewhere
  -- the insert does nothing and the vote is refused as already voted.
  WITH v AS (SELECT v.*, v.n::integer AS k FROM unnest(p_round, p_category, p_voter) WITH ORDINALITY
                                                 AS v (round_id, category_id, voter_id, n)
              WHERE v.n = ANY (accepted)),
       w AS (INSERT INTO ballots AS b (round_id, category_id, voter_id)
             SELECT v.round_id, v.category_id, v.voter_id FROM v ORDER BY v.category_id, v.voter_id
             ON CONFLICT ON CONSTRAINT ballots_one_per_voter
             DO UPDATE SET version = b.version + 1, changed_at = clock_timestamp()
                   WHERE (SELECT r.changes_allowed FROM voting_rounds r WHERE r.id = b.round_id)
             RETURNING b.id, b.category_id, b.voter_id, b.version)
  SELECT array_agg(v.k), array_agg(w.id), array_agg(w.version) INTO written_k, written_id, written_version
    FROM w JOIN v ON v.category_id = w.category_id AND v.voter_id = w.voter_id;

  FOR judged IN SELECT a.k FROM unnest(accepted) AS a (k) WHERE a.k <> ALL (coalesce(written_k, '{}')) LOOP
    k := judged.k; answer := 'already_voted'; outcome := NULL; recorded_at := NULL;
    RETURN NEXT;
  END LOOP;
  IF written_k IS NULL THEN
    RETURN;
  END IF;

  DELETE FROM ballot_choices bc USING unnest(written_id, written_version) AS w (id, version)
   WHERE w.version > 1 AND bc.ballot_id = w.id;
  INSERT INTO ballot_choices (ballot_id, round_id, pitch_id, points, rank)
  SELECT w.id, p_round[w.k], c.pitch_id, c.points, nullif(c.rank, 0)
    FROM unnest(written_k, written_id) AS w (k, id)
    JOIN unnest(c_vote, c_pitch, c_points, c_rank) AS c (k, pitch_id, points, rank) ON c.k = w.k;
  INSERT INTO voting_audit (actor_id, action, round_id, category_id)
  SELECT p_voter[w.k], CASE WHEN w.version > 1 THEN 'vote.changed' ELSE 'vote.recorded' END, p_round[w.k],
         p_category[w.k]
    FROM unnest(written_k, written_version) AS w (k, version);
  -- A close at the closing time itself: what is written must commit before it (the scheduler's close waits for the
  -- round lock this transaction holds).
  IF EXISTS (SELECT 1 FROM voting_rounds r WHERE r.id = ANY (p_round) AND r.closes_at <= clock_timestamp()) THEN
    RAISE EXCEPTION 'votes of this batch would commit after their round''s closing time' USING ERRCODE = 'VT001';
  END IF;
  RETURN QUERY
  WITH s AS (INSERT INTO vote_receipts AS s (vote_id, voter_id, round_id, category_id, fingerprint, outcome)
             SELECT p_vote[w.k], p_voter[w.k], p_round[w.k], p_category[w.k], p_fingerprint[w.k],
                    CASE WHEN w.version > 1 THEN 'changed' ELSE 'recorded' END
               FROM unnest(written_k, written_version) AS w (k, version)
             RETURNING s.vote_id, s.outcome, s.recorded_at)
  SELECT w.k, 'written', s.outcome, s.recorded_at
    FROM s JOIN unnest(written_k) AS w (k) ON p_vote[w.k] = s.vote_id;
END $$;

-- Insights: ballots no longer mark their event stale one statement at a time (that trigger planned a dynamic query
-- per vote); the events of open rounds are refreshed each time (votes arrive there), and a round's own changes
-- (opened, closed, deleted) mark its event, so the facts are exact after the close.
DROP TRIGGER insight_ballots_insert ON ballots;
DROP TRIGGER insight_ballots_update ON ballots;
DROP TRIGGER insight_ballots_delete ON ballots;
CREATE TRIGGER insight_voting_rounds_update AFTER UPDATE ON voting_rounds
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION insight_follow();
CREATE TRIGGER insight_voting_rounds_delete AFTER DELETE ON voting_rounds
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION insight_follow();

CREATE OR REPLACE FUNCTION insight_refresh_stale() RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  e bigint;
  n integer := 0;
BEGIN
  FOR e IN WITH taken AS (DELETE FROM insight_stale RETURNING event_id)
           SELECT event_id FROM taken
            UNION SELECT r.event_id FROM voting_rounds r WHERE r.state = 'open'
            ORDER BY 1 LOOP
    PERFORM insight_refresh(e);
    n := n + 1;
  END LOOP;
  RETURN n;
END $$;

-- Open live connections follow their person: signed out everywhere (a new session epoch) or a role added or taken
-- away, every instance closes that person's websockets (4002) and the reconnect's handshake decides again what they
-- may see (live/LiveHub). One notice per statement and at most 500 people (a NOTIFY payload is at most 8,000 bytes).
CREATE FUNCTION live_notify_people(ids bigint[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  first integer := 1;
BEGIN
  WHILE first <= coalesce(cardinality(ids), 0) LOOP
    PERFORM pg_notify('shipyard_live', json_build_object('topic', 'people', 'people', ids[first:first + 499])::text);
    first := first + 500;
  END LOOP;
END $$;

CREATE FUNCTION live_people_signed_out() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM live_notify_people(ARRAY(SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
                                    WHERE n.session_epoch IS DISTINCT FROM o.session_epoch));
  RETURN NULL;
END $$;

CREATE FUNCTION live_roles_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM live_notify_people(ARRAY(SELECT DISTINCT person_id FROM new_rows));
  ELSE
    PERFORM live_notify_people(ARRAY(SELECT DISTINCT person_id FROM old_rows));
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER live_people_signed_out AFTER UPDATE ON people
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION live_people_signed_out();
CREATE TRIGGER live_roles_added AFTER INSERT ON person_roles
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION live_roles_changed();
CREATE TRIGGER live_roles_removed AFTER DELETE ON person_roles
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION live_roles_changed();

-- Tallies kept as votes are written: a live channel read a round's tally at every tick, and summing every ballot of
-- a round grew with its votes (80,000 ballots: tens of milliseconds a read, several reads a second per process).
-- Statement triggers add each statement's change (a batch of votes: one statement) to a row per category and project
-- and a row per category; the rows are taken in key order, so concurrent batches queue rather than deadlock.
CREATE TABLE voting_totals (
  category_id bigint NOT NULL REFERENCES voting_categories (id) ON DELETE CASCADE,
  pitch_id    bigint NOT NULL,
  points      bigint NOT NULL,
  PRIMARY KEY (category_id, pitch_id)
);

CREATE TABLE voting_ballot_counts (
  category_id bigint PRIMARY KEY REFERENCES voting_categories (id) ON DELETE CASCADE,
  ballots     bigint NOT NULL
);

INSERT INTO voting_ballot_counts (category_id, ballots) SELECT category_id, count(*) FROM ballots GROUP BY category_id;
INSERT INTO voting_totals (category_id, pitch_id, points)
SELECT b.category_id, bc.pitch_id, sum(bc.points) FROM ballots b JOIN ballot_choices bc ON bc.ballot_id = b.id
 GROUP BY b.category_id, bc.pitch_id;

-- Ballots counted per category. A category being deleted (its ballots go with it) is skipped: its counts go too.
CREATE FUNCTION voting_count_ballots() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO voting_ballot_counts AS t (category_id, ballots)
    SELECT d.category_id, count(*) FROM new_rows d JOIN voting_categories c ON c.id = d.category_id
     GROUP BY d.category_id ORDER BY d.category_id
    ON CONFLICT (category_id) DO UPDATE SET ballots = t.ballots + excluded.ballots;
  ELSE
    UPDATE voting_ballot_counts t SET ballots = t.ballots - d.n
      FROM (SELECT category_id, count(*) AS n FROM old_rows GROUP BY category_id ORDER BY category_id) d
     WHERE t.category_id = d.category_id;
  END IF;
  RETURN NULL;
END $$;

-- Points per category and project. Choices deleted with their ballot (a category or round being deleted) are
-- skipped: their ballot is gone, and its totals go with the category.
CREATE FUNCTION voting_add_points() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO voting_totals AS t (category_id, pitch_id, points)
    SELECT b.category_id, d.pitch_id, sum(d.points) FROM new_rows d JOIN ballots b ON b.id = d.ballot_id
     GROUP BY b.category_id, d.pitch_id ORDER BY b.category_id, d.pitch_id
    ON CONFLICT (category_id, pitch_id) DO UPDATE SET points = t.points + excluded.points;
  ELSE
    UPDATE voting_totals t SET points = t.points - d.points
      FROM (SELECT b.category_id, o.pitch_id, sum(o.points) AS points FROM old_rows o JOIN ballots b ON b.id = o.ballot_id
             GROUP BY b.category_id, o.pitch_id ORDER BY b.category_id, o.pitch_id) d
     WHERE t.category_id = d.category_id AND t.pitch_id = d.pitch_id;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER voting_ballots_counted AFTER INSERT ON ballots
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION voting_count_ballots();
CREATE TRIGGER voting_ballots_uncounted AFTER DELETE ON ballots
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION voting_count_ballots();
CREATE TRIGGER voting_points_added AFTER INSERT ON ballot_choices
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION voting_add_points();
CREATE TRIGGER voting_points_removed AFTER DELETE ON ballot_choices
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION voting_add_points();
-- Ballots and choices are not updated in place (a changed vote bumps its ballot's version and replaces its choices);
-- an update that would move points or a ballot is refused, so the kept totals cannot drift.
CREATE FUNCTION voting_totals_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'a ballot''s category, voter or choices are not changed in place; replace its choices instead'
    USING ERRCODE = 'VT004';
END $$;
CREATE TRIGGER ballots_fixed BEFORE UPDATE OF category_id, round_id ON ballots
  FOR EACH ROW WHEN (OLD.category_id IS DISTINCT FROM NEW.category_id OR OLD.round_id IS DISTINCT FROM NEW.round_id)
  EXECUTE FUNCTION voting_totals_fixed();
CREATE TRIGGER ballot_choices_fixed BEFORE UPDATE OF ballot_id, pitch_id, points ON ballot_choices
  FOR EACH ROW EXECUTE FUNCTION voting_totals_fixed();
