package app.shipyard.attachment;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import net.coobird.thumbnailator.Thumbnails;

/**
 * An image's preview: at most {@value #MAX_SIDE} pixels on its longer side (never enlarged), re-encoded from the
 * decoded pixels alone, so none of the original's metadata (camera, place, comments) or trailing bytes survive. PNG
 * when the image has transparency, else JPEG. Blocking: run off the event loop.
 */
final class Previews {

  static final int MAX_SIDE = 480;

  private Previews() {}

  record Preview(String mediaType, byte[] bytes, int width, int height) {}

  static Preview of(BufferedImage image) {
    boolean alpha = image.getColorModel().hasAlpha();
    try {
      var builder = Thumbnails.of(image);
      if (image.getWidth() <= MAX_SIDE && image.getHeight() <= MAX_SIDE) {
        builder.scale(1.0);
      } else {
        builder.size(MAX_SIDE, MAX_SIDE).keepAspectRatio(true);
      }
      builder.imageType(alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
      BufferedImage small = builder.asBufferedImage();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      Thumbnails.of(small).scale(1.0).outputFormat(alpha ? "png" : "jpg").outputQuality(alpha ? 1.0 : 0.85)
          .toOutputStream(out);
      return new Preview(alpha ? "image/png" : "image/jpeg", out.toByteArray(), small.getWidth(), small.getHeight());
    } catch (IOException e) {
      throw new UncheckedIOException("The preview could not be written", e);
    }
  }
}
