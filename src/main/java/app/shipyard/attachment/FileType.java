package app.shipyard.attachment;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of file a project may attach, as decided from their content: the media type detected, the name of the
 * ImageIO format that must decode it (images only), the extension a served file's name gets, and whether a browser
 * shows it inline (images) or downloads it (PDFs, which can carry scripts and forms of their own).
 */
enum FileType {
  PNG("image/png", "png", "png"),
  JPEG("image/jpeg", "jpeg", "jpg"),
  WEBP("image/webp", "webp", "webp"),
  GIF("image/gif", "gif", "gif"),
  PDF("application/pdf", null, "pdf");

  static final String ACCEPTED = "PNG, JPEG, WebP, GIF or PDF";

  private final String mediaType;
  private final String imageFormat;
  private final String extension;

  FileType(String mediaType, String imageFormat, String extension) {
    this.mediaType = mediaType;
    this.imageFormat = imageFormat;
    this.extension = extension;
  }

  static Optional<FileType> ofMediaType(String mediaType) {
    return Arrays.stream(values()).filter(t -> t.mediaType.equals(mediaType)).findFirst();
  }

  String mediaType() {
    return mediaType;
  }

  String imageFormat() {
    return imageFormat;
  }

  String extension() {
    return extension;
  }

  boolean image() {
    return imageFormat != null;
  }
}
