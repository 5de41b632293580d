package app.shipyard.voting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.shipyard.support.Api;
import app.shipyard.support.Fixture;
import app.shipyard.support.TestShipyard;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Everything through plain HTML forms, as a browser without JavaScript does it. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 120, timeUnit = TimeUnit.SECONDS)
@DisplayName("Voting pages without JavaScript")
class VotingPagesTest {

  private static final Pattern VOTE_ID = Pattern.compile("name=\"voteId\" value=\"([^\"]+)\"");
  private static final Pattern CATEGORY = Pattern.compile("name=\"categoryId\" value=\"(\\d+)\"");
  private VotingFixture f;
  private Api.Browser organiser;
  private Api.Browser otto;

  @BeforeEach
  void setUp(Vertx vertx) {
    f = new VotingFixture(vertx);
    organiser = f.api.browser().signIn(TestShipyard.ORGANISER);
    otto = f.api.browser().signIn(TestShipyard.OTHER_EMPLOYEE);
  }

  private static String first(Pattern pattern, String html) {
    Matcher m = pattern.matcher(html);
    assertTrue(m.find(), html);
    return m.group(1);
  }

  /** The organiser creates a round through the form and opens it with its button; returns the round's page path. */
  private String openedRound(MultiMap fields) {
    String rounds = "/events/" + f.event + "/rounds";
    HttpResponse<Buffer> created = organiser.postForm(rounds, rounds, fields.add("title", "Demo round")
        .add("categories", "People's Choice").add("categories", "").add("visibility", "live"));
    assertEquals(303, created.statusCode(), created.bodyAsString());
    String page = created.getHeader("Location");
    assertTrue(organiser.getPage(page).bodyAsString().contains(">Open voting</button>"));
    assertEquals(303, organiser.postForm(page, page + "/open", MultiMap.caseInsensitiveMultiMap()).statusCode());
    return page;
  }

  private HttpResponse<Buffer> vote(Api.Browser browser, String page, MultiMap ballot) {
    String html = browser.getPage(page).bodyAsString();
    ballot.add("voteId", first(VOTE_ID, html)).add("categoryId", first(CATEGORY, html));
    return browser.postForm(page, page + "/votes", ballot);
  }

  @Test
  @DisplayName("A voter picks a project on the round page, sees it recorded, and a second post of the same form counts once")
  void singleVote() {
    String page = openedRound(MultiMap.caseInsensitiveMultiMap().add("ballot", "single"));
    String html = otto.getPage(page).bodyAsString();
    assertTrue(html.contains("type=\"radio\" name=\"pitchId\" value=\"" + f.bot + "\""), html);
    MultiMap ballot = MultiMap.caseInsensitiveMultiMap().add("pitchId", String.valueOf(f.bot))
        .add("voteId", first(VOTE_ID, html)).add("categoryId", first(CATEGORY, html));
    HttpResponse<Buffer> voted = otto.postForm(page, page + "/votes", ballot);
    assertEquals(303, voted.statusCode(), voted.bodyAsString());
    assertTrue(voted.getHeader("Location").startsWith(page + "?voted="));
    String after = otto.getPage(voted.getHeader("Location")).bodyAsString();
    assertTrue(after.contains("Your vote in People&#x27;s Choice is recorded.") || after.contains(
        "Your vote in People's Choice is recorded."), after);
    assertTrue(after.contains("Your vote: Bot"), after);
    assertFalse(after.contains("name=\"voteId\""), "the first vote stands, so no form is offered again");
    assertTrue(after.contains("<meter min=\"0\" max=\"1\" value=\"1\">"), "live results");
    assertEquals(303, otto.postForm(page, page + "/votes", ballot).statusCode(), "the same form again");
    assertEquals(1, Fixture.count("SELECT count(*) FROM ballots"));
  }

  @Test
  @DisplayName("A refused form vote shows the round page again with the refusal in words")
  void refusedInWords() {
    String page = openedRound(MultiMap.caseInsensitiveMultiMap().add("ballot", "single"));
    HttpResponse<Buffer> own = vote(otto, page, MultiMap.caseInsensitiveMultiMap().add("pitchId", String.valueOf(f.data)));
    assertEquals(409, own.statusCode());
    assertTrue(own.bodyAsString().contains("You cannot vote for your own team in this round."), own.bodyAsString());
    assertTrue(own.bodyAsString().contains("name=\"voteId\""), "the ballot is offered again");
  }

  @Test
  @DisplayName("Budget and ranked ballots work as plain forms: number fields and one select per place")
  void budgetAndRanked() {
    String budget = openedRound(MultiMap.caseInsensitiveMultiMap().add("ballot", "budget").add("budget", "5")
        .add("maxPerProject", "3"));
    assertEquals(303, vote(otto, budget, MultiMap.caseInsensitiveMultiMap().add("points-" + f.bot, "3")
        .add("points-" + f.docs, "2").add("points-" + f.data, "")).statusCode());
    long budgetRound = Long.parseLong(budget.substring(budget.lastIndexOf('/') + 1));
    assertEquals("Bot=3 Docs=2 Data=0", f.points(budgetRound, 0));

    String ranked = openedRound(MultiMap.caseInsensitiveMultiMap().add("ballot", "ranked").add("rankSize", "3"));
    assertTrue(otto.getPage(ranked).bodyAsString().contains("Place 3 <select name=\"ranking\">"));
    assertEquals(303, vote(otto, ranked, MultiMap.caseInsensitiveMultiMap().add("ranking", String.valueOf(f.docs))
        .add("ranking", "").add("ranking", String.valueOf(f.bot))).statusCode());
    long rankedRound = Long.parseLong(ranked.substring(ranked.lastIndexOf('/') + 1));
    assertEquals("Docs=3 Bot=2 Data=0", f.points(rankedRound, 0), "a blank place is skipped");
  }

  @Test
  @DisplayName("Organisers see the buttons that apply now; others see none and cannot post them")
  void organiserButtons() {
    String page = openedRound(MultiMap.caseInsensitiveMultiMap().add("ballot", "single"));
    String html = organiser.getPage(page).bodyAsString();
    assertTrue(html.contains(">Close voting</button>") && !html.contains(">Open voting</button>"), html);
    assertFalse(otto.getPage(page).bodyAsString().contains("Close voting"));
    assertEquals(403, otto.postForm(page, page + "/close", MultiMap.caseInsensitiveMultiMap()).statusCode());
    assertEquals(303, organiser.postForm(page, page + "/close", MultiMap.caseInsensitiveMultiMap()).statusCode());
    assertTrue(organiser.getPage(page).bodyAsString().contains("id=\"round-state\">Closed</span>"));
    String list = otto.getPage("/events/" + f.event + "/rounds").bodyAsString();
    assertTrue(list.contains(">Demo round</a>") && !list.contains("id=\"new-round\""), list);
  }
}
