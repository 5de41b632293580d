package app.shipyard.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.shipyard.support.Api;
import app.shipyard.support.Fixture;
import app.shipyard.support.TestShipyard;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
@DisplayName("The people and roles page")
class PeopleAdminPageTest {

  private Api.Browser admin;

  @BeforeEach
  void setUp(Vertx vertx) {
    TestShipyard.reset();
    admin = new Api(vertx).browser().signIn(TestShipyard.ADMIN);
  }

  /** The page at {@code path} as the admin sees it; it must answer 200. */
  private String page(String path) {
    HttpResponse<Buffer> response = admin.getPage(path);
    assertEquals(200, response.statusCode(), path);
    return response.bodyAsString();
  }

  private static String roleBox(String role, boolean ticked) {
    return "<input type=\"checkbox\" name=\"roles\" value=\"" + role + "\" " + (ticked ? "checked" : "") + ">";
  }

  @Test
  @DisplayName("A search shows each person found with a role form that ticks exactly the roles they hold")
  void rolesAreTicked() {
    String html = page("/admin/people?q=Olga");
    assertTrue(html.contains("value=\"Olga\""), "the search keeps its text");
    assertTrue(html.contains("Olga Organiser") && html.contains(TestShipyard.ORGANISER), html);
    assertFalse(html.contains("Emma Employee"), "only people matching the search are listed");
    long olga = Fixture.personId(TestShipyard.ORGANISER);
    assertTrue(html.contains("action=\"/admin/people/" + olga + "/roles\""), html);
    assertTrue(html.contains(roleBox("employee", true)), html);
    assertTrue(html.contains(roleBox("organiser", true)), html);
    assertTrue(html.contains(roleBox("leadership", false)), html);
    assertTrue(html.contains(roleBox("admin", false)), html);
    String tokenField = "name=\"X-XSRF-TOKEN\" value=\"" + Api.csrfFrom(html) + "\"";
    assertEquals(2, html.split(Pattern.quote(tokenField), -1).length - 1, "the sign-out form and the role form carry the CSRF token");
  }

  @Test
  @DisplayName("The import page shows the form and no report before anything is imported")
  void importPageBeforeImport() {
    String html = page("/admin/import");
    assertTrue(html.contains("<textarea id=\"csv\" name=\"csv\""), html);
    assertFalse(html.contains("id=\"import-summary\""), "no report before an import");
  }
}
