package app.shipyard.voting;

/** A project's place in one category: equal points share a place, and such projects are {@code tied}. */
public record Standing(long pitchId, String title, long points, int place, boolean tied) {}
