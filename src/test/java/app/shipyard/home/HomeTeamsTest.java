package app.shipyard.home;

import static app.shipyard.home.HomeReading.card;
import static app.shipyard.home.HomeReading.empty;
import static app.shipyard.home.HomeReading.entries;
import static app.shipyard.home.HomeReading.requiredCard;
import static app.shipyard.home.HomeReading.sql;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.shipyard.support.Api;
import app.shipyard.support.Events;
import app.shipyard.support.Fixture;
import app.shipyard.support.TestShipyard;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The home page's cards about teams: the person's own, pitches that match their skills, and join requests. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 120, timeUnit = TimeUnit.SECONDS)
@DisplayName("Home page: your teams, pitches for your skills and join requests")
class HomeTeamsTest {

  private Api api;
  private Events events;
  private HomeReading home;
  private String emma;
  private String otto;
  private String organiser;

  @BeforeEach
  void setUp(Vertx vertx) {
    home = HomeReading.fresh(vertx);
    api = home.api();
    events = home.events();
    emma = api.token(TestShipyard.EMPLOYEE);
    otto = api.token(TestShipyard.OTHER_EMPLOYEE);
    organiser = events.organiserToken();
    Events.skills("Kafka", "React", "Go", "Figma");
  }

  private long event(String title, JsonObject rules, String phase) {
    long id = events.create(rules.copy().put("title", title));
    events.moveTo(id, phase);
    return id;
  }

  private long pitch(String token, long event, String title, int capacity, String... skills) {
    return events.pitch(token, event, new JsonObject().put("title", title).put("capacity", capacity)
        .put("skills", new JsonArray(List.of(skills))));
  }

  private void join(String token, long pitch) {
    assertEquals(200, events.post(token, "/api/pitches/" + pitch + "/join", new JsonObject()).statusCode());
  }

  @Test
  @DisplayName("Someone on no team, with no skills and no requests sees the empty states and where to act next")
  void emptyStates() {
    String page = home.page(otto);
    assertEquals("You are not on a team in an event under way. Find one.", empty(requiredCard(page, "my-teams")).orElseThrow());
    String matches = requiredCard(page, "my-matches");
    assertEquals("No pitch with open places wants your skills right now. Add skills to your profile.",
        empty(matches).orElseThrow());
    assertTrue(matches.contains("<a href=\"/profile\">Add skills to your profile</a>"), matches);
    assertTrue(card(page, "waiting-requests").isEmpty(), "no join requests card for someone who captains nothing");
  }

  @Test
  @DisplayName("The captain and a member see their team with its places and how far it is from the minimum, linking "
      + "to the team page; archived events' teams are left out")
  void ownTeams() {
    long day = event("ShipIt 7", new JsonObject().put("teamMin", 3), "pitching");
    long bot = pitch(emma, day, "Bot", 4);
    join(otto, bot);
    long old = event("ShipIt 6", new JsonObject(), "pitching");
    pitch(emma, old, "Old idea", 3);
    events.moveTo(old, "archived");

    String captainCard = requiredCard(home.page(emma), "my-teams");
    assertEquals(List.of("Bot captain ShipIt 7 · 2 of 4 places taken · 2 open · needs 1 more to reach 3"),
        entries(captainCard));
    assertTrue(captainCard.contains("<a href=\"/pitches/" + bot + "/team\" class=\"title\">Bot</a>"), captainCard);
    assertEquals(List.of("Bot ShipIt 7 · 2 of 4 places taken · 2 open · needs 1 more to reach 3"),
        entries(requiredCard(home.page(otto), "my-teams")));

    join(api.token(TestShipyard.ADMIN), bot);
    assertEquals(List.of("Bot ShipIt 7 · 3 of 4 places taken · 1 open"), entries(requiredCard(home.page(otto), "my-teams")));
  }

  @Test
  @DisplayName("A pitch awaiting approval or hidden is on its captain's home page with a badge, not on a member's")
  void teamsTheyMayNotSee() {
    long needsApproval = event("Approved only", new JsonObject().put("pitchesNeedApproval", true), "pitching");
    long waiting = pitch(emma, needsApproval, "Waiting", 4);
    long open = event("Open", new JsonObject(), "pitching");
    long offTopic = pitch(emma, open, "Off topic", 4);
    join(otto, offTopic);
    assertEquals(200, events.post(organiser, "/api/pitches/" + offTopic + "/hide",
        new JsonObject().put("reason", "Not about this event")).statusCode());

    String captainCard = requiredCard(home.page(emma), "my-teams");
    List<String> seen = entries(captainCard);
    assertEquals(2, seen.size(), seen.toString());
    assertTrue(seen.contains("Waiting captain awaiting approval Approved only · 1 of 4 places taken · 3 open"), seen.toString());
    assertTrue(seen.contains("Off topic captain hidden Open · 2 of 4 places taken · 2 open"), seen.toString());
    assertTrue(captainCard.contains("href=\"/pitches/" + waiting + "/team\""), captainCard);
    assertTrue(captainCard.contains("href=\"/pitches/" + offTopic + "\""), "a hidden pitch has no team page: " + captainCard);

    assertEquals(List.of(), entries(requiredCard(home.page(otto), "my-teams")));
  }

