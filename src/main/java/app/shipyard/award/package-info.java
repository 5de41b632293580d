/**
 * Awards: recognitions given to a project. Category winners and finalists come from voting rounds (written by
 * {@code voting} when an organiser publishes a round's awards or carries heats into a final); a judges' prize is given
 * by hand. {@link app.shipyard.award.AwardRepository} holds every read (per event, per project, per set of projects)
 * so that pitch, team, portfolio and showcase pages show the same awards.
 */
package app.shipyard.award;
