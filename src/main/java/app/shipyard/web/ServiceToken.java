package app.shipyard.web;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * A shared secret that a machine (such as a metrics scraper) presents as {@code Authorization: Bearer <secret>}
 * instead of signing in. As a request filter it runs before authentication and marks a request that presents it, so
 * that authentication leaves that bearer alone; an {@link Access} built with it then lets the request through.
 * Compared in constant time (digests of equal length), so the answer's timing says nothing about the secret.
 */
public final class ServiceToken implements Handler<RoutingContext> {

  /** Like the signing secret: anything shorter is refused at start-up. */
  public static final int MIN_LENGTH = 32;
  private static final String KEY = "shipyard.serviceToken";

  private final byte[] digest;

  private ServiceToken(byte[] digest) {
    this.digest = digest;
  }

  /** No secret configured: nothing is ever accepted. */
  public static ServiceToken none() {
    return new ServiceToken(null);
  }

  /** {@code setting} names the configuration key, for the start-up error. */
  public static ServiceToken of(Optional<String> secret, String setting) {
    if (secret.isEmpty()) {
      return none();
    }
    if (secret.get().length() < MIN_LENGTH) {
      throw new IllegalStateException(setting + " must be at least " + MIN_LENGTH + " characters long");
    }
    return new ServiceToken(sha256(secret.get()));
  }

  @Override
  public void handle(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    if (digest != null && header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
        && MessageDigest.isEqual(digest, sha256(header.substring(7).trim()))) {
      ctx.put(KEY, this);
    }
    ctx.next();
  }

  /** Whether this request presented this secret. */
  boolean presentedIn(RoutingContext ctx) {
    return ctx.get(KEY) == this;
  }

  /** Whether this request's bearer is a service secret rather than a person's token (authentication skips it). */
  public static boolean presented(RoutingContext ctx) {
    return ctx.get(KEY) != null;
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
