package app.shipyard.team;

/** A person as team pages show them: name, department and location name ("" when unknown). */
public record Someone(long id, String displayName, String department, String location) {}
