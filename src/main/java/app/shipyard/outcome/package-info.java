/**
 * Outcomes: what became of a project after its event (shipped, on a roadmap, continued in the lab, spun off, parked),
 * with a date, a link, a note and, where known, its impact. Captains and organisers record them; every record is kept,
 * the newest is the project's current outcome.
 */
package app.shipyard.outcome;
