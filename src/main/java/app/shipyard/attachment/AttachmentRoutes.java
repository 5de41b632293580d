package app.shipyard.attachment;

import app.shipyard.identity.Role;
import app.shipyard.pitch.Audience;
import app.shipyard.pitch.PitchRepository;
import app.shipyard.web.Access;
import app.shipyard.web.Answer;
import app.shipyard.web.Input;
import app.shipyard.web.Params;
import app.shipyard.web.Routes;
import app.shipyard.web.Viewer;
import io.vertx.core.Future;
import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.RoutingContext;
import java.nio.file.Path;

/**
 * A project's attachments: its gallery page with the upload form, the JSON API, and deleting. Whoever may not see the
 * project (see {@code pitch/Audience}) gets 404 from every route under it; uploads and deletes need the employee,
 * organiser or admin role, and then the data decides (see {@link AttachmentRepository}).
 */
final class AttachmentRoutes implements Routes.Feature {

  private static final Access PEOPLE = Access.roles(Role.EMPLOYEE, Role.ORGANISER, Role.ADMIN);
  private static final int MAX_CAPTION = 300;
  private final PitchRepository pitches;
  private final AttachmentStore store;
  private final Galleries galleries;
  private final UploadLimit uploads;

  AttachmentRoutes(PitchRepository pitches, AttachmentStore store, Galleries galleries, UploadLimit uploads) {
    this.pitches = pitches;
    this.store = store;
    this.galleries = galleries;
    this.uploads = uploads;
  }

  @Override
  public void register(Routes routes) {
    routes.guard("/projects/:id", this::projectVisible).guard("/api/projects/:id", this::projectVisible)
        .uploads("/projects/:id/attachments", uploads).uploads("/api/projects/:id/attachments", uploads)
        .get("/projects/:id/attachments", Access.signedIn(), this::page)
        .post("/projects/:id/attachments", PEOPLE, ctx -> upload(ctx).map(a -> toPage(ctx)))
        .post("/projects/:id/attachments/:attachmentId/delete", PEOPLE,
            ctx -> delete(ctx, "attachmentId").map(d -> toPage(ctx)))
        .get("/api/projects/:id/attachments", Access.signedIn(), this::list)
        .post("/api/projects/:id/attachments", PEOPLE,
            ctx -> upload(ctx).map(a -> Answer.json(201, AttachmentJson.of(a))))
        .delete("/api/attachments/:id", PEOPLE, ctx -> delete(ctx, "id").map(d -> Answer.noContent()));
  }

  private Future<Void> projectVisible(RoutingContext ctx) {
    Audience who = Viewer.of(ctx).map(v -> Audience.of(v.person())).orElse(Audience.EVERYONE);
    return pitches.requireVisible(Params.id(ctx, "id", "That pitch"), who);
  }

  private Future<Answer> page(RoutingContext ctx) {
    return galleries.of(Params.id(ctx, "id", "That pitch"), Viewer.person(ctx))
        .map(gallery -> Answer.page("attachment/attachments", "Attachments: " + gallery.projectTitle(), gallery));
  }

  private Future<Answer> list(RoutingContext ctx) {
    return store.attachments().ofProject(Params.id(ctx, "id", "That pitch"))
        .map(all -> Answer.json(AttachmentJson.list(all, AttachmentRepository.MAX_PER_PROJECT)));
  }

  private Future<Attachment> upload(RoutingContext ctx) {
    long id = Params.id(ctx, "id", "That pitch");
    Input input = Input.of(ctx);
    String caption = input.optional("caption", MAX_CAPTION);
    input.check();
    FileUpload file = uploads.file(ctx);
    return store.add(id, Audience.of(Viewer.person(ctx)), Path.of(file.uploadedFileName()), file.fileName(), caption);
  }

  private Future<Void> delete(RoutingContext ctx, String param) {
    long id = Params.id(ctx, param, "That attachment");
    return store.attachments().delete(id, Audience.of(Viewer.person(ctx)));
  }

  private static Answer toPage(RoutingContext ctx) {
    return Answer.seeOther("/projects/" + ctx.pathParam("id") + "/attachments");
  }
}
