package app.shipyard.web;

/** One option of a select or checkbox list on a page: its value, its label and whether it is chosen. */
public record Choice(long id, String name, boolean selected) {}
