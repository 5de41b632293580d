/**
 * Administration: people and their roles, and importing people from CSV. Admins only.
 */
package app.shipyard.admin;
