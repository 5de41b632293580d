-- The home page looks up a person's teams and the pitches they captain across all events.
CREATE INDEX pitches_captain ON pitches (captain_id);
CREATE INDEX team_members_by_person ON team_members (person_id);
