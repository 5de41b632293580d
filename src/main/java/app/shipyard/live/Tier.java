package app.shipyard.live;

/**
 * Who a live connection is, for what it may be sent: the people who run the event's rounds (organisers and admins,
 * not asking for the public view) see drafts, every tally and the turnout; everyone else sees what a participant
 * does. Each tier has its own sequence of update frames on a channel, so neither sees a gap for frames meant only
 * for the other.
 */
enum Tier {
  ORGANISERS, EVERYONE
}
