package app.shipyard.web;

/** What is wrong with one field of a form or request, as pages list it. */
public record FieldProblem(String field, String problem) {}
