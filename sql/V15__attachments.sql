-- Attachments: screenshots and PDFs of a project (a pitch), stored in the database with their preview. A file's type
-- is what its content was checked to be; the name is the uploader's, made safe. Each project has at most 20 files: a
-- file takes one of the slots 1..20, and a slot is taken once per project.
CREATE TABLE attachments (
  id           bigserial PRIMARY KEY,
  pitch_id     bigint NOT NULL REFERENCES pitches (id) ON DELETE CASCADE,
  slot         smallint NOT NULL CHECK (slot BETWEEN 1 AND 20),
  media_type   text NOT NULL CHECK (media_type IN ('image/png', 'image/jpeg', 'image/webp', 'image/gif', 'application/pdf')),
  file_name    text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 120),
  caption      text NOT NULL DEFAULT '' CHECK (length(caption) <= 300),
  size_bytes   integer NOT NULL CHECK (size_bytes > 0),
  sha256       text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  width        integer CHECK (width > 0),
  height       integer CHECK (height > 0),
  content      bytea NOT NULL,
  preview_type text CHECK (preview_type IN ('image/png', 'image/jpeg')),
  preview      bytea,
  preview_sha256 text CHECK (preview_sha256 ~ '^[0-9a-f]{64}$'),
  preview_width  integer CHECK (preview_width > 0),
  preview_height integer CHECK (preview_height > 0),
  uploaded_by  bigint NOT NULL REFERENCES people (id),
  uploaded_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
  CONSTRAINT attachments_one_per_slot UNIQUE (pitch_id, slot),
  CONSTRAINT attachments_size_matches CHECK (size_bytes = octet_length(content)),
  -- An image has its dimensions and a preview; a PDF has neither.
  CONSTRAINT attachments_image_has_preview CHECK (
    (media_type = 'application/pdf') = (width IS NULL) AND (width IS NULL) = (height IS NULL)
    AND (width IS NULL) = (preview IS NULL) AND (preview IS NULL) = (preview_type IS NULL)
    AND (preview IS NULL) = (preview_sha256 IS NULL) AND (preview IS NULL) = (preview_width IS NULL)
    AND (preview IS NULL) = (preview_height IS NULL))
);
CREATE INDEX attachments_pitch ON attachments (pitch_id, uploaded_at, id);
-- The bytes are already compressed (PNG, JPEG, WebP, GIF, PDF streams): keep them out of line without trying again.
ALTER TABLE attachments ALTER COLUMN content SET STORAGE EXTERNAL;
ALTER TABLE attachments ALTER COLUMN preview SET STORAGE EXTERNAL;
