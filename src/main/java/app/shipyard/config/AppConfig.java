package app.shipyard.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Everything Shipyard can be configured with, loaded once at start-up by {@link ConfigLoader}.
 *
 * @param database      where PostgreSQL is; empty means "start the embedded one"
 * @param signingSecret HS256 secret for the tokens Shipyard issues; empty means "generate and keep one" (embedded only)
 * @param publicOrigins  the origins (scheme://host[:port]) people reach Shipyard at through a proxy that rewrites the
 *                      Host header; a form post whose Origin is one of them counts as same-site
 * @param maxUploadBytes the largest file an attachment upload may carry ({@code MAX_UPLOAD_BYTES})
 * @param metricsToken  a bearer token (at least 32 characters) that may read {@code /metrics} without signing in
 *                      ({@code SHIPYARD_METRICS_TOKEN}); empty means admins only
 * @param maxConnections the most HTTP connections (websockets included) held at once ({@code HTTP_MAX_CONNECTIONS});
 *                      0 means "as many as the open-file limit leaves room for" ({@code web/ConnectionBudget})
 */
public record AppConfig(
    String httpHost,
    int httpPort,
    int httpInstances,
    Path dataDir,
    Optional<DatabaseConfig> database,
    Optional<String> signingSecret,
    Duration tokenLifetime,
    boolean secureCookies,
    Optional<SsoConfig> sso,
    SignInLimits signInLimits,
    Boolean sampleData,
    long maxBodyBytes,
    List<String> publicOrigins,
    long maxUploadBytes,
    Optional<String> metricsToken,
    int maxConnections) {

  public boolean embeddedDatabase() {
    return database.isEmpty();
  }

  /** The sample company is loaded into an empty embedded database unless told otherwise. */
  public boolean loadSampleData() {
    return sampleData != null ? sampleData : embeddedDatabase();
  }

  public AppConfig withDatabase(DatabaseConfig db) {
    return new AppConfig(httpHost, httpPort, httpInstances, dataDir, Optional.of(db), signingSecret,
        tokenLifetime, secureCookies, sso, signInLimits, sampleData, maxBodyBytes, publicOrigins,
        maxUploadBytes, metricsToken, maxConnections);
  }

  public AppConfig withSigningSecret(String secret) {
    return new AppConfig(httpHost, httpPort, httpInstances, dataDir, database, Optional.of(secret),
        tokenLifetime, secureCookies, sso, signInLimits, sampleData, maxBodyBytes, publicOrigins,
        maxUploadBytes, metricsToken, maxConnections);
  }

  public AppConfig withHttpPort(int port) {
    return new AppConfig(httpHost, port, httpInstances, dataDir, database, signingSecret,
        tokenLifetime, secureCookies, sso, signInLimits, sampleData, maxBodyBytes, publicOrigins,
        maxUploadBytes, metricsToken, maxConnections);
  }

  public AppConfig withSso(SsoConfig ssoConfig) {
    return new AppConfig(httpHost, httpPort, httpInstances, dataDir, database, signingSecret,
        tokenLifetime, secureCookies, Optional.ofNullable(ssoConfig), signInLimits, sampleData, maxBodyBytes, publicOrigins,
        maxUploadBytes, metricsToken, maxConnections);
  }

  public AppConfig withSignInLimits(SignInLimits limits) {
    return new AppConfig(httpHost, httpPort, httpInstances, dataDir, database, signingSecret,
        tokenLifetime, secureCookies, sso, limits, sampleData, maxBodyBytes, publicOrigins,
        maxUploadBytes, metricsToken, maxConnections);
  }

  public record DatabaseConfig(String host, int port, String database, String user, String password) {}

  /**
   * A company identity provider whose tokens Shipyard accepts.
   * Exactly one of the key sources is set.
   */
  public record SsoConfig(String issuer, String audience, Optional<String> hs256Secret,
                          Optional<String> publicKeyPem, Optional<String> publicKeyAlgorithm,
                          Optional<Path> jwksFile) {}

  /** Failed sign-ins allowed per account and per address within the window before sign-in is refused. */
  public record SignInLimits(int perAccount, int perAddress, Duration window) {}
}
