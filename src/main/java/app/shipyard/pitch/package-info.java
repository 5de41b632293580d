/**
 * Pitches and what happens around them: details, approval, edits with their history, hiding by organisers,
 * interest marks, comments, a lab project's stages, and the event's pitch list (sorted, filtered and paged by keyset).
 * Who may see a pitch is decided by {@link app.shipyard.pitch.Audience}; every change starts with {@code PitchGuard}'s
 * row locks.
 */
package app.shipyard.pitch;
