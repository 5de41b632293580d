package app.shipyard.voting;

/** What one ballot gives one project: points, and for a ranked ballot its rank (null otherwise). */
public record Choice(long pitchId, int points, Integer rank) {}
