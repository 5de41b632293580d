package app.shipyard.showcase;

import app.shipyard.cache.Kept;
import app.shipyard.web.Answer;
import app.shipyard.web.Views;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Published pages built once per change clock tick and audience, then answered from memory until the clock moves on
 * (see {@link app.shipyard.cache.Clock}). A kept page is its body rendered once ({@code <template>-body}); each request renders only the
 * layout around it (the viewer's name and form token), so nothing of one viewer's page reaches another.
 */
final class KeptPages {

  /** The layout with a body rendered before: {@code {{{body}}}}. */
  static final String KEPT_LAYOUT = "layout/kept";
  private static final int MAX_ANSWERS = 5_000;
  private static final long MAX_AGE_MILLIS = 10 * 60_000;

  /** The view of {@link #KEPT_LAYOUT}: a body already rendered and escaped. */
  record Body(String body) {}

  private final Views views;
  private final Kept<Answer> answers = new Kept<>(MAX_ANSWERS, MAX_AGE_MILLIS);

  KeptPages(Views views) {
    this.views = views;
  }

  /**
   * The answer kept for {@code key} at {@code version}; else what {@code build} answers, kept when there is a version
   * ({@code build} reads the database after the version was taken, so what is kept is never older than its version).
   */
  Future<Answer> answer(String key, Optional<String> version, Supplier<Future<Answer>> build) {
    if (version.isEmpty()) {
      return build.get();
    }
    Optional<Answer> known = answers.get(key, version.get());
    if (known.isPresent()) {
      return Future.succeededFuture(known.get());
    }
    return build.get().map(this::keepable).onSuccess(answer -> answers.put(key, version.get(), answer));
  }

  /**
   * A page with its body rendered now, for everyone, so that only the layout is rendered per request; JSON encoded
   * now; anything else as is.
   */
  Answer keepable(Answer answer) {
    if (answer instanceof Answer.Page p) {
      return Answer.page(p.status(), KEPT_LAYOUT, p.title(),
          new Body(views.renderForEveryone(p.template() + "-body", p.title(), p.view())));
    }
    if (answer instanceof Answer.Json j && j.body() instanceof JsonObject json) {
      return new Answer.Bytes(j.status(), "application/json; charset=utf-8", Map.of(), Buffer.buffer(json.encode()));
    }
    return answer;
  }
}
