package app.shipyard.web;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which site a browser request comes from: Shipyard's own origin (the Host the request came to) or one of the public
 * origins a proxy serves it at ({@code SHIPYARD_PUBLIC_ORIGINS}). Used by {@link Csrf} for unsafe requests and by the
 * live channel for its websocket handshakes.
 */
public final class Origins {

  /** Origins a proxy serves Shipyard at while rewriting the Host header. */
  private final Set<String> publicOrigins;

  public Origins(List<String> publicOrigins) {
    this.publicOrigins = publicOrigins.stream().map(Origins::normalised).flatMap(Optional::stream)
        .collect(Collectors.toUnmodifiableSet());
  }

  /**
   * Whether the browser says the request comes from another site: a {@code Sec-Fetch-Site} other than
   * {@code same-origin} or {@code none} (typed in by the person), or an {@code Origin} other than this server's. The
   * origin is compared with the Host the request came to, so behind a proxy that keeps the Host header the public
   * address is the one that counts. Clients that send neither (API clients, old browsers) are judged by the token.
   */
  public boolean fromAnotherSite(HttpServerRequest request) {
    String site = request.getHeader("Sec-Fetch-Site");
    if (site != null && !site.equalsIgnoreCase("same-origin") && !site.equalsIgnoreCase("none")) {
      return true;
    }
    String origin = request.getHeader("Origin");
    return origin != null && !sameOrigin(origin, request.authority())
        && !normalised(origin).map(publicOrigins::contains).orElse(false);
  }

  /**
   * Whether a request names Shipyard's own origin (or a public one) in its {@code Origin} header. Browsers always
   * send it on a websocket handshake, which no same-origin policy protects: a missing header is refused too.
   */
  public boolean fromShipyard(HttpServerRequest request) {
    return request.getHeader("Origin") != null && !fromAnotherSite(request);
  }

  /** {@code scheme://host:port} in lower case with the port spelled out, or empty when it is not a web origin. */
  private static Optional<String> normalised(String origin) {
    try {
      URI uri = new URI(origin.strip());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
      if (uri.getHost() == null || !scheme.equals("http") && !scheme.equals("https")) {
        return Optional.empty();
      }
      int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
      return Optional.of(scheme + "://" + bare(uri.getHost()).toLowerCase() + ":" + port);
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  private static boolean sameOrigin(String origin, HostAndPort served) {
    URI uri;
    try {
      uri = new URI(origin);
    } catch (URISyntaxException e) {
      return false;
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
    if (served == null || uri.getHost() == null || !scheme.equals("http") && !scheme.equals("https")) {
      return false;
    }
    int defaultPort = scheme.equals("https") ? 443 : 80;
    int port = uri.getPort() == -1 ? defaultPort : uri.getPort();
    int servedPort = served.port() == -1 ? defaultPort : served.port();
    return bare(uri.getHost()).equalsIgnoreCase(bare(served.host())) && port == servedPort;
  }

  /** A host without the brackets of an IPv6 literal. */
  private static String bare(String host) {
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }
}
