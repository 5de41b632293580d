/**
 * Voting rounds of an event's demo session: organisers create, open, close and reveal rounds with their categories
 * and ballot type, schedule them ({@link app.shipyard.voting.RoundClock} opens and closes them on time, once per
 * process), give a category its own visibility, break a tied first place with a reason, carry the top projects of
 * heats (rounds of one location) into a final, and publish the results as awards; people vote over HTTP with
 * idempotent vote ids. The rules are pure classes a test drives without a server
 * ({@link app.shipyard.voting.BallotRules}, {@link app.shipyard.voting.Standings},
 * {@link app.shipyard.voting.Visibility}, {@link app.shipyard.voting.Tally.CategoryTally#top}); the database enforces
 * one ballot per voter per category, projects of the round's event only, and at commit the open window (including a
 * scheduled close), a heat's location and the points (see {@code sql/V5__voting.sql}, {@code sql/V12} and
 * {@link app.shipyard.voting.VotingLocks}). Ballots are secret: no route says who voted for whom.
 */
package app.shipyard.voting;
