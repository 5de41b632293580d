package app.shipyard.account;

import app.shipyard.identity.Role;
import app.shipyard.identity.Person;
import app.shipyard.config.AppConfig.SsoConfig;
import app.shipyard.web.AppError;
import app.shipyard.web.Params;
import app.shipyard.web.Text;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Issues Shipyard's own tokens (HS256, issuer and audience {@code shipyard}) and verifies both those and
 * the tokens of a configured company identity provider. Which verifier applies is chosen by the token's
 * {@code iss}; the chosen one then checks signature, algorithm, expiry, issuer and audience.
 */
public final class TokenService {

  public static final String ISSUER = "shipyard";
  private static final List<String> TIME_CLAIMS = List.of("exp", "nbf", "iat");
  private static final int MAX_SUBJECT = 255;
  private static final int MAX_NAME = 100;
  private final JWTAuth own;
  private final Optional<JWTAuth> provider;
  private final Optional<SsoConfig> sso;
  private final Duration lifetime;

  private TokenService(JWTAuth own, Optional<JWTAuth> provider, Optional<SsoConfig> sso, Duration lifetime) {
    this.own = own;
    this.provider = provider;
    this.sso = sso;
    this.lifetime = lifetime;
  }

  /** Blocking (may read a JWKS file): call at start-up, off the event loop. */
  public static TokenService create(Vertx vertx, String secret, Duration lifetime, Optional<SsoConfig> sso) {
    JWTAuth own = JWTAuth.create(vertx, new JWTAuthOptions()
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(secret))
        .setJWTOptions(new JWTOptions().setIssuer(ISSUER).setAudience(List.of(ISSUER))));
    return new TokenService(own, sso.map(s -> JWTAuth.create(vertx, providerOptions(s))), sso, lifetime);
  }

  private static JWTAuthOptions providerOptions(SsoConfig sso) {
    JWTAuthOptions options = new JWTAuthOptions()
        .setJWTOptions(new JWTOptions().setIssuer(sso.issuer()).setAudience(List.of(sso.audience())));
    sso.hs256Secret().ifPresent(secret ->
        options.addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(secret)));
    sso.publicKeyPem().ifPresent(pem ->
        options.addPubSecKey(new PubSecKeyOptions().setAlgorithm(sso.publicKeyAlgorithm().orElse("RS256")).setBuffer(pem)));
    sso.jwksFile().ifPresent(file -> {
      try {
        JsonArray keys = new JsonObject(Files.readString(file)).getJsonArray("keys", new JsonArray());
        keys.forEach(key -> options.addJwk((JsonObject) key));
      } catch (IOException e) {
        throw new IllegalStateException("Cannot read SSO_JWKS_FILE " + file + ": " + e.getMessage(), e);
      }
    });
    return options;
  }

  public String issue(Person person) {
    JsonObject claims = new JsonObject()
        .put("sub", Long.toString(person.id()))
        .put("ep", person.sessionEpoch())
        .put("name", person.displayName())
        .put("roles", new JsonArray(person.roleKeys()));
    return own.generateToken(claims, new JWTOptions().setAlgorithm("HS256")
        .setExpiresInSeconds((int) lifetime.toSeconds()).setIssuer(ISSUER).setAudience(List.of(ISSUER)));
  }

  public Duration lifetime() {
    return lifetime;
  }

  /** Verifies a token and says who it speaks for; fails with a 401 for anything not fully valid. */
  public Future<Identity> verify(String token) {
    JsonObject unverified = unverifiedClaims(token);
    String issuer = unverified.getValue("iss") instanceof String iss ? iss : "";
    // Vert.x reads the time claims as numbers while it checks the signature, and throws on anything else.
    for (String time : TIME_CLAIMS) {
      if (unverified.containsKey(time) && !(unverified.getValue(time) instanceof Number)) {
        return Future.failedFuture(badClaim(time, "it must be a number of seconds since 1970"));
      }
    }
    if (ISSUER.equals(issuer)) {
      return authenticate(own, token).compose(user -> ownIdentity(user.principal()));
    }
    if (provider.isPresent() && sso.get().issuer().equals(issuer)) {
      return authenticate(provider.get(), token).compose(user -> providerIdentity(claims(user)));
    }
    return Future.failedFuture(AppError.unauthorized("The token was not issued by a trusted issuer."));
  }

  private static Future<User> authenticate(JWTAuth auth, String token) {
    Future<User> user;
    try {
      user = auth.authenticate(new TokenCredentials(token));
    } catch (RuntimeException e) {
      user = Future.failedFuture(e);
    }
    return user.recover(e -> Future.failedFuture(AppError.unauthorized("The token is invalid or has expired.")));
  }

  /**
   * All claims of a verified token. Vert.x keeps {@code exp}, {@code iat} and {@code nbf} out of the
   * principal and puts the full claim set in the {@code accessToken} attribute.
   */
  private static JsonObject claims(User user) {
    JsonObject all = user.attributes().getJsonObject("accessToken");
    return all != null ? all : user.principal();
  }

  /** Shipyard signed it, but a token is still read as strictly as anything else that comes in. */
  private static Future<Identity> ownIdentity(JsonObject claims) {
    Optional<Long> person = claims.getValue("sub") instanceof String sub
        ? Params.wholeNumber(sub).filter(id -> id > 0) : Optional.empty();
    if (person.isEmpty() || !(claims.getValue("ep") instanceof Integer epoch)) {
      return Future.failedFuture(AppError.unauthorized("The token is invalid or has expired."));
    }
    return Future.succeededFuture(new OwnToken(person.get(), epoch));
  }

  /**
   * The identity-provider token's claims, checked against the rules of the people table before anything is
   * provisioned: a claim of the wrong shape or content is a 401 naming the claim, and nothing is created.
   */
  private Future<Identity> providerIdentity(JsonObject claims) {
    try {
      if (!(claims.getValue("exp") instanceof Number)) {
        throw badClaim("exp", "it is required, as a number of seconds since 1970");
      }
      String subject = line(claims, "sub", MAX_SUBJECT)
          .orElseThrow(() -> badClaim("sub", "it is required, as text of at most " + MAX_SUBJECT + " characters"));
      String email = line(claims, "email", Text.MAX_EMAIL).map(Text::lowerCase).filter(Text::isEmail)
          .orElseThrow(() -> badClaim("email", "it is required, as an email address of at most "
              + Text.MAX_EMAIL + " characters"));
      Object given = claims.getValue("name");
      String name = given == null || given instanceof String text && text.isBlank() ? defaultName(email)
          : line(claims, "name", MAX_NAME).orElseThrow(() -> badClaim("name",
              "it must be text of at most " + MAX_NAME + " characters"));
      return Future.succeededFuture(new ProviderToken(sso.get().issuer(), subject, email, name, roles(claims)));
    } catch (AppError e) {
      return Future.failedFuture(e);
    }
  }

  /** A claim as one line of non-blank text without control characters, stripped, at most {@code max} long. */
  private static Optional<String> line(JsonObject claims, String claim, int max) {
    if (!(claims.getValue(claim) instanceof String text) || Text.lineProblem(text).isPresent()) {
      return Optional.empty();
    }
    String value = text.strip();
    return value.isEmpty() || value.length() > max ? Optional.empty() : Optional.of(value);
  }

  private static Set<Role> roles(JsonObject claims) {
    Object roles = claims.getValue("roles");
    if (roles == null) {
      return Set.of();
    }
    if (!(roles instanceof JsonArray array) || array.stream().anyMatch(role -> !(role instanceof String text)
        || Text.lineProblem(text).isPresent())) {
      throw badClaim("roles", "it must be an array of role names");
    }
    return Person.rolesFrom(array.stream().map(String.class::cast).toArray(String[]::new));
  }

  /** The part of the email before {@code @}, cut to the longest name a person may have. */
  private static String defaultName(String email) {
    String local = email.substring(0, email.indexOf('@'));
    return local.codePointCount(0, local.length()) <= MAX_NAME ? local
        : local.substring(0, local.offsetByCodePoints(0, MAX_NAME));
  }

  private static AppError badClaim(String claim, String rule) {
    return AppError.unauthorized("The token's '" + claim + "' claim is unusable: " + rule + ".");
  }

  /** When a token that {@link #verify} accepted expires (its {@code exp}, which the signature covers). */
  public static Optional<Instant> expiresAt(String token) {
    return unverifiedClaims(token).getValue("exp") instanceof Number exp
        ? Optional.of(Instant.ofEpochSecond(exp.longValue())) : Optional.empty();
  }

  private static JsonObject unverifiedClaims(String token) {
    String[] parts = token.split("\\.");
    if (parts.length != 3) {
      return new JsonObject();
    }
    try {
      return new JsonObject(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      return new JsonObject();
    }
  }

  /** Who a verified token speaks for. */
  public sealed interface Identity permits OwnToken, ProviderToken {}

  public record OwnToken(long personId, int sessionEpoch) implements Identity {}

  public record ProviderToken(String issuer, String subject, String email, String name, Set<Role> roles)
      implements Identity {}
}
