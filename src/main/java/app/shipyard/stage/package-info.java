/**
 * The demo session: an event's running order of demo slots (one per team), the on-stage slot and its clock, and the
 * screens that follow it: the organisers' control room, the projector view and the phone voting page. The pure rules
 * are {@link app.shipyard.stage.RunningOrder} (the moves) and {@link app.shipyard.stage.SlotClock} (elapsed time with
 * pauses); {@link app.shipyard.stage.StagePart} hands the state to the live channel.
 */
package app.shipyard.stage;
