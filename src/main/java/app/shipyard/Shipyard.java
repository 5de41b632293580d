package app.shipyard;

import app.shipyard.account.AccountRoutes;
import app.shipyard.account.Authenticator;
import app.shipyard.account.PasswordHasher;
import app.shipyard.account.PersonRepository;
import app.shipyard.account.ReferenceRepository;
import app.shipyard.account.SignInAttempts;
import app.shipyard.account.SignInService;
import app.shipyard.account.TokenService;
import app.shipyard.admin.AdminRoutes;
import app.shipyard.admin.PeopleImport;
import app.shipyard.config.AppConfig;
import app.shipyard.db.Database;
import app.shipyard.db.DatabaseWatch;
import app.shipyard.db.EmbeddedPostgres;
import app.shipyard.sample.SampleCompany;
import app.shipyard.event.DashboardRepository;
import app.shipyard.event.DashboardRoutes;
import app.shipyard.event.EventCalendar;
import app.shipyard.event.EventEdits;
import app.shipyard.event.EventPhaseRoutes;
import app.shipyard.event.EventRepository;
import app.shipyard.event.EventRoutes;
import app.shipyard.event.ParticipantRepository;
import app.shipyard.event.ParticipantRoutes;
import app.shipyard.event.ScheduleRepository;
import app.shipyard.event.ScheduleRoutes;
import app.shipyard.health.DatabaseGate;
import app.shipyard.health.HealthRoutes;
import app.shipyard.pitch.PitchChangeRepository;
import app.shipyard.pitch.PitchEditRoutes;
import app.shipyard.pitch.PitchListRoutes;
import app.shipyard.pitch.PitchModerationRoutes;
import app.shipyard.pitch.PitchRepository;
import app.shipyard.pitch.PitchRoutes;
import app.shipyard.pitch.PitchTalkRepository;
import app.shipyard.pitch.PitchTalkRoutes;
import app.shipyard.people.PeopleRoutes;
import app.shipyard.portfolio.PortfolioRepository;
import app.shipyard.portfolio.PortfolioRoutes;
import app.shipyard.team.TeamFeatures;
import app.shipyard.web.Answers;
import app.shipyard.web.Csrf;
import app.shipyard.web.FailureHandler;
import app.shipyard.web.HomeRoutes;
import app.shipyard.web.HttpVerticle;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A running Shipyard: wires the features together, and takes them down again in order. */
public final class Shipyard {

  private static final Logger LOG = LoggerFactory.getLogger(Shipyard.class);

  private final Vertx vertx;
  private final Pool pool;
  private final EmbeddedPostgres embedded;
  private final int port;

  private Shipyard(Vertx vertx, Pool pool, EmbeddedPostgres embedded, int port) {
    this.vertx = vertx;
    this.pool = pool;
    this.embedded = embedded;
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
    // Started last, so that nothing above can fail and leave it running.
    EmbeddedPostgres embedded = null;
    if (config.embeddedDatabase()) {
      embedded = EmbeddedPostgres.start(config.dataDir());
      config = config.withDatabase(embedded.connection());
    }
    Vertx vertx = Vertx.vertx();
    // A failure thrown inside a completion handler cannot reach a request's failure handler; at least log it.
    vertx.exceptionHandler(t -> LOG.error("Unhandled failure on an event loop", t));
    try {
      AppConfig settled = config;
      EmbeddedPostgres db = embedded;
      return wire(vertx, settled, sampleData).map(started -> new Shipyard(vertx, started.pool, db, started.port))
          .await();
    } catch (Exception e) {
      vertx.close().await();
      if (embedded != null) {
        embedded.close();
      }
      throw e;
    }
  }

  private record Started(Pool pool, int port) {}

  private static Future<Started> wire(Vertx vertx, AppConfig config, boolean sampleData) {
    var db = config.database().orElseThrow();
    Pool pool = Database.pool(vertx, db, 16);
    DatabaseWatch watch = new DatabaseWatch(db);
    return Database.migrate(vertx, db)
        .compose(v -> vertx.deployVerticle(watch))
        .compose(v -> Future.all(Views.load(vertx), vertx.executeBlocking(() -> TokenService.create(vertx,
            config.signingSecret().get(), config.tokenLifetime(), config.sso())), EventCalendar.warmUp(vertx)))
        .compose(loaded -> {
          Views views = loaded.resultAt(0);
          TokenService tokens = loaded.resultAt(1);
          PasswordHasher hasher = new PasswordHasher(vertx);
          PersonRepository people = new PersonRepository(pool);
          ReferenceRepository reference = new ReferenceRepository(pool);
          EventRepository events = new EventRepository(pool);
          PitchRepository pitches = new PitchRepository(pool);
          ScheduleRepository schedule = new ScheduleRepository(pool);
          ParticipantRepository participants = new ParticipantRepository(pool);
          DashboardRepository dashboards = new DashboardRepository(pool, events, participants);
          PitchChangeRepository pitchChanges = new PitchChangeRepository(pool);
          PitchTalkRepository pitchTalk = new PitchTalkRepository(pool);
          SignInAttempts attempts = new SignInAttempts(pool, config.signInLimits());
          SignInService signIn = new SignInService(people, hasher, attempts, tokens);
          Future<?> demo = sampleData ? new SampleCompany(pool, people, hasher).loadIfEmpty()
              : Future.succeededFuture();
          List<HttpVerticle> servers = new CopyOnWriteArrayList<>();
          return demo.compose(d -> attempts.forgetOld()).compose(d -> vertx.deployVerticle(() -> {
            HttpVerticle server = new HttpVerticle(config.httpHost(), config.httpPort(), config.maxBodyBytes(),
                List.of(new DatabaseGate(watch), new Authenticator(tokens, people, config.secureCookies()),
                    new Csrf(vertx, config.signingSecret().get(), config.secureCookies(), Authenticator.COOKIE)),
                List.of(new HealthRoutes(watch), new HomeRoutes(views),
                    new AccountRoutes(signIn, people, reference, views, config.secureCookies()),
                    new PeopleRoutes(people, reference, views),
                    new PortfolioRoutes(new PortfolioRepository(pool), people, views),
                    new AdminRoutes(people, new PeopleImport(people, reference), views),
                    new EventRoutes(events, new EventEdits(pool), pitches, schedule, reference, views),
                    new EventPhaseRoutes(events), new ScheduleRoutes(events, schedule),
                    new ParticipantRoutes(events, participants, reference, views), new DashboardRoutes(dashboards, views),
                    new PitchRoutes(pitches, pitchChanges, pitchTalk, events, views),
                    new PitchListRoutes(pitches, events, views),
                    new PitchEditRoutes(pitches, pitchChanges, events, views),
                    new PitchModerationRoutes(pitches, pitchChanges),
                    new PitchTalkRoutes(pitches, pitchTalk),
                    TeamFeatures.routes(pool, pitches, events, views)),
                new FailureHandler(new Answers(views)), new Answers(views));
            servers.add(server);
            return server;
          }, new DeploymentOptions().setInstances(config.httpInstances())))
              .map(id -> new Started(pool, servers.get(0).actualPort()));
        });
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
