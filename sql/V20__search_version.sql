-- The archive search's data version: a value that differs whenever anything a search answers may have changed, so
-- Shipyard can keep answers per (version, query) and never serve one after a change (search/SearchCache).
--
-- Every statement that changes search documents (project_search) or the labels and validity of search filters (an
-- event's title or phase, locations, skills) appends one row here, in the writer's own transaction. A reader's
-- version is (sum of weights, highest v) as its snapshot sees the rows:
-- - committed writers add weight 1 each, so within a snapshot chain the sum only grows: a change is never missed,
--   whatever order concurrent writers commit in (a highest value alone could be taken by an earlier writer that
--   commits later);
-- - v comes from a sequence of its own that no TRUNCATE ... RESTART IDENTITY resets (it belongs to no column), and a
--   TRUNCATE of the documents (a test reset) appends a row, so a version after a truncation is higher than any
--   before it and an old answer is never found again;
-- - search_version_compact() replaces the rows by one of their summed weight (same sum, a new v), so the table stays
--   a few rows long; rows are only ever appended or compacted, so writers never wait on each other here.
CREATE SEQUENCE search_version_seq;

CREATE TABLE search_changes (
  v      bigint PRIMARY KEY DEFAULT nextval('search_version_seq'),
  weight bigint NOT NULL DEFAULT 1 CHECK (weight > 0)
);

-- One row per statement that touched rows (statement triggers also fire for none: those add nothing). Events count
-- when their title or phase changed (the rest that searches read of them moves project_search).
CREATE FUNCTION search_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed boolean;
BEGIN
  -- Each branch names only the transition tables its operation has (plpgsql plans a statement when it first runs).
  IF TG_OP = 'TRUNCATE' THEN
    changed := true;
  ELSIF TG_TABLE_NAME = 'events' THEN
    changed := EXISTS (SELECT 1 FROM new_rows n JOIN old_rows o ON o.id = n.id
                        WHERE (n.title, n.phase) IS DISTINCT FROM (o.title, o.phase));
  ELSIF TG_OP = 'DELETE' THEN
    changed := EXISTS (SELECT 1 FROM old_rows);
  ELSE
    changed := EXISTS (SELECT 1 FROM new_rows);
  END IF;
  IF changed THEN
    INSERT INTO search_changes DEFAULT VALUES;
  END IF;
  RETURN NULL;
END $$;

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['project_search', 'locations', 'skills'] LOOP
    EXECUTE format('CREATE TRIGGER search_changed_%1$s_insert AFTER INSERT ON %1$I REFERENCING NEW TABLE AS new_rows '
                   'FOR EACH STATEMENT EXECUTE FUNCTION search_changed()', t);
    EXECUTE format('CREATE TRIGGER search_changed_%1$s_update AFTER UPDATE ON %1$I REFERENCING OLD TABLE AS old_rows '
                   'NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_changed()', t);
    EXECUTE format('CREATE TRIGGER search_changed_%1$s_delete AFTER DELETE ON %1$I REFERENCING OLD TABLE AS old_rows '
                   'FOR EACH STATEMENT EXECUTE FUNCTION search_changed()', t);
  END LOOP;
END $$;
CREATE TRIGGER search_changed_events_update AFTER UPDATE ON events REFERENCING OLD TABLE AS old_rows
  NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_changed();
CREATE TRIGGER search_changed_project_search_truncate AFTER TRUNCATE ON project_search
  FOR EACH STATEMENT EXECUTE FUNCTION search_changed();

-- Replaces the rows this snapshot sees by one row of their summed weight. A concurrent compaction's DELETE waits for
-- this one and then skips the rows already taken, so the sum is kept; rows appended meanwhile are left alone.
CREATE FUNCTION search_version_compact() RETURNS void LANGUAGE sql AS $$
  WITH taken AS (DELETE FROM search_changes RETURNING weight)
  INSERT INTO search_changes (weight) SELECT sum(weight) FROM taken HAVING count(*) > 0;
$$;

INSERT INTO search_changes DEFAULT VALUES;
