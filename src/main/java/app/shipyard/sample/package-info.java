/**
 * The sample company (Northwind Labs) loaded into an empty embedded database on first start, with its people and events,
 * so that a newcomer sees a living platform. Not to be confused with an event's demo session.
 */
package app.shipyard.sample;
