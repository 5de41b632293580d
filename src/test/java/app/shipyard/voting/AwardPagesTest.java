package app.shipyard.voting;

import static app.shipyard.voting.VotingFixture.category;
import static app.shipyard.voting.VotingFixture.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.shipyard.support.Api;
import app.shipyard.support.Fixture;
import app.shipyard.support.TestShipyard;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Bot wins People's Choice outright; Data and Docs tie in Most Innovative. The organiser works through the round
 * page's forms; the awards then show on the project's page, its team page and its people's portfolios.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 120, timeUnit = TimeUnit.SECONDS)
@DisplayName("Awards on pages, and the organiser's forms of the round page")
class AwardPagesTest {

  private VotingFixture f;
  private Api.Browser organiser;
  private Api.Browser emma;
  private String page;

  @BeforeEach
  void setUp(Vertx vertx) {
    f = new VotingFixture(vertx);
    JsonObject round = f.openRound(new JsonObject().put("categories", new JsonArray().add("People's Choice")
        .add("Most Innovative")));
    long id = round.getLong("id");
    String ann = f.voter("Ann One");
    String ben = f.voter("Ben Two");
    f.vote(ann, id, single(category(round, 0), f.bot));
    f.vote(ben, id, single(category(round, 0), f.bot));
    f.vote(ann, id, single(category(round, 1), f.data));
    f.vote(ben, id, single(category(round, 1), f.docs));
    f.change(id, "close");
    page = "/rounds/" + id;
    organiser = f.api.browser().signIn(TestShipyard.ORGANISER);
    emma = f.api.browser().signIn(TestShipyard.EMPLOYEE);
  }

  @Test
  @DisplayName("The organiser breaks the tie and publishes the awards with the round page's forms; others see no tools")
  void forms() {
    String html = organiser.getPage(page).bodyAsString();
    assertTrue(html.contains("First place is tied: decide the winner") && html.contains("Publish the awards"), html);
    assertFalse(emma.getPage(page).bodyAsString().contains("round-tools"));
    long innovative = Fixture.count("SELECT id FROM voting_categories WHERE name = 'Most Innovative'");
    HttpResponse<Buffer> decided = organiser.postForm(page, page + "/categories/" + innovative + "/tie-break",
        MultiMap.caseInsensitiveMultiMap().add("pitchId", String.valueOf(f.docs)).add("reason", "Judges' casting vote"));
    assertEquals(303, decided.statusCode(), decided.bodyAsString());
    String after = emma.getPage(page).bodyAsString();
    assertTrue(after.contains("Tie broken for Docs: Judges&#x27; casting vote"), after);
    assertEquals(403, emma.postForm(page, page + "/awards", MultiMap.caseInsensitiveMultiMap()).statusCode());
    assertEquals(303, organiser.postForm(page, page + "/awards", MultiMap.caseInsensitiveMultiMap()).statusCode());
    assertEquals(2, Fixture.count("SELECT count(*) FROM awards WHERE kind = 'winner'"));
  }

  @Test
  @DisplayName("A published award shows on the project's page, its team page and its captain's portfolio, as HTML and JSON")
  void shown() {
    assertEquals(303, organiser.postForm(page, page + "/awards", MultiMap.caseInsensitiveMultiMap()).statusCode());
    String won = "People&#x27;s Choice · Demo round";
    assertTrue(emma.getPage("/pitches/" + f.bot).bodyAsString().contains(won), "pitch page");
    assertTrue(emma.getPage("/pitches/" + f.bot + "/team").bodyAsString().contains(won), "team page");
    long emmaId = Fixture.personId(TestShipyard.EMPLOYEE);
    String portfolio = emma.getPage("/people/" + emmaId + "/portfolio").bodyAsString();
    assertTrue(portfolio.contains(won) && portfolio.contains("1 awards"), portfolio);

    JsonObject pitch = f.events.get(f.otto, "/api/pitches/" + f.bot).bodyAsJsonObject();
    assertEquals("winner", pitch.getJsonArray("awards").getJsonObject(0).getString("kind"));
    assertEquals("People's Choice · Demo round", pitch.getJsonArray("awards").getJsonObject(0).getString("title"));
    assertEquals(2, pitch.getJsonArray("awards").getJsonObject(0).getInteger("points"));
    JsonObject team = f.events.get(f.otto, "/api/pitches/" + f.bot + "/team").bodyAsJsonObject();
    assertEquals(f.bot, team.getJsonArray("awards").getJsonObject(0).getJsonObject("pitch").getLong("id"));
    JsonObject mine = f.events.get(f.otto, "/api/people/" + emmaId + "/portfolio").bodyAsJsonObject();
    assertEquals(1, mine.getInteger("awardCount"));
    assertEquals("winner", mine.getJsonArray("events").getJsonObject(0).getJsonArray("projects").getJsonObject(0)
        .getJsonArray("awards").getJsonObject(0).getString("kind"));
    JsonObject tied = f.events.get(f.emma, "/api/pitches/" + f.data).bodyAsJsonObject().getJsonArray("awards")
        .getJsonObject(0);
    assertEquals("Most Innovative · Demo round", tied.getString("title"), "a tie that stands: each tied project wins");
    assertEquals(null, tied.getValue("tieBreak"));
  }

