package app.shipyard;

import app.shipyard.account.AccountFeatures;
import app.shipyard.account.TokenService;
import app.shipyard.attachment.AttachmentFeatures;
import app.shipyard.admin.AdminRoutes;
import app.shipyard.admin.PeopleImport;
import app.shipyard.award.AwardRepository;
import app.shipyard.award.AwardRoutes;
import app.shipyard.config.AppConfig;
import app.shipyard.config.AppConfig.DatabaseConfig;
import app.shipyard.db.Database;
import app.shipyard.db.DatabaseWatch;
import app.shipyard.db.EmbeddedPostgres;
import app.shipyard.event.DraftEvents;
import app.shipyard.event.EventCalendar;
import app.shipyard.event.EventFeatures;
import app.shipyard.health.DatabaseGate;
import app.shipyard.health.HealthRoutes;
import app.shipyard.home.HomeRoutes;
import app.shipyard.insight.InsightRoutes;
import app.shipyard.live.LiveFeatures;
import app.shipyard.live.LiveFeed;
import app.shipyard.live.LiveMeters;
import app.shipyard.metrics.Metrics;
import app.shipyard.metrics.MetricsRoutes;
import app.shipyard.people.PeopleRoutes;
import app.shipyard.pitch.PitchFeatures;
import app.shipyard.pitch.PitchVisibility;
import app.shipyard.portfolio.PortfolioRepository;
import app.shipyard.portfolio.PortfolioRoutes;
import app.shipyard.sample.SampleCompany;
import app.shipyard.stage.StageFeatures;
import app.shipyard.showcase.ShowcaseFeatures;
import app.shipyard.survey.SurveyFeatures;
import app.shipyard.search.SearchRoutes;
import app.shipyard.team.Membership;
import app.shipyard.team.TeamFeatures;
import app.shipyard.voting.VoteMeters;
import app.shipyard.voting.VotingFeatures;
import app.shipyard.web.Answers;
import app.shipyard.web.ConnectionBudget;
import app.shipyard.web.FailureHandler;
import app.shipyard.web.HttpVerticle;
import app.shipyard.web.Idempotency;
import app.shipyard.web.Routes;
import app.shipyard.web.Views;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A running Shipyard: wires the features together, and takes them down again in order. */
public final class Shipyard {

  private static final Logger LOG = LoggerFactory.getLogger(Shipyard.class);

  private final Vertx vertx;
  private final Pool pool;
  private final EmbeddedPostgres embedded;
  private final DatabaseConfig database;
  private final int port;

  private Shipyard(Vertx vertx, Pool pool, EmbeddedPostgres embedded, DatabaseConfig database, int port) {
    this.vertx = vertx;
    this.pool = pool;
    this.embedded = embedded;
    this.database = database;
    this.port = port;
  }

  /** Blocking: starts the embedded database if needed, then Vert.x; call from {@code main} or a test. */
  public static Shipyard start(AppConfig config) throws Exception {
    boolean sampleData = config.loadSampleData();
    if (config.signingSecret().isEmpty() && !config.embeddedDatabase()) {
      throw new IllegalStateException("SHIPYARD_SIGNING_SECRET must be set (at least 32 characters) "
          + "when Shipyard uses an external database");
    }
    if (config.signingSecret().isEmpty()) {
      config = config.withSigningSecret(keptSecret(config.dataDir().resolve("signing-secret")));
    }
    if (config.signingSecret().get().length() < 32) {
      throw new IllegalStateException("SHIPYARD_SIGNING_SECRET must be at least 32 characters long");
    }
    Metrics metrics = Metrics.configured(config);
    // Started last, so that nothing above can fail and leave it running.
    EmbeddedPostgres embedded = null;
    if (config.embeddedDatabase()) {
      embedded = EmbeddedPostgres.start(config.dataDir());
      config = config.withDatabase(embedded.connection());
    }
    Vertx vertx = metrics.createVertx();
    // A failure thrown inside a completion handler cannot reach a request's failure handler; at least log it.
    vertx.exceptionHandler(t -> LOG.error("Unhandled failure on an event loop", t));
    try {
      AppConfig settled = config;
      EmbeddedPostgres db = embedded;
      return wire(vertx, settled, sampleData, metrics)
          .map(started -> new Shipyard(vertx, started.pool, db, settled.database().orElseThrow(), started.port)).await();
    } catch (Exception e) {
      vertx.close().await();
      if (embedded != null) {
        embedded.close();
      }
      throw e;
    }
  }

  private record Started(Pool pool, int port) {}

