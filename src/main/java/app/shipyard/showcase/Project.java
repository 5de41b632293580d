package app.shipyard.showcase;

import app.shipyard.event.Phase;
import app.shipyard.outcome.Outcome;
import app.shipyard.outcome.ProjectGuard;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * A project's page in the showcase: the pitch and its event, its team, its demo links, its awards and its outcomes
 * (newest first: the first is the current one). {@code shown} is false for a pitch only its captain and organisers see.
 */
public record Project(long id, long eventId, String eventTitle, String eventKind, Phase phase, LocalDate eventStartsOn,
                      long captainId, String title, String summary, String problem, String idea, String stage,
                      boolean shown, List<String> skills, List<String> pitchLinks, List<Member> team,
                      List<Link> links, List<ShowcaseAward> awards, List<Outcome> outcomes) {

  public record Member(long id, String displayName, String department, String location, boolean captain) {}

  /** A demo link: {@code video}, {@code repository}, {@code slides} or {@code other}. */
  public record Link(long id, String kind, String url, String label) {

    public String text() {
      return label.isEmpty() ? url : label;
    }
  }

  public boolean published() {
    return ProjectGuard.published(phase);
  }

  /** The current outcome, or null when none was recorded. */
  public Outcome outcome() {
    return outcomes.isEmpty() ? null : outcomes.get(0);
  }

  /** The title as a URL slug ({@code carbon-bot}); {@code /projects/{id}-{slug}} redirects to the canonical URL. */
  public String slug() {
    return slug(title);
  }

  static String slug(String text) {
    String ascii = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    return slug.length() > 60 ? slug.substring(0, 60).replaceAll("-$", "") : slug;
  }
}