  @Test
  @DisplayName("An organiser gives a judges' prize from the project's page; it shows there at once")
  void prizeForm() {
    String pitch = "/pitches/" + f.data;
    assertTrue(organiser.getPage(pitch).bodyAsString().contains("id=\"give-prize\""));
    assertFalse(emma.getPage(pitch).bodyAsString().contains("id=\"give-prize\""));
    HttpResponse<Buffer> given = organiser.postForm(pitch, pitch + "/prizes",
        MultiMap.caseInsensitiveMultiMap().add("title", "Best demo <script>"));
    assertEquals(303, given.statusCode(), given.bodyAsString());
    String html = emma.getPage(pitch).bodyAsString();
    assertTrue(html.contains("Judges&#x27; prize") && html.contains("Best demo &lt;script&gt;"), html);
    assertEquals(403, emma.postForm(pitch, pitch + "/prizes", MultiMap.caseInsensitiveMultiMap().add("title", "Mine"))
        .statusCode());
  }

  @Test
  @DisplayName("An organiser takes a judges' prize back, from the page or as JSON; winners only follow the results")
  void removePrize() {
    String pitch = "/pitches/" + f.data;
    organiser.postForm(pitch, pitch + "/prizes", MultiMap.caseInsensitiveMultiMap().add("title", "Given in error"));
    JsonObject given = f.events.get(f.emma, "/api/pitches/" + f.data + "/awards").bodyAsJsonObject()
        .getJsonArray("awards").getJsonObject(0);
    long prize = given.getLong("id");
    String remove = pitch + "/prizes/" + prize + "/remove";
    assertTrue(organiser.getPage(pitch).bodyAsString().contains("action=\"" + remove + "\""));
    assertEquals(403, emma.postForm(pitch, remove, MultiMap.caseInsensitiveMultiMap()).statusCode());
    assertEquals(303, organiser.postForm(pitch, remove, MultiMap.caseInsensitiveMultiMap()).statusCode());
    assertTrue(f.events.get(f.emma, "/api/pitches/" + f.data + "/awards").bodyAsJsonObject().getJsonArray("awards")
        .isEmpty(), "the prize is gone");
    assertFalse(emma.getPage(pitch).bodyAsString().contains("Given in error"));
    assertEquals(404, organiser.postForm(pitch, remove, MultiMap.caseInsensitiveMultiMap()).statusCode(),
        "taking it back twice finds nothing");

    long again = f.events.post(f.organiser, "/api/events/" + f.event + "/awards", new JsonObject()
        .put("pitchId", f.data).put("title", "Judges' prize")).bodyAsJsonObject().getJsonArray("awards")
        .getJsonObject(0).getLong("id");
    assertEquals(404, delete("/api/events/" + (f.event + 1000) + "/awards/" + again)
        .statusCode(), "an award is taken back only through its own event");
    assertEquals(204, delete("/api/events/" + f.event + "/awards/" + again).statusCode());

    assertEquals(303, organiser.postForm(page, page + "/awards", MultiMap.caseInsensitiveMultiMap()).statusCode());
    long winner = f.events.get(f.emma, "/api/events/" + f.event + "/awards").bodyAsJsonObject()
        .getJsonArray("awards").getJsonObject(0).getLong("id");
    var refused = delete("/api/events/" + f.event + "/awards/" + winner);
    assertEquals(409, refused.statusCode());
    assertTrue(refused.bodyAsString().contains("publish the results again"), refused.bodyAsString());
  }

  private HttpResponse<Buffer> delete(String path) {
    return f.api.client().delete(path).bearerTokenAuthentication(f.organiser).send().await();
  }
}
