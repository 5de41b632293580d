package app.shipyard.db;

import app.shipyard.config.AppConfig.DatabaseConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the reactive pool and applies the versioned migrations in {@code sql/}. */
public final class Database {

  private static final Logger LOG = LoggerFactory.getLogger(Database.class);

  private Database() {}

  public static Pool pool(Vertx vertx, DatabaseConfig db, int maxSize) {
    PgConnectOptions connect = new PgConnectOptions()
        .setHost(db.host()).setPort(db.port()).setDatabase(db.database())
        .setUser(db.user()).setPassword(db.password())
        .setCachePreparedStatements(true)
        .setPipeliningLimit(16);
    return PgBuilder.pool()
        .with(new PoolOptions().setMaxSize(maxSize).setShared(true).setName("shipyard"))
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
