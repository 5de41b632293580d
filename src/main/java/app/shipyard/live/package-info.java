/**
 * An event's live channel: one WebSocket per browser, a snapshot on connect and numbered updates after it. Writers
 * announce changes with {@link app.shipyard.live.LiveNotice} (PostgreSQL {@code NOTIFY}, so every instance hears
 * them); features contribute viewer-independent state as {@link app.shipyard.live.LivePart}s.
 */
package app.shipyard.live;
