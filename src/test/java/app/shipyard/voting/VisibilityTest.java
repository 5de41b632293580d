package app.shipyard.voting;

import static app.shipyard.voting.VotingFixture.category;
import static app.shipyard.voting.VotingFixture.single;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Ann votes, Ben does not; who sees the tally, when, in each visibility mode. Organisers always see it. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 120, timeUnit = TimeUnit.SECONDS)
@DisplayName("Visibility of results")
class VisibilityTest {

  private VotingFixture f;
  private String ann;
  private String ben;

  @BeforeEach
  void setUp(Vertx vertx) {
    f = new VotingFixture(vertx);
    ann = f.voter("Ann One");
    ben = f.voter("Ben Two");
  }

  /** Whether Ann, Ben and the organiser see the round's first category, in that order. */
  private List<Boolean> who(long round) {
    return List.of(sees(ann, round), sees(ben, round), sees(f.organiser, round));
  }

  private boolean sees(String token, long round) {
    return f.tally(token, round).getJsonArray("categories").getJsonObject(0).getBoolean("visible");
  }

  /** Creates a round with this visibility, shows who sees it in draft, then opens it and lets Ann vote. */
  private long votedRound(String visibility, List<Boolean> inDraft) {
    JsonObject round = f.round(new JsonObject().put("visibility", visibility));
    long id = round.getLong("id");
    assertEquals(inDraft, who(id), "in draft");
    f.change(id, "open");
    assertEquals(200, f.vote(ann, id, single(category(round, 0), f.bot)).statusCode());
    return id;
  }

  @Test
  @DisplayName("Live: everyone sees the tally while the round is open")
  void live() {
    long id = votedRound("live", List.of(false, false, true));
    assertEquals(List.of(true, true, true), who(id));
  }

  @Test
  @DisplayName("After voting: a voter sees a category once they voted in it; everyone once the round closes")
  void afterVoting() {
    long id = votedRound("after_voting", List.of(false, false, true));
    assertEquals(List.of(true, false, true), who(id));
    f.change(id, "close");
    assertEquals(List.of(true, true, true), who(id));
  }

  @Test
  @DisplayName("After close: nobody but organisers sees the tally until the round closes")
  void afterClose() {
    long id = votedRound("after_close", List.of(false, false, true));
    assertEquals(List.of(false, false, true), who(id));
    f.change(id, "close");
    assertEquals(List.of(true, true, true), who(id));
  }

  @Test
  @DisplayName("On reveal: hidden after the close until an organiser reveals it, then shown to everyone")
  void onReveal() {
    long id = votedRound("on_reveal", List.of(false, false, true));
    f.change(id, "close");
    assertEquals(List.of(false, false, true), who(id));
    JsonObject hidden = f.tally(ann, id).getJsonArray("categories").getJsonObject(0);
    assertEquals(Set.of("id", "name", "visible"), hidden.fieldNames(), "a hidden category carries no numbers");
    f.change(id, "reveal");
    assertEquals(List.of(true, true, true), who(id));
    assertEquals(true, f.tally(ben, id).getBoolean("revealed"));
    assertEquals("Bot", f.tally(ben, id).getJsonArray("categories").getJsonObject(0).getJsonArray("standings")
        .getJsonObject(0).getString("title"));
  }

  @Test
  @DisplayName("Never: participants never see the tally, not even after the close; organisers do")
  void never() {
    long id = votedRound("never", List.of(false, false, true));
    f.change(id, "close");
    assertEquals(List.of(false, false, true), who(id));
  }

  @Test
  @DisplayName("A category may override its round's visibility: one category live, the other hidden until the reveal")
  void perCategory() {
    JsonObject round = f.round(new JsonObject().put("visibility", "live")
        .put("categories", new io.vertx.core.json.JsonArray().add("People's Choice").add("Most Innovative")));
    long id = round.getLong("id");
    String path = "/api/rounds/" + id + "/categories/" + category(round, 1) + "/visibility";
    assertEquals(403, f.events.post(ann, path, new JsonObject().put("visibility", "on_reveal")).statusCode());
    assertEquals("must be one of live, after_voting, after_close, on_reveal, never, or empty to follow the round",
        f.events.post(f.organiser, path, new JsonObject().put("visibility", "later")).bodyAsJsonObject()
            .getJsonObject("fields").getString("visibility"));
    JsonObject changed = f.events.post(f.organiser, path, new JsonObject().put("visibility", "on_reveal"))
        .bodyAsJsonObject();
    assertEquals(List.of("live", "on_reveal"), changed.getJsonArray("categories").stream()
        .map(c -> ((JsonObject) c).getString("visibility")).toList());
    assertEquals(List.of(false, true), changed.getJsonArray("categories").stream()
        .map(c -> ((JsonObject) c).getBoolean("ownVisibility")).toList());
    f.change(id, "open");
    assertEquals(200, f.vote(ann, id, single(category(round, 1), f.bot)).statusCode());
    assertEquals(List.of(true, false), seen(ben, id), "open: the first category is live, the second hidden");
    assertEquals(List.of(true, true), seen(f.organiser, id));
    f.change(id, "close");
    assertEquals(List.of(true, false), seen(ann, id), "closed: still hidden until the reveal");
    f.change(id, "reveal");
    assertEquals(List.of(true, true), seen(ben, id));
    assertEquals(1, app.shipyard.support.Fixture.count(
        "SELECT count(*) FROM voting_audit WHERE action = 'category.visibility' AND round_id = $1", id));
    assertEquals(200, f.events.post(f.organiser, path, new JsonObject().put("visibility", "")).statusCode());
    assertEquals("live", f.events.get(ben, "/api/rounds/" + id).bodyAsJsonObject().getJsonArray("categories")
        .getJsonObject(1).getString("visibility"), "empty: the category follows its round again");
  }

  private List<Boolean> seen(String token, long round) {
    return f.tally(token, round).getJsonArray("categories").stream().map(c -> ((JsonObject) c).getBoolean("visible"))
        .toList();
  }
}
