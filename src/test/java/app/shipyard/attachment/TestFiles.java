package app.shipyard.attachment;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;

/** Files for the tests, made here: images drawn with Java2D and written by ImageIO, PDFs written by PDFBox. */
final class TestFiles {

  /**
   * A 1x1 lossless WebP (nothing in the JDK writes WebP, and TwelveMonkeys only reads it): the well-known sample that
   * browsers' WebP feature checks decode.
   */
  static final byte[] WEBP = Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");

  private TestFiles() {}

  static BufferedImage drawing(int width, int height, boolean alpha) {
    BufferedImage image = new BufferedImage(width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setPaint(new GradientPaint(0, 0, new Color(20, 60, 140, alpha ? 128 : 255), width, height, Color.ORANGE));
    g.fillRect(0, 0, width, height);
    g.setColor(Color.WHITE);
    g.fillOval(width / 4, height / 4, width / 2, height / 2);
    g.dispose();
    return image;
  }

  static byte[] image(String format, int width, int height) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(drawing(width, height, false), format, out)) {
        throw new IllegalStateException("No writer for " + format);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static byte[] png(int width, int height) {
    return image("png", width, height);
  }

  static byte[] pdf() {
    return pdf(false);
  }

  static byte[] pdf(boolean script) {
    try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      document.addPage(new PDPage());
      if (script) {
        document.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert('hello');"));
      }
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] zip() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
      zip.write("Manifest-Version: 1.0\nMain-Class: Evil\n".getBytes(StandardCharsets.US_ASCII));
      zip.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static byte[] concat(byte[] first, byte[] second) {
    byte[] both = Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, both, first.length, second.length);
    return both;
  }

  static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  /** A valid PNG with a text chunk holding {@code text}, placed just before its IEND chunk. */
  static byte[] pngWithText(byte[] png, String text) {
    byte[] data = ascii("Comment\0" + text);
    ByteBuffer chunk = ByteBuffer.allocate(12 + data.length);
    chunk.putInt(data.length).put(ascii("tEXt")).put(data);
    CRC32 crc = new CRC32();
    crc.update(chunk.array(), 4, 4 + data.length);
    chunk.putInt((int) crc.getValue());
    int iend = png.length - 12;
    return concat(concat(Arrays.copyOf(png, iend), chunk.array()), Arrays.copyOfRange(png, iend, png.length));
  }

  static byte[] elf() {
    byte[] elf = new byte[256];
    byte[] head = {0x7F, 'E', 'L', 'F', 2, 1, 1, 0};
    System.arraycopy(head, 0, elf, 0, head.length);
    elf[16] = 2;
    elf[18] = 0x3E;
    return elf;
  }

  static byte[] pe() {
    byte[] pe = new byte[512];
    pe[0] = 'M';
    pe[1] = 'Z';
    pe[0x3C] = (byte) 0x80;
    System.arraycopy(ascii("PE\0\0"), 0, pe, 0x80, 4);
    System.arraycopy(ascii("This program cannot be run in DOS mode."), 0, pe, 0x4E, 39);
    return pe;
  }
}
