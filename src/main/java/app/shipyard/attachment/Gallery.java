package app.shipyard.attachment;

import app.shipyard.pitch.Audience;
import app.shipyard.pitch.Pitch;
import java.util.List;

/**
 * The view of the {@code attachment/gallery} partial: a project's attachments as one viewer may act on them. A page
 * that shows the partial puts this record in its view (e.g. as {@code gallery}, from {@link Galleries}) and writes
 * <code>{{#with gallery}}{{&gt; attachment/gallery}}{{/with}}</code>.
 */
public record Gallery(long projectId, String projectTitle, List<Item> items, boolean canUpload, int max,
                      String maxSize) {

  /** One attachment, and whether the viewer may delete it (its uploader, the captain, organisers). */
  public record Item(Attachment attachment, boolean canDelete) {}

  static Gallery of(Pitch project, List<Attachment> all, Audience who, String maxSize) {
    boolean manages = who.manages(project.captainId());
    List<Item> items = all.stream().map(a -> new Item(a, manages || a.uploadedBy() == who.personId())).toList();
    return new Gallery(project.id(), project.title(), items, manages || project.hasMember(who.personId()),
        AttachmentRepository.MAX_PER_PROJECT, maxSize);
  }

  public boolean full() {
    return items.size() >= max;
  }

  public boolean uploadOpen() {
    return canUpload && !full();
  }
}
