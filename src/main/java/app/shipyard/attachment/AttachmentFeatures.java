package app.shipyard.attachment;

import app.shipyard.config.AppConfig;
import app.shipyard.pitch.PitchRepository;
import app.shipyard.web.Routes;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;

/**
 * Wires attachments, once per process: the repository, the store that checks uploads off the event loop, the gallery
 * the project page shows, and the routes. Uploads stream to {@code <data folder>/uploads}.
 */
public final class AttachmentFeatures implements Routes.Feature {

  private final AttachmentStore store;
  private final Galleries galleries;
  private final AttachmentRoutes routes;
  private final AttachmentFiles files;

  public AttachmentFeatures(Vertx vertx, AppConfig config, Pool pool, PitchRepository pitches) {
    AttachmentRepository attachments = new AttachmentRepository(pool);
    this.store = new AttachmentStore(vertx, attachments);
    UploadLimit uploads = new UploadLimit(config.dataDir().resolve("uploads"), config.maxUploadBytes());
    this.galleries = new Galleries(pitches, attachments, uploads.megabytes());
    this.routes = new AttachmentRoutes(pitches, store, galleries, uploads);
    this.files = new AttachmentFiles(pitches, attachments);
  }

  public AttachmentRepository attachments() {
    return store.attachments();
  }

  /** For the project page: {@code galleries().of(projectId, viewer)} is the view of {@code attachment/gallery}. */
  public Galleries galleries() {
    return galleries;
  }

  public AttachmentStore store() {
    return store;
  }

  @Override
  public void register(Routes routes) {
    this.routes.register(routes);
    files.register(routes);
  }
}
