package app.shipyard.home;

import app.shipyard.identity.Person;
import app.shipyard.web.Access;
import app.shipyard.web.Answer;
import app.shipyard.web.Routes;
import app.shipyard.web.Viewer;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** The start page: what matters now to the signed-in person; visitors are sent to sign in. */
public final class HomeRoutes implements Routes.Feature {

  static final String TEMPLATE = "home/home";
  private final HomeRepository home;

  public HomeRoutes(Pool pool) {
    this.home = new HomeRepository(pool);
  }

  @Override
  public void register(Routes routes) {
    routes.get("/", Access.signedIn(), this::page);
  }

  private Future<Answer> page(RoutingContext ctx) {
    Person me = Viewer.person(ctx);
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    return home.forPerson(me, now).map(found -> Answer.page(TEMPLATE, "Home", HomePage.of(me, found, now)));
  }
}
