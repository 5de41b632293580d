/**
 * What each process keeps in memory so that the busiest pages need almost no database work: the pages of published
 * events and who a session token speaks for. It stays correct by asking: {@link app.shipyard.cache.Clock} reads the
 * database's change clock (migration V21), which moves on in the commit of every change to a published event or to a
 * person, once per request (one small query); what was kept
 * ({@link app.shipyard.cache.Kept}) under an older tick is not used again. So a change is seen by the next request
 * on every instance, and nothing needs to be told of it.
 */
package app.shipyard.cache;
