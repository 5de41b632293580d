package app.shipyard.voting;

import static app.shipyard.voting.VotingFixture.category;
import static app.shipyard.voting.VotingFixture.error;
import static app.shipyard.voting.VotingFixture.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import app.shipyard.support.Fixture;
import app.shipyard.support.TestShipyard;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A round of two categories: People's Choice (Bot wins outright) and Most Innovative (Data and Docs tie for first).
 * Ties stay ties until an organiser decides one with a reason; publishing turns winners into awards.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 120, timeUnit = TimeUnit.SECONDS)
@DisplayName("Ties, tie-breaks and published awards")
class AwardsTest {

  private VotingFixture f;
  private JsonObject round;
  private long id;

  @BeforeEach
  void setUp(Vertx vertx) {
    f = new VotingFixture(vertx);
    round = f.openRound(new JsonObject().put("categories", new JsonArray().add("People's Choice").add("Most Innovative")));
    id = round.getLong("id");
    String ann = f.voter("Ann One");
    String ben = f.voter("Ben Two");
    for (String voter : List.of(ann, ben)) {
      assertEquals(200, f.vote(voter, id, single(category(round, 0), f.bot)).statusCode());
    }
    assertEquals(200, f.vote(ann, id, single(category(round, 1), f.data)).statusCode());
    assertEquals(200, f.vote(ben, id, single(category(round, 1), f.docs)).statusCode());
  }

  private HttpResponse<Buffer> tieBreak(String token, long pitch, String reason) {
    return f.events.post(token, "/api/rounds/" + id + "/categories/" + category(round, 1) + "/tie-break",
        new JsonObject().put("pitchId", pitch).put("reason", reason));
  }

  private HttpResponse<Buffer> publish(String token) {
    return f.events.post(token, "/api/rounds/" + id + "/awards", new JsonObject());
  }

  /** The event's awards as "kind title: project" lines. */
  private List<String> eventAwards() {
    HttpResponse<Buffer> listed = f.events.get(f.emma, "/api/events/" + f.event + "/awards");
    assertEquals(200, listed.statusCode(), listed.bodyAsString());
    return listed.bodyAsJsonObject().getJsonArray("awards").stream().map(a -> (JsonObject) a)
        .map(a -> a.getString("kind") + " " + a.getString("title") + ": " + a.getJsonObject("pitch").getString("title"))
        .toList();
  }

  @Test
  @DisplayName("A tie for first is shown as a tie; the organiser's tie-break names the winner with its reason, audited")
  void tieBreak() {
    JsonObject innovative = f.tally(f.organiser, id).getJsonArray("categories").getJsonObject(1);
    assertEquals(true, innovative.getBoolean("tiedFirst"));
    assertEquals(new JsonArray().add(f.data).add(f.docs), innovative.getJsonArray("winners"));
    assertEquals("A tie is broken once the round is closed.", error(tieBreak(f.organiser, f.data, "Judges")));
    f.change(id, "close");
    assertEquals(403, tieBreak(f.emma, f.data, "I like it").statusCode());
    assertEquals("must be one of the projects tied for first place", tieBreak(f.organiser, f.bot, "Favourite")
        .bodyAsJsonObject().getJsonObject("fields").getString("pitchId"));
    assertEquals("is required", tieBreak(f.organiser, f.data, " ").bodyAsJsonObject().getJsonObject("fields")
        .getString("reason"));
    HttpResponse<Buffer> choice = f.events.post(f.organiser, "/api/rounds/" + id + "/categories/" + category(round, 0)
        + "/tie-break", new JsonObject().put("pitchId", f.bot).put("reason", "Why not"));
    assertEquals("First place in People's Choice is not tied; there is nothing to decide.", error(choice));
    assertEquals(200, tieBreak(f.organiser, f.docs, "Judges' casting vote: shipped to customers already").statusCode());
    innovative = f.tally(f.emma, id).getJsonArray("categories").getJsonObject(1);
    assertEquals(true, innovative.getBoolean("tiedFirst"), "the standings still show the tie");
    assertEquals(true, innovative.getJsonArray("standings").getJsonObject(0).getBoolean("tied"));
    assertEquals(new JsonArray().add(f.docs), innovative.getJsonArray("winners"));
    assertEquals(new JsonObject().put("pitchId", f.docs).put("reason", "Judges' casting vote: shipped to customers already"),
        innovative.getJsonObject("tieBreak"));
    assertEquals(1, Fixture.count("SELECT count(*) FROM voting_audit WHERE action = 'category.tie_broken' "
        + "AND round_id = $1 AND category_id = $2", id, category(round, 1)));
  }

