package app.shipyard.web;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What Shipyard accepts as text, wherever it comes from (path, query, form, JSON, headers, CSV, token claims):
 * valid Unicode without control characters other than tab, line feed and carriage return. PostgreSQL refuses
 * NUL outright, and the other control characters have no place in anything a person types.
 */
public final class Text {

  public static final String CONTROL_CHARACTERS = "must not contain control characters";
  public static final String NOT_UNICODE = "must be valid Unicode text";
  public static final String NOT_UTF8 = "is not valid UTF-8";
  public static final String BAD_ESCAPE = "has a malformed %-escape";
  public static final int MAX_EMAIL = 254;

  /**
   * Stricter than the people table's check: a dot in the domain, and {@code \s} as any Unicode white space, so
   * whatever PostgreSQL's locale-aware {@code \s} refuses is refused here first.
   */
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$",
      Pattern.UNICODE_CHARACTER_CLASS);

  private Text() {}

  /** Why {@code text} cannot be taken, or empty when it can. */
  public static Optional<String> problem(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
        return Optional.of(CONTROL_CHARACTERS);
      }
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return Optional.of(NOT_UNICODE);
      }
    }
    return Optional.empty();
  }

  /** As {@link #problem}, and a single line: no tab, line feed or carriage return either (names, emails, ids). */
  public static Optional<String> lineProblem(String text) {
    if (text.indexOf('\t') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
      return Optional.of(CONTROL_CHARACTERS);
    }
    return problem(text);
  }

  /** An email address Shipyard accepts (and so the people table does): one line, at most 254 characters. */
  public static boolean isEmail(String email) {
    return email.length() <= MAX_EMAIL && EMAIL.matcher(email).matches() && lineProblem(email).isEmpty();
  }

  public static String lowerCase(String text) {
    return text.toLowerCase(Locale.ROOT);
  }

  /** Bytes as strictly decoded UTF-8; empty when they are not valid UTF-8. */
  public static Optional<String> utf8(byte[] bytes) {
    try {
      return Optional.of(StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  /**
   * One %-encoded component of a path, query or form, decoded strictly ({@code +} is a space outside paths).
   * Fails with {@link #BAD_ESCAPE} or {@link #NOT_UTF8} as its message.
   */
  public static String percentDecoded(String component, boolean plusIsSpace) {
    StringBuilder decoded = new StringBuilder(component.length());
    int i = 0;
    while (i < component.length()) {
      char c = component.charAt(i);
      if (c == '%') {
        // A run of escapes is one byte sequence: a character may take several of them.
        ByteArrayOutputStream run = new ByteArrayOutputStream();
        while (i < component.length() && component.charAt(i) == '%') {
          int high = i + 2 < component.length() ? hex(component.charAt(i + 1)) : -1;
          int low = high >= 0 ? hex(component.charAt(i + 2)) : -1;
          if (low < 0) {
            throw new IllegalArgumentException(BAD_ESCAPE);
          }
          run.write(high * 16 + low);
          i += 3;
        }
        decoded.append(utf8(run.toByteArray()).orElseThrow(() -> new IllegalArgumentException(NOT_UTF8)));
      } else {
        decoded.append(c == '+' && plusIsSpace ? ' ' : c);
        i++;
      }
    }
    return decoded.toString();
  }

  private static int hex(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
  }

  /** A name fit to show in a message: disallowed characters become {@code ?}. */
  public static String printable(String name) {
    StringBuilder shown = new StringBuilder(name.length());
    name.codePoints().forEach(c -> shown.appendCodePoint(Character.isISOControl(c)
        || Character.getType(c) == Character.SURROGATE ? '?' : c));
    return shown.toString();
  }
}
