package app.shipyard.db;

import app.shipyard.config.AppConfig.DatabaseConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClientOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the reactive pools and applies the versioned migrations in {@code sql/}. */
public final class Database {

  private static final Logger LOG = LoggerFactory.getLogger(Database.class);

  /** A connection attempt gives up after this, so that a request meets an unreachable database with a quick 503. */
  private static final int CONNECT_TIMEOUT_MS = 2_000;

  private Database() {}

  public static Pool pool(Vertx vertx, DatabaseConfig db, int maxSize) {
    return build(vertx, db, new PoolOptions().setMaxSize(maxSize).setShared(true).setName("shipyard"));
  }

  /** A pool of one connection for {@link DatabaseWatch}, so that its probes never wait behind requests. */
  static Pool probePool(Vertx vertx, DatabaseConfig db) {
    return build(vertx, db, new PoolOptions().setMaxSize(1).setName("shipyard-watch"));
  }

  /** Where the database is and who to connect as, for a connection of one's own (the live feed's LISTEN). */
  public static PgConnectOptions connectOptions(DatabaseConfig db) {
    return new PgConnectOptions()
        .setHost(db.host()).setPort(db.port()).setDatabase(db.database())
        .setUser(db.user()).setPassword(db.password());
  }

  /** The pool opens new connections as they are needed, so it reconnects by itself after the database comes back. */
  private static Pool build(Vertx vertx, DatabaseConfig db, PoolOptions options) {
    PgConnectOptions connect = connectOptions(db)
        .setCachePreparedStatements(true)
        .setPipeliningLimit(16);
    return PgBuilder.pool()
        .with(options)
        .with(new NetClientOptions().setConnectTimeout(CONNECT_TIMEOUT_MS).setTcpKeepAlive(true))
        .connectingTo(connect)
        .using(vertx)
        .build();
  }

  /** Flyway speaks JDBC, so it runs on a worker thread, never on the event loop. */
  public static Future<Integer> migrate(Vertx vertx, DatabaseConfig db) {
    return vertx.executeBlocking(() -> {
      MigrateResult result = Flyway.configure()
          .dataSource("jdbc:postgresql://" + db.host() + ":" + db.port() + "/" + db.database(), db.user(), db.password())
          .locations("classpath:db/migration")
          .load()
          .migrate();
      LOG.info("Database schema at version {} ({} migrations applied now)", result.targetSchemaVersion,
          result.migrationsExecuted);
      return result.migrationsExecuted;
    });
  }
}
