package app.shipyard.search;

import java.util.List;

/**
 * One project found. {@code titleHtml} and {@code snippet} are safe HTML: escaped text with {@code <mark>} around
 * the words that matched (see {@link Highlight}).
 */
public record Hit(long id, String title, String titleHtml, String snippet, long eventId, String eventTitle, int year,
                  String kind, List<String> tags, List<String> skills, List<Award> awards, String outcome) {

  public Hit {
    tags = List.copyOf(tags);
    skills = List.copyOf(skills);
    awards = List.copyOf(awards);
  }

  /** An award the project won: its kind (winner, finalist, prize) and title. */
  public record Award(String kind, String title) {}

  public String outcomeLabel() {
    return outcome == null ? null : Facet.label(outcome);
  }

  /** The project's page in the showcase. */
  public String url() {
    return "/projects/" + id;
  }
}
