package app.shipyard.account;

import app.shipyard.identity.Role;
import app.shipyard.identity.Person;
import app.shipyard.config.AppConfig.SsoConfig;
import app.shipyard.web.AppError;
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
    String issuer = unverifiedIssuer(token);
    if (ISSUER.equals(issuer)) {
      return own.authenticate(new TokenCredentials(token))
          .recover(e -> Future.failedFuture(AppError.unauthorized("The token is invalid or has expired.")))
          .map(user -> (Identity) new OwnToken(Long.parseLong(user.principal().getString("sub")),
              user.principal().getInteger("ep", -1)));
    }
    if (provider.isPresent() && sso.get().issuer().equals(issuer)) {
      return provider.get().authenticate(new TokenCredentials(token))
          .recover(e -> Future.failedFuture(AppError.unauthorized("The token is invalid or has expired.")))
          .compose(user -> providerIdentity(claims(user)));
    }
    return Future.failedFuture(AppError.unauthorized("The token was not issued by a trusted issuer."));
  }

  /**
   * All claims of a verified token. Vert.x keeps {@code exp}, {@code iat} and {@code nbf} out of the
   * principal and puts the full claim set in the {@code accessToken} attribute.
   */
  private static JsonObject claims(User user) {
    JsonObject all = user.attributes().getJsonObject("accessToken");
    return all != null ? all : user.principal();
  }

  private Future<Identity> providerIdentity(JsonObject claims) {
    String subject = claims.getString("sub", "");
    String email = claims.getString("email", "");
    if (!claims.containsKey("exp") || subject.isBlank() || !email.contains("@")) {
      return Future.failedFuture(AppError.unauthorized("The identity provider's token lacks exp, sub or email."));
    }
    String name = claims.getString("name", email.substring(0, email.indexOf('@')));
    JsonArray roles = claims.getJsonArray("roles", new JsonArray());
    Set<Role> parsed = Person.rolesFrom(roles.stream().map(String::valueOf).toArray(String[]::new));
    return Future.succeededFuture(new ProviderToken(sso.get().issuer(), subject, email.toLowerCase(), name, parsed));
  }

  private static String unverifiedIssuer(String token) {
    String[] parts = token.split("\\.");
    if (parts.length != 3) {
      return "";
    }
    try {
      String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
      return new JsonObject(payload).getString("iss", "");
    } catch (RuntimeException e) {
      return "";
    }
  }

  /** Who a verified token speaks for. */
  public sealed interface Identity permits OwnToken, ProviderToken {}

  public record OwnToken(long personId, int sessionEpoch) implements Identity {}

  public record ProviderToken(String issuer, String subject, String email, String name, Set<Role> roles)
      implements Identity {}
}
