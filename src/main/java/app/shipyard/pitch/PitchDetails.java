package app.shipyard.pitch;

import app.shipyard.web.Input;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/** What a captain writes about a pitch, read and checked the same way from the API and the forms. */
public record PitchDetails(String title, String summary, String problem, String idea, int capacity,
                           List<String> skills, List<String> tags, List<String> links, List<Integer> locationIds,
                           boolean remoteOk) {

  static final int MAX_LINKS = 10;
  static final int MAX_LINK_LENGTH = 500;

  /** Reads the details; an absent {@code capacity} becomes {@code defaultCapacity}. */
  public static PitchDetails read(Input input, int defaultCapacity) {
    String title = input.required("title", 120);
    String summary = input.required("summary", 200);
    String problem = input.optional("problem", 10000);
    String idea = input.optional("idea", 10000);
    int capacity = input.integer("capacity", defaultCapacity, 1, 50);
    List<String> skills = input.list("skills", 20, 60);
    List<String> tags = withoutCaseDuplicates(input.list("tags", 10, 30));
    List<String> links = links(input);
    List<Integer> locations = input.ids("locationIds", 20);
    boolean remoteOk = input.bool("remoteOk");
    input.check();
    return new PitchDetails(title, summary, problem, idea, capacity, skills, tags, links, locations, remoteOk);
  }

  /** http(s) addresses with a host; a form may put several in one field, one per line or comma separated. */
  private static List<String> links(Input input) {
    List<String> links = input.list("links", 50, 2000).stream()
        .flatMap(entry -> Arrays.stream(entry.split("\\s+"))).filter(s -> !s.isEmpty()).distinct().toList();
    if (links.size() > MAX_LINKS) {
      input.problem("links", "may have at most " + MAX_LINKS + " entries");
    }
    for (String link : links) {
      if (link.length() > MAX_LINK_LENGTH) {
        input.problem("links", "entries must be at most " + MAX_LINK_LENGTH + " characters");
      } else if (!isWebAddress(link)) {
        input.problem("links", "'" + link + "' is not an http or https address");
      }
    }
    return links;
  }

  public static boolean isWebAddress(String link) {
    try {
      URI uri = new URI(link);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && !uri.getHost().isBlank();
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static List<String> withoutCaseDuplicates(List<String> values) {
    TreeSet<String> seen = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    List<String> kept = new ArrayList<>();
    values.stream().filter(seen::add).forEach(kept::add);
    return kept;
  }
}
