package app.shipyard.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/** Where a redirect may go: plain local paths only, so there are no open redirects. */
public final class Redirects {

  private static final int MAX_TARGET = 2000;

  private Redirects() {}

  /** Where to go after signing in: the local path asked for, or {@code /}, so there are no open redirects. */
  public static String safeNext(String next) {
    return localPath(next).orElse("/");
  }

  /**
   * {@code target} parsed and normalised as a plain local path ({@code /a/./b?x#y} gives {@code /a/b?x#y}, non-ASCII
   * %-encoded), or empty when it is anything else: no scheme, host or {@code //}, no backslash, white space or control
   * character (browsers drop tabs and line breaks, so {@code /<tab>/evil.example} would leave the site), no
   * {@code ..} above the root.
   */
  public static Optional<String> localPath(String target) {
    if (target == null || !target.startsWith("/") || target.length() > MAX_TARGET
        || target.codePoints().anyMatch(c -> c == '\\' || Character.isWhitespace(c) || Character.isSpaceChar(c)
            || Character.isISOControl(c) || Character.getType(c) == Character.SURROGATE)) {
      return Optional.empty();
    }
    URI uri;
    try {
      uri = new URI(target).normalize();
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
    String path = uri.getRawPath();
    if (uri.getScheme() != null || uri.getRawAuthority() != null || path == null || !path.startsWith("/")
        || path.startsWith("//") || path.equals("/..") || path.startsWith("/../")) {
      return Optional.empty();
    }
    return Optional.of(uri.toASCIIString());
  }
}
