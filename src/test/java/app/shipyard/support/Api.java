package app.shipyard.support;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.ext.web.client.WebClientSession;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Black-box access to the test server: API calls with bearer tokens, and browser-like sessions with cookies. */
public final class Api {

  private static final Pattern CSRF_FIELD = Pattern.compile("name=\"X-XSRF-TOKEN\" value=\"([^\"]+)\"");
  private final WebClient client;

  public Api(Vertx vertx) {
    this.client = WebClient.create(vertx, new WebClientOptions()
        .setDefaultHost("127.0.0.1").setDefaultPort(TestShipyard.port()).setFollowRedirects(false));
  }

  public WebClient client() {
    return client;
  }

  public HttpRequest<Buffer> get(String path) {
    return client.get(path);
  }

  /** Signs in through the API and returns the bearer token. */
  public String token(String email) {
    HttpResponse<Buffer> response = client.post("/api/auth/token")
        .sendJsonObject(new JsonObject().put("email", email).put("password", TestShipyard.PASSWORD)).await();
    if (response.statusCode() != 200) {
      throw new IllegalStateException("Sign-in of " + email + " failed: " + response.statusCode() + " " + response.bodyAsString());
    }
    return response.bodyAsJsonObject().getString("token");
  }

  public HttpRequest<Buffer> as(String token, HttpRequest<Buffer> request) {
    return request.bearerTokenAuthentication(token);
  }

  /** A cookie-keeping session, like a browser; {@link #signIn} goes through the sign-in form. */
  public Browser browser() {
    return new Browser(WebClientSession.create(client));
  }

  public static String csrfFrom(String html) {
    Matcher m = CSRF_FIELD.matcher(html);
    if (!m.find()) {
      throw new IllegalStateException("No CSRF field in page");
    }
    return m.group(1);
  }

  /** A browser-like client keeping cookies. */
  public record Browser(WebClientSession session) {

    public HttpResponse<Buffer> getPage(String path) {
      return session.get(path).putHeader("Accept", "text/html").send().await();
    }

    /** Fetches the form page for its CSRF token, then posts the fields with it. */
    public HttpResponse<Buffer> postForm(String formPage, String action, io.vertx.core.MultiMap fields) {
      String token = csrfFrom(getPage(formPage).bodyAsString());
      fields.set("X-XSRF-TOKEN", token);
      return session.post(action).putHeader("Accept", "text/html").sendForm(fields).await();
    }

    public Browser signIn(String email) {
      HttpResponse<Buffer> response = postForm("/sign-in", "/sign-in", io.vertx.core.MultiMap.caseInsensitiveMultiMap()
          .add("email", email).add("password", TestShipyard.PASSWORD).add("next", "/"));
      if (response.statusCode() != 303) {
        throw new IllegalStateException("Form sign-in failed: " + response.statusCode());
      }
      return this;
    }
  }
}
