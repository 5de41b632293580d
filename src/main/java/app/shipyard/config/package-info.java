/**
 * The one typed configuration record, loaded once at start-up from the environment and an optional properties file.
 */
package app.shipyard.config;
