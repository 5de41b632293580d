-- People, their roles, the offices they work from and the skills they have.

CREATE TABLE locations (
  id        serial PRIMARY KEY,
  name      text NOT NULL,
  time_zone text NOT NULL,
  remote    boolean NOT NULL DEFAULT false,
  CONSTRAINT locations_name_not_blank CHECK (length(trim(name)) > 0)
);
CREATE UNIQUE INDEX locations_name_key ON locations (lower(name));

CREATE TABLE skills (
  id   serial PRIMARY KEY,
  name text NOT NULL,
  CONSTRAINT skills_name_length CHECK (length(trim(name)) BETWEEN 1 AND 60)
);
CREATE UNIQUE INDEX skills_name_key ON skills (lower(name));

CREATE TABLE people (
  id               bigserial PRIMARY KEY,
  email            text NOT NULL,
  display_name     text NOT NULL,
  department       text NOT NULL DEFAULT '',
  location_id      integer REFERENCES locations (id),
  bio              text NOT NULL DEFAULT '',
  password_hash    text,
  external_issuer  text,
  external_subject text,
  session_epoch    integer NOT NULL DEFAULT 0,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT people_email_shape CHECK (email ~ '^[^@\s]+@[^@\s]+$' AND length(email) <= 254),
  CONSTRAINT people_name_length CHECK (length(trim(display_name)) BETWEEN 1 AND 100),
  CONSTRAINT people_bio_length CHECK (length(bio) <= 2000)
);
CREATE UNIQUE INDEX people_email_key ON people (lower(email));
CREATE UNIQUE INDEX people_external_key ON people (external_issuer, external_subject)
  WHERE external_subject IS NOT NULL;
CREATE INDEX people_name_search ON people (lower(display_name));

CREATE TABLE person_roles (
  person_id bigint NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  role      text NOT NULL CHECK (role IN ('employee', 'organiser', 'leadership', 'admin')),
  PRIMARY KEY (person_id, role)
);

CREATE TABLE person_skills (
  person_id bigint NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  skill_id  integer NOT NULL REFERENCES skills (id),
  PRIMARY KEY (person_id, skill_id)
);
CREATE INDEX person_skills_skill ON person_skills (skill_id);

-- Every sign-in attempt, so that repeated failures can be slowed down per account and per address.
CREATE TABLE sign_in_attempts (
  id           bigserial PRIMARY KEY,
  email        text NOT NULL,
  address      text NOT NULL,
  succeeded    boolean NOT NULL,
  attempted_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sign_in_attempts_email ON sign_in_attempts (lower(email), attempted_at) WHERE NOT succeeded;
CREATE INDEX sign_in_attempts_address ON sign_in_attempts (address, attempted_at) WHERE NOT succeeded;
