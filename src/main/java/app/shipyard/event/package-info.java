/**
 * Events and what organisers do with them: create and edit an event, move it through its phases, keep its schedule
 * (also exported as iCalendar), and see who takes part and where the event stands (the dashboard). The event is the
 * root of the one lock order every write inside it follows ({@link app.shipyard.event.EventLocks}). A draft is seen
 * only by organisers and admins, and read by leadership ({@link app.shipyard.event.DraftEvents}).
 */
package app.shipyard.event;