  @Test
  @DisplayName("Publishing awards makes each category's winners awards; publishing again changes nothing; after a tie-break it follows the decision")
  void publish() {
    assertEquals("Awards are published once the round is closed.", error(publish(f.organiser)));
    f.change(id, "close");
    assertEquals(403, publish(f.emma).statusCode());
    HttpResponse<Buffer> published = publish(f.organiser);
    assertEquals(200, published.statusCode(), published.bodyAsString());
    assertEquals(3, published.bodyAsJsonObject().getJsonArray("awards").size());
    List<String> tied = List.of("winner People's Choice · Demo round: Bot", "winner Most Innovative · Demo round: Data",
        "winner Most Innovative · Demo round: Docs");
    assertEquals(tied, eventAwards(), "a tie that stands: both tied projects win");
    String before = awardRows();
    assertEquals(200, publish(f.organiser).statusCode());
    assertEquals(before, awardRows(), "publishing again writes the same awards");

    assertEquals(200, tieBreak(f.organiser, f.data, "Most votes from outside its office").statusCode());
    assertEquals(200, publish(f.organiser).statusCode());
    assertEquals(List.of("winner People's Choice · Demo round: Bot", "winner Most Innovative · Demo round: Data"),
        eventAwards());
    JsonObject award = f.events.get(f.emma, "/api/pitches/" + f.data + "/awards").bodyAsJsonObject()
        .getJsonArray("awards").getJsonObject(0);
    assertEquals("Most votes from outside its office", award.getString("tieBreak"));
    assertEquals(1, award.getInteger("points"));
    assertEquals(1, award.getInteger("place"));
    assertEquals(new JsonArray(), f.events.get(f.emma, "/api/pitches/" + f.docs + "/awards").bodyAsJsonObject()
        .getJsonArray("awards"));
    assertEquals(3, Fixture.count("SELECT count(*) FROM voting_audit WHERE action = 'awards.published' AND round_id = $1",
        id));
  }

  @Test
  @DisplayName("Results that wait for their reveal are not published as awards until they are revealed")
  void waitsForReveal() {
    assertEquals(200, f.events.post(f.organiser, "/api/rounds/" + id + "/categories/" + category(round, 1)
        + "/visibility", new JsonObject().put("visibility", "on_reveal")).statusCode());
    f.change(id, "close");
    assertEquals("Reveal the results before publishing their awards.", error(publish(f.organiser)));
    f.change(id, "reveal");
    assertEquals(200, publish(f.organiser).statusCode());
    assertEquals(3, eventAwards().size());
  }

  @Test
  @DisplayName("Organisers give a judges' prize by hand to a project of the event; others may not")
  void prize() {
    JsonObject prize = new JsonObject().put("pitchId", f.docs).put("title", "Judges' prize for craft");
    assertEquals(403, f.events.post(f.emma, "/api/events/" + f.event + "/awards", prize).statusCode());
    HttpResponse<Buffer> given = f.events.post(f.organiser, "/api/events/" + f.event + "/awards", prize);
    assertEquals(201, given.statusCode(), given.bodyAsString());
    JsonObject award = given.bodyAsJsonObject().getJsonArray("awards").getJsonObject(0);
    assertEquals("prize", award.getString("kind"));
    assertNull(award.getValue("roundId"));
    assertEquals(List.of("prize Judges' prize for craft: Docs"), eventAwards());
    long other = f.events.create(new JsonObject().put("title", "Another event"));
    f.events.moveTo(other, "pitching");
    long foreign = f.events.pitch(f.emma, other, new JsonObject().put("title", "Elsewhere"));
    HttpResponse<Buffer> wrong = f.events.post(f.organiser, "/api/events/" + f.event + "/awards",
        prize.copy().put("pitchId", foreign));
    assertEquals("is not a project of this event", wrong.bodyAsJsonObject().getJsonObject("fields").getString("pitchId"));
    HttpResponse<Buffer> blank = f.events.post(f.organiser, "/api/events/" + f.event + "/awards", new JsonObject());
    assertEquals(List.of("is required", "is required"), List.of(blank.bodyAsJsonObject().getJsonObject("fields")
        .getString("title"), blank.bodyAsJsonObject().getJsonObject("fields").getString("pitchId")));
    assertEquals(1, Fixture.count("SELECT count(*) FROM awards"));
  }

  private static String awardRows() {
    return TestShipyard.pool().query("SELECT string_agg(a::text, '\n' ORDER BY id) FROM awards a").execute().await()
        .iterator().next().getString(0);
  }
}
