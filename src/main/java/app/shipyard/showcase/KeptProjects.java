package app.shipyard.showcase;

import app.shipyard.attachment.Galleries;
import app.shipyard.cache.Kept;
import app.shipyard.identity.Person;
import app.shipyard.pitch.Audience;
import app.shipyard.web.Answer;
import app.shipyard.web.AppError;
import io.vertx.core.Future;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Project pages kept in memory as everyone sees them, under the change clock's tick (see {@link KeptPages}). Only
 * published projects everyone sees are kept; the kept page goes to every viewer for whom it holds nothing of their
 * own (its captain, team, uploaders and organisers get forms: theirs is built for them each time).
 */
final class KeptProjects {

  private static final int MAX_PROJECTS = 20_000;
  private static final long MAX_AGE_MILLIS = 10 * 60_000;
  /** Nobody in particular: the viewer a page is built for when it is kept for everyone. */
  private static final Person NOBODY = new Person(0, "", "", "", null, "", List.of(), Set.of(), 0);

  /** A kept project: who would see it differently, and its page and JSON as everyone gets them. */
  record Known(Set<Long> personal, Answer page, Answer json) {

    /** The answer kept for {@code who}; empty when their page holds something of their own. */
    Optional<Answer> answerFor(Audience who, boolean asPage) {
      if (!asPage) {
        return Optional.of(json);
      }
      return who.organiser() || personal.contains(who.personId()) ? Optional.empty() : Optional.of(page);
    }
  }

  private final ProjectRepository projects;
  private final Galleries galleries;
  private final KeptPages pages;
  private final Kept<Optional<Known>> kept = new Kept<>(MAX_PROJECTS, MAX_AGE_MILLIS);

  KeptProjects(ProjectRepository projects, Galleries galleries, KeptPages pages) {
    this.projects = projects;
    this.galleries = galleries;
    this.pages = pages;
  }

  /**
   * The project as kept at {@code version}, else read as everyone sees it and kept; empty when it is not in the
   * showcase for everyone (absent, hidden, not published: that is kept too) or when there is no version.
   */
  Future<Optional<Known>> find(long id, Optional<String> version) {
    if (version.isEmpty()) {
      return Future.succeededFuture(Optional.empty());
    }
    Optional<Optional<Known>> known = kept.get(key(id), version.get());
    return known.isPresent() ? Future.succeededFuture(known.get())
        : read(id).onSuccess(found -> kept.put(key(id), version.get(), found));
  }

  private Future<Optional<Known>> read(long id) {
    return projects.get(id, Audience.EVERYONE).map(Optional::of)
        .recover(e -> e instanceof AppError a && a.status() == 404 ? Future.succeededFuture(Optional.empty())
            : Future.failedFuture(e))
        .compose(found -> found.filter(Project::published).isEmpty() ? Future.succeededFuture(Optional.empty())
            : galleries.of(id, NOBODY).map(gallery -> {
              Project p = found.get();
              Set<Long> personal = new HashSet<>(List.of(p.captainId()));
              p.team().forEach(m -> personal.add(m.id()));
              gallery.items().forEach(item -> personal.add(item.attachment().uploadedBy()));
              Answer page = pages.keepable(ProjectRoutes.page(p, Audience.EVERYONE, gallery));
              Answer json = pages.keepable(Answer.json(ShowcaseJson.project(p)));
              return Optional.of(new Known(Set.copyOf(personal), page, json));
            }));
  }

  private static String key(long id) {
    return "project|" + id;
  }
}
