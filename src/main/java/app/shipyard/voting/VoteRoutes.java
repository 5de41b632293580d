package app.shipyard.voting;

import app.shipyard.identity.Person;
import app.shipyard.web.Access;
import app.shipyard.web.Answer;
import app.shipyard.web.Params;
import app.shipyard.web.Redirects;
import app.shipyard.web.Routes;
import app.shipyard.web.Viewer;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.stream.Collectors;

/**
 * Voting, as JSON and as the plain form of the round page: cast a vote, read your own ballots, read the tallies you
 * may see. A refused form vote shows the round page again with the refusal in words.
 */
public final class VoteRoutes implements Routes.Feature {

  private final RoundRepository rounds;
  private final VoteRepository votes;
  private final TallyRepository tallies;
  private final RoundPage page;

  public VoteRoutes(RoundRepository rounds, VoteRepository votes, TallyRepository tallies, RoundPage page) {
    this.rounds = rounds;
    this.votes = votes;
    this.tallies = tallies;
    this.page = page;
  }

  @Override
  public void register(Routes routes) {
    routes.post("/api/rounds/:id/votes", Access.signedIn(), this::voteApi)
        .get("/api/rounds/:id/ballots/me", Access.signedIn(), this::mineApi)
        .get("/api/rounds/:id/tally", Access.signedIn(), this::tallyApi)
        .get("/rounds/:id", Access.signedIn(), ctx -> page.answer(ctx, roundId(ctx), 200, null))
        .post("/rounds/:id/votes", Access.signedIn(), this::voteForm);
  }

  private static long roundId(RoutingContext ctx) {
    return Params.id(ctx, "id", "That voting round");
  }

  private Future<Answer> voteApi(RoutingContext ctx) {
    long id = roundId(ctx);
    return votes.cast(Viewer.person(ctx), id, VoteInput.read(ctx)).recover(VoteRefused::asHttpError)
        .map(ack -> Answer.json(ack.toJson()));
  }

  private Future<Answer> voteForm(RoutingContext ctx) {
    long id = roundId(ctx);
    return votes.cast(Viewer.person(ctx), id, VoteInput.read(ctx))
        .map(ack -> Answer.seeOther(afterVote(ctx, id) + "voted=" + ack.categoryId()))
        .recover(failure -> failure instanceof VoteRefused refused
            ? page.answer(ctx, id, refused.refusal().status(), refused.getMessage()) : Future.failedFuture(failure));
  }

  /** Where a form vote goes back to: the page it came from when that is a local path ({@code back}), or the round. */
  private static String afterVote(RoutingContext ctx, long roundId) {
    String back = Redirects.localPath(ctx.request().getFormAttribute("back")).orElse("/rounds/" + roundId);
    return back + (back.contains("?") ? "&" : "?");
  }

  private Future<Answer> mineApi(RoutingContext ctx) {
    long id = roundId(ctx);
    return rounds.get(id).compose(round -> votes.mine(id, Viewer.person(ctx).id()))
        .map(mine -> Answer.json(RoundJson.of(id, mine)));
  }

  private Future<Answer> tallyApi(RoutingContext ctx) {
    long id = roundId(ctx);
    Person me = Viewer.person(ctx);
    return Future.all(rounds.get(id), tallies.tally(id), votes.mine(id, me.id())).map(all -> {
      Round round = all.resultAt(0);
      Tally tally = all.resultAt(1);
      var votedIn = all.<java.util.List<VoteRepository.OwnBallot>>resultAt(2).stream()
          .map(VoteRepository.OwnBallot::categoryId).collect(Collectors.toSet());
      return Answer.json(tally.toJson(round.resultsVisibleTo(RoundPage.runsRounds(me), votedIn))
          .put("state", round.state().key()).put("visibility", round.rules().visibility().key())
          .put("revealed", round.revealed()));
    });
  }
}
