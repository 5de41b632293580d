package app.shipyard.attachment;

import java.util.OptionalInt;

/**
 * Where an image file's own structure says it ends, walking it as its format defines: PNG chunks up to {@code IEND},
 * JPEG segments and entropy-coded data up to {@code EOI}, GIF blocks up to the trailer, the WebP RIFF container's
 * chunks up to its declared length. Empty when the bytes stop before that end (a truncated or malformed file). Bytes
 * after the end are what makes a polyglot: an archive, a page or a script riding on a valid image.
 */
final class ImageEnds {

  private ImageEnds() {}

  static OptionalInt end(FileType type, byte[] b) {
    try {
      return OptionalInt.of(switch (type) {
        case PNG -> png(b);
        case JPEG -> jpeg(b);
        case GIF -> gif(b);
        case WEBP -> webp(b);
        case PDF -> throw new IllegalArgumentException("not an image");
      });
    } catch (ArrayIndexOutOfBoundsException | Malformed e) {
      return OptionalInt.empty();
    }
  }

  private static final class Malformed extends Exception {
    Malformed() {
      super(null, null, false, false);
    }
  }

  private static int png(byte[] b) throws Malformed {
    int at = 8;
    while (true) {
      long length = be32(b, at);
      String type = new String(b, at + 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
      long next = at + 12 + length;
      if (length > Integer.MAX_VALUE || next > b.length) {
        throw new Malformed();
      }
      at = (int) next;
      if (type.equals("IEND")) {
        return at;
      }
    }
  }

  private static int jpeg(byte[] b) throws Malformed {
    int at = 2;
    while (true) {
      if ((b[at] & 0xFF) != 0xFF) {
        throw new Malformed();
      }
      while ((b[at] & 0xFF) == 0xFF) {
        at++;
      }
      int marker = b[at++] & 0xFF;
      if (marker == 0xD9) {
        return at;
      }
      if (marker >= 0xD0 && marker <= 0xD7 || marker == 0x01) {
        continue;
      }
      at += be16(b, at);
      if (marker == 0xDA) {
        at = afterScan(b, at);
      }
    }
  }

  /** The position of the first marker after entropy-coded data: an FF not followed by a stuffed 00 or a restart. */
  private static int afterScan(byte[] b, int at) {
    while (true) {
      if ((b[at] & 0xFF) == 0xFF) {
        int next = b[at + 1] & 0xFF;
        if (next != 0x00 && !(next >= 0xD0 && next <= 0xD7) && next != 0xFF) {
          return at;
        }
        at += next == 0xFF ? 1 : 2;
      } else {
        at++;
      }
    }
  }

  private static int gif(byte[] b) throws Malformed {
    int flags = b[10] & 0xFF;
    int at = 13 + ((flags & 0x80) != 0 ? 3 << ((flags & 7) + 1) : 0);
    while (true) {
      int block = b[at] & 0xFF;
      if (block == 0x3B) {
        return at + 1;
      } else if (block == 0x2C) {
        int local = b[at + 9] & 0xFF;
        at += 10 + ((local & 0x80) != 0 ? 3 << ((local & 7) + 1) : 0) + 1;
        at = subBlocks(b, at);
      } else if (block == 0x21) {
        at = subBlocks(b, at + 2);
      } else {
        throw new Malformed();
      }
    }
  }

  private static int subBlocks(byte[] b, int at) {
    while (true) {
      int size = b[at] & 0xFF;
      at += 1 + size;
      if (size == 0) {
        return at;
      }
      if (at > b.length) {
        throw new ArrayIndexOutOfBoundsException(at);
      }
    }
  }

  private static int webp(byte[] b) throws Malformed {
    long end = 8 + le32(b, 4);
    if (end > b.length) {
      throw new Malformed();
    }
    int at = 12;
    while (at < end) {
      long next = at + 8 + le32(b, at + 4);
      next += next % 2;
      if (next > end) {
        throw new Malformed();
      }
      at = (int) next;
    }
    return (int) end;
  }

  private static long be32(byte[] b, int at) {
    return (b[at] & 0xFFL) << 24 | (b[at + 1] & 0xFFL) << 16 | (b[at + 2] & 0xFFL) << 8 | b[at + 3] & 0xFFL;
  }

  private static long le32(byte[] b, int at) {
    return (b[at + 3] & 0xFFL) << 24 | (b[at + 2] & 0xFFL) << 16 | (b[at + 1] & 0xFFL) << 8 | b[at] & 0xFFL;
  }

  private static int be16(byte[] b, int at) {
    return (b[at] & 0xFF) << 8 | b[at + 1] & 0xFF;
  }
}
