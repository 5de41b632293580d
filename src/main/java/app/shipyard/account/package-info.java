/**
 * Accounts: sign-in with a password or the company identity provider's token, Shipyard's own session tokens, the
 * signed-in person's profile, and the people and reference data (locations, skills) other features read.
 */
package app.shipyard.account;
