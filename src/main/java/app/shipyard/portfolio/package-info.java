/** Portfolios: each person's record across events (projects, roles, skills used) with their own reflections. */
package app.shipyard.portfolio;
