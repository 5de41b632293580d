package app.shipyard.db;

import app.shipyard.Shipyard;
import app.shipyard.account.PasswordHasher;
import app.shipyard.config.ConfigLoader;
import io.vertx.core.Vertx;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.sqlclient.Tuple;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A Shipyard of one test class's own, on its own embedded PostgreSQL in {@code dataDir} and with a generated signing
 * secret, as a newcomer starts it; so that what the test does to its database cannot disturb the shared test server.
 */
final class OwnShipyard implements AutoCloseable {

  static final String PASSWORD = "correct horse battery";

  private final Shipyard shipyard;
  private final Vertx clientVertx = Vertx.vertx();
  private final WebClient client;

  private OwnShipyard(Shipyard shipyard) {
    this.shipyard = shipyard;
    this.client = WebClient.create(clientVertx, new WebClientOptions().setDefaultHost("127.0.0.1")
        .setDefaultPort(shipyard.port()).setFollowRedirects(false), new PoolOptions().setHttp1MaxSize(16));
  }

  static OwnShipyard start(Path dataDir) throws Exception {
    Map<String, String> env = environment();
    env.put("SHIPYARD_DATA_DIR", dataDir.toString());
    return new OwnShipyard(Shipyard.start(new ConfigLoader(env).load()));
  }

  /** A Shipyard on an existing database given by URL, as with a company's own PostgreSQL. */
  static OwnShipyard onDatabase(String databaseUrl) throws Exception {
    Map<String, String> env = environment();
    env.put("DATABASE_URL", databaseUrl);
    env.put("SHIPYARD_SIGNING_SECRET", "own-shipyard-signing-secret-0123456789abcdef");
    return new OwnShipyard(Shipyard.start(new ConfigLoader(env).load()));
  }

  private static Map<String, String> environment() {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.remove("DATABASE_URL");
    env.remove("SHIPYARD_SIGNING_SECRET");
    env.keySet().removeIf(k -> k.startsWith("PG"));
    env.put("HTTP_PORT", "0");
    env.put("HTTP_INSTANCES", "1");
    env.put("SAMPLE_DATA", "false");
    return env;
  }

  Shipyard shipyard() {
    return shipyard;
  }

  WebClient client() {
    return client;
  }

  /** Adds a person with {@link #PASSWORD} and the given roles, signs them in and returns their bearer token. */
  String tokenOfNew(String email, String... roles) {
    String hash = new PasswordHasher(shipyard.vertx()).hash(PASSWORD).await();
    long id = shipyard.pool().preparedQuery("INSERT INTO people (email, display_name, password_hash) "
            + "VALUES ($1, $1, $2) RETURNING id").execute(Tuple.of(email, hash)).await().iterator().next().getLong(0);
    shipyard.pool().preparedQuery("INSERT INTO person_roles (person_id, role) SELECT $1, unnest($2::text[])")
        .execute(Tuple.of(id).addArrayOfString(roles)).await();
    return signIn(email);
  }

  String signIn(String email) {
    var response = client.post("/api/auth/token")
        .sendJsonObject(new JsonObject().put("email", email).put("password", PASSWORD)).await();
    if (response.statusCode() != 200) {
      throw new IllegalStateException("Sign-in failed: " + response.statusCode() + " " + response.bodyAsString());
    }
    return response.bodyAsJsonObject().getString("token");
  }

  /** The cluster folder, found through the data folder as an operator would (it may be a link to /var/tmp). */
  static Path cluster(Path dataDir) {
    return dataDir.resolve("embedded").resolve("postgres");
  }

  @Override
  public void close() {
    shipyard.stop();
    clientVertx.close().await();
  }

  /** Deletes a data folder, and the folder in /var/tmp that holds its database when {@code embedded} links there. */
  static void deleteData(Path dataDir) throws IOException {
    Path embedded = dataDir.resolve("embedded");
    if (Files.isSymbolicLink(embedded)) {
      deleteTree(Files.readSymbolicLink(embedded));
    }
    deleteTree(dataDir);
  }

  /** Deletes a folder and everything in it; links are deleted, never followed. */
  static void deleteTree(Path tree) throws IOException {
    if (!Files.exists(tree, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(tree)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
