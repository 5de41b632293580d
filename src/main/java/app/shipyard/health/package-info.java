/**
 * The health check load balancers and operators read: is the server up, and can it reach its database.
 */
package app.shipyard.health;
