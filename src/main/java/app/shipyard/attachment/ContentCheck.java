package app.shipyard.attachment;

import app.shipyard.web.AppError;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.tika.Tika;

/**
 * Decides what an uploaded file is from its bytes alone (never its name or declared type) and proves it: Tika's magic
 * detection names the type; an image is then walked to its structural end (nothing may follow it), picked up by the
 * ImageIO decoder of that same format and decoded in full; a PDF goes through {@link PdfCheck}. Any file that carries
 * markup or script signatures, or a ZIP/JAR directory at its end, is a polyglot and refused. Blocking and CPU-heavy:
 * run off the event loop.
 */
final class ContentCheck {

  /** Larger images are refused before decoding: a small file can declare enormous dimensions. */
  static final long MAX_PIXELS = 25_000_000;
  private static final Tika TIKA = new Tika();
  private static final List<String> MARKUP = List.of("<script", "<html", "<?php", "<svg", "<iframe", "<!doctype",
      "<object", "<embed", "javascript:");
  /** ZIP readers look for their end-of-directory record in the last 64 KiB and 22 bytes of a file. */
  private static final int ZIP_TAIL = 65_557;

  private ContentCheck() {}

  /** What the file was checked to be; refuses it with a 400 naming the field {@code file} otherwise. */
  static Checked check(byte[] bytes) {
    String detected = TIKA.detect(bytes);
    FileType type = FileType.ofMediaType(detected).orElseThrow(() -> refused("must be a " + FileType.ACCEPTED
        + " file; by its content this one is " + detected));
    polyglotProblem(bytes).ifPresent(problem -> {
      throw refused(problem);
    });
    if (!type.image()) {
      PdfCheck.problem(bytes).ifPresent(problem -> {
        throw refused(problem);
      });
      return Checked.pdf(bytes);
    }
    OptionalInt end = ImageEnds.end(type, bytes);
    if (end.isEmpty()) {
      throw refused("is not a whole " + type.extension().toUpperCase(Locale.ROOT) + " image: it is truncated or damaged");
    }
    if (end.getAsInt() < bytes.length) {
      throw refused("has " + (bytes.length - end.getAsInt()) + " bytes of something else after the end of the image");
    }
    BufferedImage image = decode(type, bytes);
    return Checked.image(type, bytes, image.getWidth(), image.getHeight(), Previews.of(image));
  }

  private static Optional<String> polyglotProblem(byte[] bytes) {
    for (String signature : MARKUP) {
      if (Bytes.indexOfIgnoreCase(bytes, signature, 0) >= 0) {
        return Optional.of("contains web page or script code (" + signature + ")");
      }
    }
    if (Bytes.indexOf(bytes, "PK\u0005\u0006", bytes.length - ZIP_TAIL) >= 0) {
      return Optional.of("ends with a ZIP or JAR archive");
    }
    return Optional.empty();
  }

  /** Decodes the whole image with the reader ImageIO picks by content, which must be one for the detected format. */
  private static BufferedImage decode(FileType type, byte[] bytes) {
    try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
      if (!readers.hasNext()) {
        throw refused("cannot be decoded as an image");
      }
      ImageReader reader = readers.next();
      try {
        String format = reader.getFormatName().toLowerCase(Locale.ROOT);
        if (!format.equals(type.imageFormat())) {
          throw refused("looks like " + type.mediaType() + " but decodes as " + format);
        }
        reader.setInput(input, true, true);
        reader.addIIOReadWarningListener((source, warning) -> {
          throw new IllegalStateException(warning);
        });
        if ((long) reader.getWidth(0) * reader.getHeight(0) > MAX_PIXELS) {
          throw refused("is larger than " + MAX_PIXELS / 1_000_000 + " megapixels");
        }
        return reader.read(0);
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof AppError refusal) {
        throw refusal;
      }
      throw refused("cannot be decoded as a whole " + type.extension().toUpperCase(Locale.ROOT) + " image");
    }
  }

  private static AppError refused(String problem) {
    return AppError.invalid("file", problem);
  }

  /** A file that passed: its type, bytes, and for an image its size and preview. */
  record Checked(FileType type, byte[] bytes, Integer width, Integer height, Previews.Preview preview) {

    static Checked pdf(byte[] bytes) {
      return new Checked(FileType.PDF, bytes, null, null, null);
    }

    static Checked image(FileType type, byte[] bytes, int width, int height, Previews.Preview preview) {
      return new Checked(type, bytes, width, height, preview);
    }
  }
}
