package app.shipyard.attachment;

import java.nio.charset.StandardCharsets;

/** Searches in raw bytes for ASCII signatures. */
final class Bytes {

  private Bytes() {}

  /** The first position at or after {@code from} where {@code ascii} starts, ignoring ASCII case; -1 if none. */
  static int indexOfIgnoreCase(byte[] bytes, String ascii, int from) {
    return search(bytes, ascii.toLowerCase().getBytes(StandardCharsets.US_ASCII), from, true);
  }

  static int indexOf(byte[] bytes, String ascii, int from) {
    return search(bytes, ascii.getBytes(StandardCharsets.ISO_8859_1), from, false);
  }

  /** Whether the bytes end with {@code ascii}, after any trailing white space (line ends, spaces, NULs). */
  static boolean endsWith(byte[] bytes, String ascii) {
    int end = bytes.length;
    while (end > 0 && (bytes[end - 1] == '\n' || bytes[end - 1] == '\r' || bytes[end - 1] == ' '
        || bytes[end - 1] == '\t' || bytes[end - 1] == 0)) {
      end--;
    }
    byte[] tail = ascii.getBytes(StandardCharsets.US_ASCII);
    return end >= tail.length && search(bytes, tail, end - tail.length, false) == end - tail.length;
  }

  private static int search(byte[] bytes, byte[] sought, int from, boolean ignoreCase) {
    outer:
    for (int i = Math.max(0, from); i <= bytes.length - sought.length; i++) {
      for (int j = 0; j < sought.length; j++) {
        byte b = bytes[i + j];
        if (ignoreCase && b >= 'A' && b <= 'Z') {
          b = (byte) (b + 32);
        }
        if (b != sought[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
