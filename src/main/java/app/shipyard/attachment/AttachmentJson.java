package app.shipyard.attachment;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** Attachments as the API answers them. */
final class AttachmentJson {

  private AttachmentJson() {}

  static JsonObject of(Attachment a) {
    JsonObject json = new JsonObject().put("id", a.id()).put("projectId", a.pitchId()).put("type", a.mediaType())
        .put("fileName", a.fileName()).put("caption", a.caption()).put("size", a.sizeBytes())
        .put("url", a.url()).put("uploadedBy", new JsonObject().put("id", a.uploadedBy())
            .put("displayName", a.uploaderName()))
        .put("uploadedAt", a.uploadedAt().toString());
    if (a.image()) {
      json.put("width", a.width()).put("height", a.height()).put("preview", new JsonObject()
          .put("url", a.previewUrl()).put("width", a.previewWidth()).put("height", a.previewHeight()));
    }
    return json;
  }

  static JsonObject list(List<Attachment> all, int max) {
    return new JsonObject().put("attachments", new JsonArray(all.stream().map(AttachmentJson::of).toList()))
        .put("max", max);
  }
}
