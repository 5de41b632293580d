/**
 * Teams: joining (directly or by request to the captain), leaving, handing over captaincy, free agents, mentors,
 * explained skill matching ({@link app.shipyard.team.MatchRanking}) and the organisers' auto-placement suggestion
 * ({@link app.shipyard.team.PlacementPlanner}). Every team change goes through {@link app.shipyard.team.Membership}.
 */
package app.shipyard.team;
