package app.shipyard.web;

import java.util.Map;

/** The start page: where a signed-in person goes first; visitors are sent to sign in. */
public final class HomeRoutes implements Routes.Feature {

  private final Views views;

  public HomeRoutes(Views views) {
    this.views = views;
  }

  @Override
  public void register(Routes routes) {
    routes.legacyGet("/", Access.signedIn(), ctx -> views.page(ctx, "home", "Shipyard",
        Map.of("person", Viewer.person(ctx))));
  }
}
