package app.shipyard.web;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.Cookie;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a handler answers with. Handlers build one in their Future chain and never write the response themselves:
 * {@link Routes} sends it through {@link Answers}, so any failure, thrown or failed, while building or rendering it
 * reaches {@link FailureHandler}.
 */
public sealed interface Answer {

  /** A server-rendered page: {@code template} inside the layout, with a typed view record as its model. */
  record Page(int status, String template, String title, Object view) implements Answer {
    public Page {
      Objects.requireNonNull(template, "template");
      Objects.requireNonNull(title, "title");
      Objects.requireNonNull(view, "view");
    }
  }

  /** A JSON body: a {@code JsonObject}, {@code JsonArray} or anything Jackson can encode. */
  record Json(int status, Object body) implements Answer {
    public Json {
      Objects.requireNonNull(body, "body");
    }
  }

  /** A 303 See Other after a form post, to a same-site path. */
  record Redirect(String location) implements Answer {
    public Redirect {
      Objects.requireNonNull(location, "location");
    }
  }

  /** Bytes with their type (a file download, CSV, iCalendar) and extra headers such as Content-Disposition. */
  record Bytes(int status, String contentType, Map<String, String> headers, Buffer body) implements Answer {
    public Bytes {
      Objects.requireNonNull(contentType, "contentType");
      headers = Map.copyOf(headers);
      Objects.requireNonNull(body, "body");
    }
  }

  /** A status without a body (204 No Content). */
  record Empty(int status) implements Answer {}

  /** Another answer, sent with cookies set (sign-in, sign-out). */
  record WithCookies(Answer answer, List<Cookie> cookies) implements Answer {
    public WithCookies {
      Objects.requireNonNull(answer, "answer");
      cookies = List.copyOf(cookies);
    }
  }

  /**
   * Another answer with a validator for conditional requests: {@code ETag} and {@code Cache-Control} headers (its
   * Cache-Control replaces the API's usual {@code no-store}); a "not modified" answer is {@code new Empty(304)}.
   */
  record Cached(Answer answer, String etag, String cacheControl) implements Answer {
    public Cached {
      Objects.requireNonNull(answer, "answer");
      Objects.requireNonNull(etag, "etag");
      Objects.requireNonNull(cacheControl, "cacheControl");
    }
  }

  /** This answer, setting a cookie too. */
  default Answer withCookie(Cookie cookie) {
    return new WithCookies(this, List.of(cookie));
  }

  static Answer page(String template, String title, Object view) {
    return new Page(200, template, title, view);
  }

  static Answer page(int status, String template, String title, Object view) {
    return new Page(status, template, title, view);
  }

  static Answer json(Object body) {
    return new Json(200, body);
  }

  static Answer json(int status, Object body) {
    return new Json(status, body);
  }

  static Answer seeOther(String location) {
    return new Redirect(location);
  }

  static Answer noContent() {
    return new Empty(204);
  }

  static Answer bytes(String contentType, Map<String, String> headers, Buffer body) {
    return new Bytes(200, contentType, headers, body);
  }
}
