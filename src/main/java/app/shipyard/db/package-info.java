/**
 * PostgreSQL: the pool, Flyway migrations, the embedded server for the two-command start, and SQLSTATE classification.
 */
package app.shipyard.db;
