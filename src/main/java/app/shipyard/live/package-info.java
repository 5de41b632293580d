/**
 * An event's live channel: one WebSocket per browser ({@code GET /api/events/{id}/live}), a snapshot on connect and
 * numbered updates after it. Writers announce changes with {@link app.shipyard.db.LiveNotice} (PostgreSQL
 * {@code NOTIFY} inside their transaction, so every instance hears them iff they commit); features contribute
 * viewer-independent state as {@link app.shipyard.live.LivePart}s.
 *
 * <p>The feed, from the database to the sockets:
 * <ul>
 *   <li>{@link app.shipyard.live.LiveFeed}, once per process: the one {@code LISTEN}; hands notices to the hubs on
 *       the local event bus (one consumer per hub, none per socket); once per tick one {@code NOTIFY} naming the
 *       rounds that got votes in this process (votes never notify in their own transaction, which would serialise
 *       commits); every 2 s one with its socket count per event, so that turnout counts every instance (it is also
 *       the process's heartbeat: when another process falls silent, perhaps killed before announcing its last votes,
 *       every tally is read again); after each (re)subscription it tells the hubs to catch up, since a missed
 *       {@code NOTIFY} is never replayed.
 *   <li>{@code LiveHub}, once per HTTP verticle instance: owns that instance's sockets and one {@code Channel} per
 *       event watched there; its tick (50 ms to 2 s: its sockets / 20,000 frames a second) re-reads each voted
 *       round's tally once.
 *   <li>{@code Channel}: an event's state (event, rounds, tallies, parts) and sockets on one hub; changes run one after
 *       the other; each update frame is built and encoded once per audience key and the same bytes written to every
 *       socket of the key; each {@code Tier} (organisers, everyone else) has its own sequence numbers.
 *   <li>{@code LiveSocket}: one connection; skips frames while its write queue is full and gets a snapshot once it
 *       drains. {@code LiveMessages} reads what clients send (rate limited, size limited, never an exception) and
 *       casts votes through {@link app.shipyard.voting.VoteRepository#cast}, as HTTP does.
 * </ul>
 * {@link app.shipyard.live.LiveMeters}, once per process, counts sockets, frames, broadcasts, ticks and refused
 * handshakes into the metrics registry ({@code shipyard_live_*}).
 */
package app.shipyard.live;
