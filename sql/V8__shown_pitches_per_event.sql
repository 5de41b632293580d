-- An event's pitch count (approved and not hidden: what everyone may see) is read on every event page, event JSON and
-- pitch list. With this partial index it is an index-only count of the event's shown pitches instead of a visit of
-- every pitch row (measured on the benchmark data: 2.1 ms to 0.5 ms for an event of 2,000 pitches).
CREATE INDEX pitches_shown_per_event ON pitches (event_id) WHERE approved AND hidden_reason IS NULL;
