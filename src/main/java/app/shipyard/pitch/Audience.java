package app.shipyard.pitch;

import app.shipyard.identity.Person;
import app.shipyard.identity.Role;

/**
 * Who is looking at pitches. Everyone sees approved pitches that are not hidden; a pitch awaiting approval or
 * hidden by the organisers is seen only by its captain and by organisers (roles organiser or admin; leadership reads
 * what everyone sees). The rule itself is {@code PitchRepository.VISIBLE}, applied in the database by every read and
 * change, and to every route under a pitch by {@link PitchVisibility}.
 */
public record Audience(long personId, boolean organiser) {

  /** Nobody in particular: only what everyone may see. */
  public static final Audience EVERYONE = new Audience(0, false);

  public static Audience of(Person person) {
    return new Audience(person.id(), person.has(Role.ORGANISER) || person.has(Role.ADMIN));
  }

  /** May change the pitch's details and stage: its captain or an organiser. */
  public boolean manages(long captainId) {
    return organiser || personId == captainId;
  }
}
