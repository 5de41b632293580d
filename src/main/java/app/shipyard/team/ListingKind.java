package app.shipyard.team;

import app.shipyard.event.EventLocks;
import app.shipyard.event.Phase;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A kind of listing, where a person lists themselves for an event with skills and a text: free agents and mentors.
 * The kinds differ only in what this record holds; {@link ListingRepository} and {@link ListingRoutes} do the rest.
 *
 * @param table      the listings table ({@code event_id, person_id, <text>, created_at})
 * @param skillTable the listing's skills ({@code event_id, person_id, skill_id})
 * @param text       the text's column, form field and JSON key
 * @param openIn     the phases in which people may list themselves or update their listing
 * @param closed     the refusal in any other phase
 * @param admit      what listing takes besides the phase, inside the listing's transaction
 * @param notListed  what is "not found" when someone removes a listing they do not have
 * @param make       builds one listing from a row
 */
public record ListingKind<T extends ListedPerson>(String table, String skillTable, String text, Predicate<Phase> openIn,
                                        Function<Phase, String> closed, Admission admit, String notListed,
                                        Maker<T> make) {

  /** Free agents: only while teams can change, and only by someone not on a team (holding the lock joining takes). */
  public static final ListingKind<FreeAgent> FREE_AGENTS = new ListingKind<>("free_agents", "free_agent_skills", "wants",
      Phase::teamsOpen,
      phase -> "Free agents can list themselves while teams can still change; the event is in " + phase.label() + ".",
      (tx, eventId, personId) -> Membership.lockWithoutTeam(tx, eventId, personId,
          "You are already on a team in this event, so you cannot list yourself as a free agent."),
      "Your free-agent listing", FreeAgent::new);

  /** Mentors: until the event reaches Results, whether or not they are on a team. */
  public static final ListingKind<Mentor> MENTORS = new ListingKind<>("mentors", "mentor_skills", "note",
      phase -> phase != Phase.RESULTS && phase != Phase.ARCHIVED,
      phase -> "Mentors can offer help until the event reaches Results; it is in " + phase.label() + ".",
      EventLocks::ensureParticipant,
      "Your mentor listing", Mentor::new);

  /** Checks and records that the person may list themselves; fails with the refusal otherwise. */
  @FunctionalInterface
  public interface Admission {
    Future<Void> admit(SqlConnection tx, long eventId, long personId);
  }

  @FunctionalInterface
  public interface Maker<T> {
    T make(Someone person, List<String> skills, String text, Instant listedAt);
  }
}
