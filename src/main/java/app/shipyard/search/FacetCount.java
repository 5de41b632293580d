package app.shipyard.search;

/** How many projects one value of a facet would give (see {@code SearchSql}), and whether it is chosen. */
public record FacetCount(Facet facet, String value, String label, long count, boolean chosen) {}
