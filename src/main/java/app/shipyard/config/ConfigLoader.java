package app.shipyard.config;

import app.shipyard.config.AppConfig.DatabaseConfig;
import app.shipyard.config.AppConfig.SignInLimits;
import app.shipyard.config.AppConfig.SsoConfig;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Reads {@link AppConfig} from the environment, with an optional properties file
 * (named by {@code SHIPYARD_CONFIG}) whose keys are the same names as the variables.
 * The environment wins over the file. Runs once in {@code main}, before Vert.x starts.
 */
public final class ConfigLoader {

  private final Map<String, String> values;

  public ConfigLoader(Map<String, String> values) {
    this.values = values;
  }

  public static AppConfig fromEnvironment() {
    Map<String, String> merged = new HashMap<>();
    String file = System.getenv("SHIPYARD_CONFIG");
    if (file != null && !file.isBlank()) {
      merged.putAll(readProperties(Path.of(file)));
    }
    merged.putAll(System.getenv());
    return new ConfigLoader(merged).load();
  }

  public AppConfig load() {
    int cores = Runtime.getRuntime().availableProcessors();
    SignInLimits limits = new SignInLimits(
        integer("SIGN_IN_MAX_FAILURES_PER_ACCOUNT", 5),
        integer("SIGN_IN_MAX_FAILURES_PER_ADDRESS", 30),
        Duration.ofMinutes(integer("SIGN_IN_WINDOW_MINUTES", 15)));
    return new AppConfig(
        text("HTTP_HOST").orElse("127.0.0.1"),
        integer("HTTP_PORT", 8080),
        integer("HTTP_INSTANCES", cores),
        Path.of(text("SHIPYARD_DATA_DIR").orElse("data")),
        database(),
        text("SHIPYARD_SIGNING_SECRET"),
        Duration.ofMinutes(integer("TOKEN_LIFETIME_MINUTES", 12 * 60)),
        Boolean.parseBoolean(text("SECURE_COOKIES").orElse("false")),
        sso(),
        limits,
        text("SAMPLE_DATA").map(Boolean::parseBoolean).orElse(null),
        integer("MAX_BODY_BYTES", 1024 * 1024),
        publicOrigins(),
        integer("MAX_UPLOAD_BYTES", 10 * 1024 * 1024),
        text("SHIPYARD_METRICS_TOKEN"),
        integer("HTTP_MAX_CONNECTIONS", 0));
  }

  /** {@code SHIPYARD_PUBLIC_ORIGINS}: comma-separated {@code https://host[:port]}, nothing else (no path). */
  private List<String> publicOrigins() {
    List<String> origins = new ArrayList<>();
    for (String raw : text("SHIPYARD_PUBLIC_ORIGINS").orElse("").split(",")) {
      String origin = raw.strip();
      if (origin.isEmpty()) {
        continue;
      }
      URI uri;
      try {
        uri = new URI(origin);
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException("SHIPYARD_PUBLIC_ORIGINS: '" + origin + "' is not an origin");
      }
      boolean web = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
      if (!web || uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawQuery() != null
          || uri.getRawFragment() != null || !(uri.getRawPath() == null || uri.getRawPath().isEmpty())) {
        throw new IllegalArgumentException("SHIPYARD_PUBLIC_ORIGINS: '" + origin
            + "' must be scheme://host[:port] with scheme http or https and nothing after it");
      }
      origins.add(origin);
    }
    return List.copyOf(origins);
  }

  private Optional<DatabaseConfig> database() {
    Optional<String> url = text("DATABASE_URL");
    if (url.isPresent()) {
      return Optional.of(parseUrl(url.get()));
    }
    return text("PGHOST").map(host -> new DatabaseConfig(host,
        integer("PGPORT", 5432),
        text("PGDATABASE").orElse("shipyard"),
        text("PGUSER").orElse("shipyard"),
        text("PGPASSWORD").orElse("")));
  }

  /** Accepts {@code postgres://user:password@host:port/database} (and {@code postgresql://}). */
  static DatabaseConfig parseUrl(String url) {
    URI uri = URI.create(url.startsWith("jdbc:") ? url.substring(5) : url);
    if (!"postgres".equals(uri.getScheme()) && !"postgresql".equals(uri.getScheme())) {
      throw new IllegalArgumentException("DATABASE_URL must start with postgres:// or postgresql://");
    }
    String user = "shipyard";
    String password = "";
    if (uri.getRawUserInfo() != null) {
      String[] parts = uri.getRawUserInfo().split(":", 2);
      user = decode(parts[0]);
      password = parts.length > 1 ? decode(parts[1]) : "";
    }
    String database = uri.getPath() == null || uri.getPath().length() <= 1 ? "shipyard" : uri.getPath().substring(1);
    return new DatabaseConfig(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 5432, database, user, password);
  }

  private Optional<SsoConfig> sso() {
    Optional<String> issuer = text("SSO_ISSUER");
    if (issuer.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> secret = text("SSO_HS256_SECRET");
    Optional<String> pem = text("SSO_PUBLIC_KEY_FILE").map(f -> readText(Path.of(f)));
    Optional<Path> jwks = text("SSO_JWKS_FILE").map(Path::of);
    if (secret.isEmpty() && pem.isEmpty() && jwks.isEmpty()) {
      throw new IllegalStateException(
          "SSO_ISSUER is set but no key: set SSO_HS256_SECRET, SSO_PUBLIC_KEY_FILE or SSO_JWKS_FILE");
    }
    return Optional.of(new SsoConfig(issuer.get(),
        text("SSO_AUDIENCE").orElse("shipyard"),
        secret, pem, Optional.of(text("SSO_PUBLIC_KEY_ALGORITHM").orElse("RS256")), jwks));
  }

  private Optional<String> text(String key) {
    String value = values.get(key);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  private int integer(String key, int fallback) {
    Optional<String> value = text(key);
    try {
      return value.map(Integer::parseInt).orElse(fallback);
    } catch (NumberFormatException e) {
      throw new IllegalStateException(key + " must be a whole number, got '" + value.get() + "'");
    }
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  private static String readText(Path path) {
    try {
      return Files.readString(path);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read " + path + ": " + e.getMessage(), e);
    }
  }

  private static Map<String, String> readProperties(Path path) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(path)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read SHIPYARD_CONFIG file " + path + ": " + e.getMessage(), e);
    }
    Map<String, String> map = new HashMap<>();
    properties.forEach((k, v) -> map.put(k.toString(), v.toString()));
    return map;
  }
}
