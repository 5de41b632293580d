package app.shipyard.identity;

/** An office or site taking part in events, with its time zone; "remote" is a location too. */
public record Location(int id, String name, String timeZone, boolean remote) {}
