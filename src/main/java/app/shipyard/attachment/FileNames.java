package app.shipyard.attachment;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * File names, made safe twice: when stored (the last path segment of what the uploader's browser sent, without
 * control or reserved characters, at most {@value #MAX_LENGTH} characters, and with the extension of the type the
 * content was found to be), and when served, as a {@code Content-Disposition} header (RFC 6266) with an ASCII
 * {@code filename} for old clients and the exact name as {@code filename*} in RFC 5987 UTF-8 encoding.
 */
final class FileNames {

  static final int MAX_LENGTH = 120;
  private static final String RESERVED = "\\/:*?\"<>|;%";
  private static final String ATTR_CHARS = "!#$&+-.^_`|~";

  private FileNames() {}

  /** A name to keep for an upload of {@code type}: "shot.pdf" holding a PNG is kept as "shot.png". */
  static String stored(String sent, FileType type) {
    String name = sent == null ? "" : Normalizer.normalize(sent, Normalizer.Form.NFC);
    name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    StringBuilder clean = new StringBuilder();
    name.codePoints().forEach(c -> clean.appendCodePoint(Character.isISOControl(c) || RESERVED.indexOf(c) >= 0
        || Character.getType(c) == Character.FORMAT || Character.isWhitespace(c) ? ' ' : c));
    String base = clean.toString().strip().replaceAll(" +", " ").replaceFirst("^\\.+", "");
    base = base.replaceFirst("\\.[A-Za-z0-9]{1,5}$", "").strip();
    String extension = "." + type.extension();
    int room = MAX_LENGTH - extension.length();
    if (base.codePointCount(0, base.length()) > room) {
      base = base.substring(0, base.offsetByCodePoints(0, room)).strip();
    }
    return (base.isEmpty() ? "attachment" : base) + extension;
  }

  /** {@code attachment} for PDFs (downloaded, never run in the page), {@code inline} for images. */
  static String disposition(FileType type, String name) {
    return (type.image() ? "inline" : "attachment") + "; filename=\"" + ascii(name) + "\"; filename*=UTF-8''"
        + encoded(name);
  }

  private static String ascii(String name) {
    StringBuilder out = new StringBuilder();
    Normalizer.normalize(name, Normalizer.Form.NFD).codePoints().forEach(c -> {
      if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') {
        out.append((char) c);
      } else if (Character.getType(c) != Character.NON_SPACING_MARK) {
        out.append('_');
      }
    });
    return out.toString();
  }

  private static String encoded(String name) {
    StringBuilder out = new StringBuilder();
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if (c < 0x80 && (Character.isLetterOrDigit(c) || ATTR_CHARS.indexOf(c) >= 0)) {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
      }
    }
    return out.toString();
  }
}
