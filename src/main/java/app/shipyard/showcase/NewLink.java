package app.shipyard.showcase;

import app.shipyard.pitch.PitchDetails;
import app.shipyard.web.Input;
import java.util.Set;

/** A demo link as a captain or organiser sends it. */
record NewLink(String kind, String url, String label) {

  private static final Set<String> KINDS = Set.of("video", "repository", "slides", "other");

  static NewLink read(Input input) {
    String kind = input.required("kind", 20);
    if (!kind.isEmpty() && !KINDS.contains(kind)) {
      input.problem("kind", "must be video, repository, slides or other");
    }
    String url = input.required("url", 2000);
    if (!url.isEmpty() && !PitchDetails.isWebAddress(url)) {
      input.problem("url", "must be an http or https address");
    }
    String label = input.optional("label", 120);
    input.check();
    return new NewLink(kind, url, label);
  }
}
