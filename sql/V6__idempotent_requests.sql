-- Writes that create something accept an Idempotency-Key: the first answer is kept for a day and given again to a
-- repeat. The primary key settles concurrent repeats: exactly one request claims (person, key) and runs; status and
-- body stay null while it runs.
CREATE TABLE idempotent_requests (
  person_id   bigint NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  idem_key    text NOT NULL CHECK (length(idem_key) BETWEEN 1 AND 255),
  method      text NOT NULL,
  path        text NOT NULL,
  fingerprint text NOT NULL,
  status      integer CHECK (status BETWEEN 100 AND 599),
  body        text,
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (person_id, idem_key),
  CONSTRAINT idempotent_requests_answered CHECK ((status IS NULL) = (body IS NULL))
);
CREATE INDEX idempotent_requests_created ON idempotent_requests (created_at);
