package app.shipyard.attachment;

import app.shipyard.identity.Person;
import app.shipyard.pitch.Audience;
import app.shipyard.pitch.PitchRepository;
import io.vertx.core.Future;

/** Builds a project's {@link Gallery} for a viewer; "not found" for a project the viewer may not see. */
public final class Galleries {

  private final PitchRepository pitches;
  private final AttachmentRepository attachments;
  private final String maxSize;

  Galleries(PitchRepository pitches, AttachmentRepository attachments, String maxSize) {
    this.pitches = pitches;
    this.attachments = attachments;
    this.maxSize = maxSize;
  }

  public Future<Gallery> of(long projectId, Person viewer) {
    Audience who = Audience.of(viewer);
    return pitches.get(projectId, who).compose(project -> attachments.ofProject(project.id())
        .map(all -> Gallery.of(project, all, who, maxSize)));
  }
}
