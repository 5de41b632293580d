/**
 * The people directory: find colleagues by name, skill and location.
 */
package app.shipyard.people;