  @Test
  @DisplayName("Pitches that want the person's skills come in the order of their matches API; full, unapproved, hidden "
      + "and unrelated pitches are left out")
  void matchingPitches() {
    String kim = Events.person("kim@test.example", "Kim Kafka", "Engineering", "Berlin", "Kafka", "react");
    long day = event("Match day", new JsonObject().put("teamMax", 6), "pitching");
    long both = pitch(emma, day, "Both", 3, "Kafka", "React");
    long roomy = pitch(otto, day, "Roomy", 6, "React");
    long full = pitch(Events.person("f@test.example", "Fay Full", "", null), day, "Full", 1, "Kafka");
    pitch(Events.person("g@test.example", "Gus Go", "", null), day, "Unrelated", 4, "Go");
    long hidden = pitch(Events.person("h@test.example", "Hal Hidden", "", null), day, "Hidden", 4, "React");
    long unapproved = pitch(Events.person("u@test.example", "Uma Unapproved", "", null), day, "Unapproved", 4, "Kafka");
    assertEquals(200, events.post(organiser, "/api/pitches/" + hidden + "/hide",
        new JsonObject().put("reason", "Duplicate")).statusCode());
    sql("UPDATE pitches SET approved = false WHERE id = $1", unapproved);

    String card = requiredCard(home.page(kim), "my-matches");
    assertEquals(List.of("Both Match day · 2 open matches Kafka React", "Roomy Match day · 5 open matches React"),
        entries(card));
    assertTrue(card.contains("<a href=\"/pitches/" + both + "/team\" class=\"title\">Both</a>"), card);
    JsonArray api = events.get(kim, "/api/events/" + day + "/matches/me").bodyAsJsonObject().getJsonArray("pitches");
    assertEquals(List.of(both, roomy), api.stream().map(p -> ((JsonObject) p).getLong("pitchId")).toList());
    assertFalse(card.contains("/pitches/" + full + "/"), card);

    join(kim, roomy);
    assertEquals(List.of(), entries(requiredCard(home.page(kim), "my-matches")),
        "on a team, and the event allows one team per person: nothing left to join");
  }

  @Test
  @DisplayName("Free-agent listing skills count, at most five matches are shown with a link to all, and people who "
      + "cannot join teams see no matches card")
  void listingSkillsCapAndLeadership() {
    String kim = Events.person("kim@test.example", "Kim Kafka", "Engineering", "Berlin");
    long day = event("Match day", new JsonObject().put("teamsPerPerson", 4), "team_forming");
    for (int i = 1; i <= 7; i++) {
      pitch(i % 2 == 0 ? emma : otto, day, "Figma " + i, 3, "Figma");
    }
    assertEquals(200, api.client().put("/api/events/" + day + "/free-agents/me").bearerTokenAuthentication(kim)
        .sendJsonObject(new JsonObject().put("skills", new JsonArray().add("Figma"))).await().statusCode());

    String card = requiredCard(home.page(kim), "my-matches");
    List<String> seen = entries(card);
    assertEquals(5, seen.size(), seen.toString());
    assertEquals("Figma 7 Match day · 2 open matches Figma", seen.get(0), "newest first among equals");
    assertTrue(card.contains("<a href=\"/events/" + day + "/free-agents\">All 7 matching pitches</a>"), card);

    sql("DELETE FROM person_roles WHERE person_id = $1 AND role = 'employee'", Fixture.personId(TestShipyard.LEADERSHIP));
    assertTrue(card(home.page(api.token(TestShipyard.LEADERSHIP)), "my-matches").isEmpty());
  }

  @Test
  @DisplayName("A captain sees who asks to join their teams, linking to where they decide; once decided, the empty state")
  void joinRequests() {
    long day = event("By request", new JsonObject().put("joinByRequest", true), "pitching");
    long bot = pitch(emma, day, "Bot", 4);
    assertEquals(202, events.post(otto, "/api/pitches/" + bot + "/join", new JsonObject().put("message", "Pick me"))
        .statusCode());

    String card = requiredCard(home.page(emma), "waiting-requests");
    assertEquals(List.of("Otto Other asks to join Bot By request"), entries(card));
    assertTrue(card.contains("<a href=\"/pitches/" + bot + "/team#join-requests\">Bot</a>"), card);
    assertTrue(card(home.page(otto), "waiting-requests").isEmpty(), "the requester is no captain");
    assertTrue(card(home.page(organiser), "waiting-requests").isEmpty(), "organisers see requests on the dashboard");
    assertEquals(List.of("Bot captain By request · 1 of 4 places taken · 3 open"),
        entries(requiredCard(home.page(emma), "my-teams")), "a request is not a member yet");

    long request = Fixture.count("SELECT id FROM join_requests WHERE pitch_id = $1", bot);
    assertEquals(200, events.post(emma, "/api/join-requests/" + request + "/decline", new JsonObject()).statusCode());
    assertEquals("Nobody is waiting for your answer.",
        empty(requiredCard(home.page(emma), "waiting-requests")).orElseThrow());
  }

  @Test
  @DisplayName("At most five join requests are shown, oldest first, with the total")
  void manyRequests() {
    long day = event("By request", new JsonObject().put("joinByRequest", true), "pitching");
    long bot = pitch(emma, day, "Bot", 4);
    for (int i = 1; i <= 6; i++) {
      String asker = Events.person("asker" + i + "@test.example", "Asker " + i, "", null);
      assertEquals(202, events.post(asker, "/api/pitches/" + bot + "/join", new JsonObject()).statusCode());
    }
    String card = requiredCard(home.page(emma), "waiting-requests");
    List<String> seen = entries(card);
    assertEquals(5, seen.size(), seen.toString());
    assertEquals("Asker 1 asks to join Bot By request", seen.get(0));
    assertTrue(card.contains("6 requests in all"), card);
  }
}
