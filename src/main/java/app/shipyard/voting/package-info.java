/**
 * Voting rounds of an event's demo session: organisers create, open, close and reveal rounds with their categories
 * and ballot type; people vote over HTTP with idempotent vote ids. The rules are pure classes a test drives without
 * a server ({@link app.shipyard.voting.BallotRules}, {@link app.shipyard.voting.Standings},
 * {@link app.shipyard.voting.Visibility}); the database enforces one ballot per voter per category, projects of the
 * round's event only, and the open window and points at commit (see {@code sql/V5__voting.sql} and
 * {@link app.shipyard.voting.VotingLocks}). Ballots are secret: no route says who voted for whom.
 */
package app.shipyard.voting;
