package app.shipyard.attachment;

import java.time.OffsetDateTime;

/**
 * One file attached to a project, without its bytes: what the gallery and the API list. {@code width} and
 * {@code height} are an image's (null for a PDF), as are {@code previewWidth} and {@code previewHeight}.
 */
public record Attachment(long id, long pitchId, String mediaType, String fileName, String caption, int sizeBytes,
                         Integer width, Integer height, Integer previewWidth, Integer previewHeight, long uploadedBy,
                         String uploaderName, OffsetDateTime uploadedAt) {

  public boolean image() {
    return width != null;
  }

  public String url() {
    return "/attachments/" + id;
  }

  public String previewUrl() {
    return image() ? url() + "/preview" : null;
  }

  /** The size for people: "840 KB", "2.4 MB". */
  public String sizeLabel() {
    return sizeBytes < 1024 * 1024 ? Math.max(1, Math.round(sizeBytes / 1024.0)) + " KB"
        : String.format(java.util.Locale.ROOT, "%.1f MB", sizeBytes / (1024.0 * 1024.0));
  }
}
