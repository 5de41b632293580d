package app.shipyard.home;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.shipyard.support.Api;
import app.shipyard.support.Events;
import app.shipyard.support.TestShipyard;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the home page as one person sees it: its cards by id, and each card's entries as plain text. */
final class HomeReading {

  private static final Pattern ITEM = Pattern.compile("<li class=\"([^\"]*)\">(.*?)</li>", Pattern.DOTALL);
  private static final Pattern TAG = Pattern.compile("<[^>]+>");

  private final Api api;
  private final Events events;

  private HomeReading(Api api) {
    this.api = api;
    this.events = new Events(api);
  }

  /** Resets the database to the fixture and returns a reader with its API client and event builder. */
  static HomeReading fresh(Vertx vertx) {
    TestShipyard.reset();
    return new HomeReading(new Api(vertx));
  }

  Api api() {
    return api;
  }

  Events events() {
    return events;
  }

  static void sql(String statement, Object... params) {
    TestShipyard.pool().preparedQuery(statement).execute(Tuple.from(params)).await();
  }

  /** The home page as the holder of {@code token} sees it (test people have no password for the sign-in form). */
  String page(String token) {
    HttpResponse<Buffer> response = api.client().get("/").bearerTokenAuthentication(token)
        .putHeader("Accept", "text/html").send().await();
    assertEquals(200, response.statusCode(), response.bodyAsString());
    return response.bodyAsString();
  }

  /** The HTML of the card {@code <section id="...">}, if the page has it. */
  static Optional<String> card(String html, String id) {
    Matcher m = Pattern.compile("<section [^>]*id=\"" + id + "\".*?</section>", Pattern.DOTALL).matcher(html);
    return m.find() ? Optional.of(m.group()) : Optional.empty();
  }

  static String requiredCard(String html, String id) {
    return card(html, id).orElseThrow(() -> new AssertionError("No card #" + id + " in\n" + html));
  }

  /** The card's entries (not its empty-state line), each as its text with the markup taken out and spaces folded. */
  static List<String> entries(String card) {
    List<String> texts = new ArrayList<>();
    Matcher m = ITEM.matcher(card);
    while (m.find()) {
      if (!m.group(1).equals("empty")) {
        texts.add(text(m.group(2)));
      }
    }
    return texts;
  }

  /** The card's empty-state line, if it shows one. */
  static Optional<String> empty(String card) {
    Matcher m = ITEM.matcher(card);
    while (m.find()) {
      if (m.group(1).equals("empty")) {
        return Optional.of(text(m.group(2)));
      }
    }
    return Optional.empty();
  }

  /** Text as a person reads it: tags removed, the few entities our templates produce decoded, spaces folded. */
  static String text(String html) {
    return TAG.matcher(html).replaceAll(" ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
        .replace("&#x27;", "'").replace("&#x3D;", "=").replace("&amp;", "&").replaceAll("\\s+", " ").trim()
        .replace(" ,", ",").replace(" :", ":").replace(" .", ".");
  }
}
