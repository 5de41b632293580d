/**
 * Who someone is on Shipyard: the {@link app.shipyard.identity.Person} (with their {@link app.shipyard.identity.Role roles} and
 * {@link app.shipyard.identity.Location}). It depends on nothing, so the web layer and every feature can share it.
 */
package app.shipyard.identity;