  private static Future<Started> wire(Vertx vertx, AppConfig config, boolean sampleData, Metrics metrics) {
    var db = config.database().orElseThrow();
    Pool pool = Database.pool(vertx, db, 16);
    DatabaseWatch watch = new DatabaseWatch(db);
    LiveMeters liveMeters = new LiveMeters(metrics.registry());
    LiveFeed liveFeed = new LiveFeed(Database.connectOptions(db), pool, liveMeters);
    return Database.migrate(vertx, db)
        .compose(v -> vertx.deployVerticle(watch))
        .compose(v -> vertx.deployVerticle(liveFeed))
        .compose(v -> Future.all(Views.load(vertx), vertx.executeBlocking(() -> TokenService.create(vertx,
            config.signingSecret().get(), config.tokenLifetime(), config.sso())), EventCalendar.warmUp(vertx)))
        .compose(loaded -> {
          // Built once per process: the pool, the views, the token service, and each feature with its repositories.
          Views views = loaded.resultAt(0);
          AccountFeatures account = new AccountFeatures(vertx, config, pool, loaded.resultAt(1));
          Idempotency idempotency = new Idempotency(pool);
          EventFeatures event = new EventFeatures(pool, views, account.reference());
          PitchFeatures pitch = new PitchFeatures(pool, views, event.events(), Membership::enrolCaptain, idempotency);
          VotingFeatures voting = new VotingFeatures(pool, event.events(), new VoteMeters(metrics.registry()));
          StageFeatures stage = new StageFeatures(pool, event.events(), voting.votes(), config.publicOrigins());
          SurveyFeatures survey = new SurveyFeatures(pool, event.events());
          AttachmentFeatures attachments = new AttachmentFeatures(vertx, config, pool, pitch.pitches());
          InsightRoutes insights = new InsightRoutes(pool, event.events(), survey.surveys());
          List<Routes.Feature> features = List.of(
              // Who-sees-what guards first: they cover every route registered after them under their paths.
              new DraftEvents(event.events()), new PitchVisibility(pitch.pitches()),
              new HealthRoutes(watch), new HomeRoutes(pool), account,
              new PeopleRoutes(account.people(), account.reference()),
              new PortfolioRoutes(new PortfolioRepository(pool), account.people(), new AwardRepository(pool)),
              new AdminRoutes(account.people(), new PeopleImport(account.people(), account.reference())),
              event, pitch, new TeamFeatures(pool, pitch.pitches(), event.events(), idempotency),
              voting, new AwardRoutes(pool, new AwardRepository(pool), event.events()), stage,
              new LiveFeatures(vertx, pool, liveFeed, event.events(), voting.votes(), config.publicOrigins(),
                  List.of(stage.part()), liveMeters),
              new SearchRoutes(pool), new ShowcaseFeatures(pool, attachments.galleries(), views), attachments,
              survey, insights,
              new MetricsRoutes(vertx, metrics));
          Future<?> sample = sampleData
              ? new SampleCompany(pool, account.people(), account.hasher()).loadIfEmpty() : Future.succeededFuture();
          return sample.compose(d -> account.tidy()).compose(d -> idempotency.keepTidy(vertx))
              .compose(d -> voting.startClock(vertx))
              .compose(d -> insights.keepFresh(vertx))
              // Counts the descriptors open now (a directory read, off the event loop): what the process keeps.
              .compose(d -> vertx.executeBlocking(() -> ConnectionBudget.of(config.maxConnections(),
                  metrics.registry(), liveMeters)))
              .compose(budget -> deployHttp(vertx, config, views, watch, metrics, account, features, budget))
              .map(port -> new Started(pool, port));
        });
  }

  /**
   * Built once per HTTP verticle instance: its server, router and request filters; each feature registers its routes
   * on that router (a feature that keeps per-instance state, such as sockets, creates it in {@code register}).
   */
  private static Future<Integer> deployHttp(Vertx vertx, AppConfig config, Views views, DatabaseWatch watch,
                                            Metrics metrics, AccountFeatures account, List<Routes.Feature> features,
                                            ConnectionBudget budget) {
    Answers answers = new Answers(views);
    List<HttpVerticle> servers = new CopyOnWriteArrayList<>();
    return vertx.deployVerticle(() -> {
      HttpVerticle server = new HttpVerticle(config.httpHost(), config.httpPort(), config.maxBodyBytes(),
          // The metrics token is recognised before authentication, which then leaves that bearer alone.
          Stream.concat(Stream.of(new DatabaseGate(watch), metrics.token()), account.filters().stream()).toList(),
          features, new FailureHandler(answers), answers, budget);
      servers.add(server);
      return server;
    }, new DeploymentOptions().setInstances(config.httpInstances())).map(id -> servers.get(0).actualPort());
  }

  /** Graceful stop: HTTP servers finish in-flight requests, then the pool closes, then the database. */
  public void stop() {
    LOG.info("Shipyard stopping");
    try {
      Future.all(vertx.deploymentIDs().stream().map(vertx::undeploy).toList())
          .transform(ignored -> pool.close())
          .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.warn("Shipyard did not stop cleanly: {}", e.toString());
    } finally {
      if (embedded != null) {
        embedded.close();
      }
    }
  }

  public int port() {
    return port;
  }

  /** The PostgreSQL this instance uses (the embedded one's address when it started one). */
  public DatabaseConfig database() {
    return database;
  }

  public Vertx vertx() {
    return vertx;
  }

  public Pool pool() {
    return pool;
  }

  /** Generated on first start and kept (readable by this user only) so that tokens survive restarts. */
  private static String keptSecret(Path file) throws IOException {
    if (Files.exists(file)) {
      return Files.readString(file).trim();
    }
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    String secret = HexFormat.of().formatHex(bytes);
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))),
        secret);
    return secret;
  }
}
