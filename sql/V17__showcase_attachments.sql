-- A project's screenshots and documents are part of its showcase page: an upload or a deletion raises the event's
-- showcase version (see V13), so the page's ETag changes with them. Its own function: the generic one reads the row as
-- JSON, which would encode the whole file.
CREATE FUNCTION showcase_attachment_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM showcase_touch((SELECT event_id FROM pitches
                           WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.pitch_id ELSE NEW.pitch_id END), false);
  RETURN NULL;
END $$;
CREATE TRIGGER showcase_attachments AFTER INSERT OR DELETE OR UPDATE OF caption ON attachments
  FOR EACH ROW EXECUTE FUNCTION showcase_attachment_changed();
